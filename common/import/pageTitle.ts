/**
 * A page whose body prints no title (a CMS that writes it with script, or shows it only in the browser's
 * tab) still names the document in its <title> or its ArticleTitle meta: "标题_栏目_网站名". The part that
 * reads as a 公文 title (ending with a kind word: 通知, 意见, 批复 …) is the document's title; the site's and
 * the column's names never end so. Pure (reads the HTML string; the body parser never sees <head>).
 */
import { squeezeWhitespace } from '../model';
import { endsLikeTitleStrongly } from './gongwen';

const MAX_HEAD = 20_000;

function decodeEntities(text: string): string {
  return text.replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

/** The document title a page's head gives, or ''. */
export function titleFromPageHead(html: string): string {
  const head = html.slice(0, MAX_HEAD);
  const candidates = [
    /<meta\s[^>]*name\s*=\s*["']?ArticleTitle["']?[^>]*content\s*=\s*["']([^"']*)["']/i.exec(head)?.[1],
    /<meta\s[^>]*content\s*=\s*["']([^"']*)["'][^>]*name\s*=\s*["']?ArticleTitle["']?/i.exec(head)?.[1],
    /<title[^>]*>([\s\S]{0,400}?)<\/title>/i.exec(head)?.[1],
  ];
  for (const raw of candidates) {
    if (!raw) continue;
    // 标题_栏目_网站, 标题 - 网站, 标题|网站: the title is the part that ends like one.
    const text = decodeEntities(raw);
    for (const part of [text, ...text.split(/\s*(?:[_|｜]|\s[-–—]\s|——|-(?=[^-]*$))\s*/)]) {
      const t = squeezeWhitespace(part);
      if ((t.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 4 && t.length <= 120 && endsLikeTitleStrongly(t)) return t;
    }
  }
  return '';
}
