/**
 * A document whose text prints no title (a text converted from a page whose title stood in its metadata) would
 * go into the issue with an empty TOC entry. When it came from a file named in Chinese (关于…的纪要.txt, as
 * offices name their files), that name is its title: taken with a warning so the editor checks it. A name
 * without Chinese (p6_gyblhjwrxsajygwtzthjy.txt) names no title and is not used.
 */
import { normalizeContent, squeezeWhitespace, type DocumentContent } from '../model';

/** The title a file's name gives (extension, a leading 01_ / p6- numbering and a trailing (1) copy mark off), or ''. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = squeezeWhitespace(base.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/^[A-Za-z]{0,2}\d{0,4}[_\-.\s]+/, '').replace(/\s*[（(]\d{1,2}[)）]$/, ''));
  const cjk = stem.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return cjk >= 4 && stem.length <= 80 ? stem : '';
}

/** The content with the file name's title at its top when it has no title of its own; `used` says whether it was put. */
export function withFileNameTitle(content: DocumentContent, fileName: string): { content: DocumentContent; used: string } {
  if (content.blocks.some((b) => b.type === 'doc-title')) return { content, used: '' };
  const title = titleFromFileName(fileName);
  if (!title) return { content, used: '' };
  return { content: normalizeContent({ ...content, blocks: [{ type: 'doc-title', children: [{ text: title }] }, ...content.blocks] }), used: title };
}
