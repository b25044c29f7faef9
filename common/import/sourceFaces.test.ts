import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlockElement, DocumentContent, TextLeaf } from '../model';
import { collectHtmlItems, faceOfFamily, type HtmlParagraph } from './cleanWordHtml';
import { fromPastedHtml } from './fromPastedHtml';
import { browserHtmlEnvironment, type HtmlNodeLike } from './htmlTree';
import { importIssueFromHtml } from './fromHtml';
import { applySourceFaces } from './sourceFaces';

const g = globalThis as unknown as { DOMParser?: unknown };
let saved: unknown;
beforeAll(() => {
  saved = g.DOMParser;
  g.DOMParser = DOMParser;
});
afterAll(() => {
  g.DOMParser = saved;
});

const env = () => browserHtmlEnvironment();
const body = (html: string) => env().parseBody(html) as HtmlNodeLike;
const runsOf = (html: string) => (collectHtmlItems(body(html)).items as HtmlParagraph[]).map((p) => p.runs.map((r) => (r.face ? `[${r.face}:${r.text}]` : r.text)).join(''));
const leavesWithFace = (content: DocumentContent): string[] => {
  const out: string[] = [];
  const walk = (b: { children?: unknown[] } & Partial<TextLeaf>, type: string) => {
    if (typeof b.text === 'string') {
      if (b.face) out.push(`${type} ${b.face} ${b.text}`);
      return;
    }
    for (const c of (b.children ?? []) as Array<{ children?: unknown[]; type?: string }>) walk(c, c.type ?? type);
  };
  for (const block of content.blocks) walk(block as never, block.type);
  return out;
};

describe('the source body font is no face mark', () => {
  it('reads only 楷体 and 黑体 as emphasis faces; 微软雅黑, 宋体, 仿宋, 等线 are body fonts', () => {
    expect(['楷体_GB2312', 'KaiTi', '"STKaiti"', '楷体', '黑体', 'SimHei', 'Heiti SC'].map(faceOfFamily)).toEqual(['kai', 'kai', 'kai', 'kai', 'hei', 'hei', 'hei']);
    expect(['Microsoft YaHei', '微软雅黑', '宋体', 'SimSun', '仿宋_GB2312', '等线', 'Calibri', 'Times New Roman', 'Microsoft JhengHei'].map(faceOfFamily)).toEqual(Array(9).fill(undefined));
  });

  it('reads the Chinese font of a Word clipboard run (mso-fareast-font-family), not its Latin one', () => {
    const html =
      "<p class=MsoNormal><span style='font-size:12.0pt;font-family:宋体'>各单位要落实责任，做好防汛工作，加强值班值守。</span>" +
      "<span style='font-family:\"Times New Roman\",serif;mso-fareast-font-family:楷体_GB2312'>（市应急局牵头）</span>" +
      "<span style='mso-ascii-font-family:黑体;font-family:宋体'>确保信息畅通。</span></p>";
    expect(runsOf(html)).toEqual(['各单位要落实责任，做好防汛工作，加强值班值守。[kai:（市应急局牵头）]确保信息畅通。']);
  });

  it('drops a face most of the text is in (a page set in 楷体 throughout) and keeps a phrase in another face', () => {
    const all = '<p><span style="font-family: 楷体_GB2312">各单位要落实责任，做好防汛工作。</span></p><p><span style="font-family: 楷体_GB2312">加强值班值守，确保信息畅通。</span><span style="font-family: 黑体">特此通知。</span></p>';
    expect(runsOf(all)).toEqual(['各单位要落实责任，做好防汛工作。', '加强值班值守，确保信息畅通。[hei:特此通知。]']);
    const some = '<p style="font-family: 宋体">各单位要落实责任，做好防汛工作。<span style="font-family: 楷体, 楷体_GB2312">（市应急局牵头）</span></p>';
    expect(runsOf(some)).toEqual(['各单位要落实责任，做好防汛工作。[kai:（市应急局牵头）]']);
  });

  it('drops the face one table is set in throughout, keeping the body text\'s marks', () => {
    const html =
      '<p>各单位要落实责任，做好防汛工作，加强值班值守，确保信息畅通。<span style="font-family:黑体">特此通知。</span></p>' +
      '<table><tr><td><span style="font-family:楷体">序号</span></td><td><span style="font-family:楷体">单位</span></td></tr><tr><td><span style="font-family:楷体">1</span></td><td><span style="font-family:楷体">市应急局</span></td></tr></table>';
    const items = collectHtmlItems(body(html)).items;
    expect(items[1].kind === 'table' && items[1].rows.flat().flatMap((c) => c.paragraphs.flatMap((p) => p.runs)).some((r) => r.face)).toBe(false);
    expect((items[0] as HtmlParagraph).runs.map((r) => r.face)).toEqual([undefined, 'hei']);
  });
});

describe('deliberate faces survive the 公文 recogniser', () => {
  const page = (bodyFont: string) =>
    '<p align="center"><b>关于做好防汛工作的通知</b></p><p align="center"><span style="font-family: 楷体, 楷体_GB2312">格政办〔2024〕12号</span></p>' +
    `<p style="font-family: ${bodyFont}">各乡镇人民政府：</p>` +
    `<p style="font-family: ${bodyFont}">一、提高思想认识</p>` +
    `<p style="font-family: ${bodyFont}"><span style="font-family: 楷体, 楷体_GB2312">坚持人民至上。</span>各单位要落实责任，做好防汛工作。<span style="font-family: 楷体, 楷体_GB2312">（市应急局牵头）</span></p>` +
    `<p style="font-family: ${bodyFont}">（一）压实责任。各单位要落实责任，加强值班值守，确保信息畅通。</p>` +
    `<p style="font-family: ${bodyFont}">二、同意市应急局与气象局合建3个自动气象站；与水务局合建2个水文站。</p>` +
    `<p style="font-family: ${bodyFont}; text-align: right">格尔木市人民政府办公室</p><p style="text-align: right">2024年7月5日</p>`;

  it('puts a 楷体 phrase back on the paragraph, never on the title or 文号, and not the body font (web page)', () => {
    const result = importIssueFromHtml(page('宋体'), env());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const content = result.tree.sections[0].documents[0].content;
    expect(leavesWithFace(content)).toEqual(['paragraph kai 坚持人民至上。', 'paragraph kai （市应急局牵头）', 'heading kai （一）压实责任。']);
    const two = content.blocks.find((b) => b.type === 'paragraph' && b.children[0].text.startsWith('二、')) as BlockElement;
    expect(two.type).toBe('paragraph');
  });

  it('does the same for a paste from Word or a web page', () => {
    const result = fromPastedHtml(page('宋体'));
    expect(leavesWithFace(result.content)).toEqual(['paragraph kai 坚持人民至上。', 'paragraph kai （市应急局牵头）', 'heading kai （一）压实责任。']);
  });

  it('finds a repeated phrase where the source set it, and skips a run whose text is not there', () => {
    const content: DocumentContent = {
      schemaVersion: 1,
      blocks: [
        { type: 'doc-title', children: [{ text: '关于（市应急局牵头）的通知' }] },
        { type: 'paragraph', children: [{ text: '甲（市应急局牵头）' }] },
        { type: 'paragraph', children: [{ text: '乙（市应急局牵头）' }] },
      ],
    };
    const [out] = applySourceFaces([content], [{ text: '不在文中', face: 'hei' }, { text: '（市应急局牵头）', face: 'kai' }, { text: '（市应急局牵头）', face: 'kai' }]);
    expect(leavesWithFace(out)).toEqual(['paragraph kai （市应急局牵头）', 'paragraph kai （市应急局牵头）']);
    expect(out.blocks[0].children).toEqual([{ text: '关于（市应急局牵头）的通知' }]);
  });
});
