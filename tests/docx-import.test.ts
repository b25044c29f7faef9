import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRINT_SETTINGS, contentPlainText, plainText, squeezeWhitespace, type BlockElement, type DocumentContent, type GazetteDocument, type TableElement } from '../common/model';
import { fromPastedHtml } from '../common/import/fromPastedHtml';
import { browserHtmlEnvironment } from '../common/import/htmlTree';
import { DOMParser } from 'linkedom';
import { renderDocument } from '../common/render/toHtml';
import { toDocx } from '../common/render/toDocx';
import { PLACEHOLDER_PNG } from '../main/import/docxPackage';
import { createDocxWorkerPool } from '../main/import/docxWorkerHost';
import { importDocxFile } from '../main/import/importDocx';
import { linkedomEnvironment } from '../main/import/linkedomEnvironment';
import { buildDocx, documentXml, para } from '../scripts/make-bad-corpus';
import { loadSampleIssue } from './docx-helpers';
import { fixtureIssue, MINUTES_HEAD } from './fixtures/docx-issue-fixture';

/** A 1×1 PNG (the placeholder plus a trailing byte, so it is not taken for an oversized-image stand-in). */
const TINY_PNG = new Uint8Array([...PLACEHOLDER_PNG, 0]);

const dir = mkdtempSync(join(tmpdir(), 'gazette-docx-import-'));
// One Word worker for the file's imports, as a host keeps one; stopped at the end.
const worker = createDocxWorkerPool();
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await worker.stop();
});

/** Structure of a document as the round trip must keep it: block kinds, heading levels, text, 文号, tables. */
function structure(content: DocumentContent): string[] {
  return content.blocks
    .filter((b) => b.type !== 'page-break' && b.type !== 'image')
    .map((b: BlockElement) => {
      if (b.type === 'table') return `table h${b.headerRows} ${tableShape(b)}`;
      if (b.type === 'heading') return `heading${b.level} ${squeezeWhitespace(plainText(b))}`;
      return `${b.type} ${squeezeWhitespace(plainText(b))}`;
    });
}

function tableShape(t: TableElement): string {
  return t.children.map((r) => r.children.map((c) => `${squeezeWhitespace(plainText(c))}${c.rowSpan ? `↓${c.rowSpan}` : ''}${c.colSpan ? `→${c.colSpan}` : ''}`).join('|')).join('/');
}

async function roundTrip(treeDoc: GazetteDocument, tree = fixtureIssue()) {
  // Images need their bytes: give every asset a tiny PNG so they export as pictures, not placeholder text.
  const { bytes } = await toDocx(tree, { document: treeDoc.id, assets: () => ({ data: TINY_PNG, type: 'png', width: 1, height: 1 }) });
  const file = join(dir, `${treeDoc.id}.docx`);
  writeFileSync(file, bytes);
  return importDocxFile(file, { worker });
}

describe('round trip: issue -> DOCX -> import one document', () => {
  it('keeps text, heading levels, 文号, attachments and tables of the fixture notice', async () => {
    const tree = fixtureIssue();
    const original = tree.sections[0].documents[0];
    const result = await roundTrip(original, tree);
    expect(result.error).toBeUndefined();
    expect(result.title).toBe(original.title);
    expect(result.docNumber).toBe('格政办发〔2024〕66号');
    expect(structure(result.content)).toEqual(structure(original.content));
    const title = result.content.blocks[0];
    expect(title.type === 'doc-title' && title.issuer).toBe('格尔木市人民政府办公室');
    expect(result.assets.length).toBe(1);
    expect(result.content.blocks.filter((b) => b.type === 'image').length).toBe(1);
    const leadIns = result.content.blocks.flatMap((b) => ('children' in b ? (b.children as Array<{ leadIn?: boolean }>) : [])).filter((l) => l.leadIn);
    expect(leadIns.length).toBe(2);
  });

  it("reads a 纪要's one 「机关 日期」 line back as its 署名 and 成文日期", async () => {
    const tree = fixtureIssue();
    const original = tree.sections[0].documents[0];
    original.content = {
      ...original.content,
      blocks: MINUTES_HEAD,
    };
    const result = await roundTrip(original, tree);
    expect(structure(result.content)).toEqual(structure(original.content));
  });

  const sample = loadSampleIssue();
  it.skipIf(!sample)('keeps the structure of a sample document with tables', async () => {
    const tree = sample!;
    const docs = tree.sections.flatMap((s) => s.documents);
    const withTable = docs.find((d) => d.content.blocks.some((b) => b.type === 'table')) ?? docs[0];
    const result = await roundTrip(withTable, tree);
    expect(result.error).toBeUndefined();
    expect(squeezeWhitespace(contentPlainText(result.content))).toBe(squeezeWhitespace(contentPlainText({ ...withTable.content, blocks: withTable.content.blocks.filter((b) => b.type !== 'image') })));
    expect(structure(result.content)).toEqual(structure(withTable.content));
  });
});

describe('Word numbering and alignment', () => {
  it('turns list numbering into literal 一、（一）1.（1） levels and reads centred titles and right-aligned dates', async () => {
    const lvl = (i: number, fmt: string, text: string) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering =
      '<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}${lvl(3, 'decimal', '（%4）')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const numbered = (level: number, text: string) => para(text, `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr>`);
    const body =
      para('格尔木市某局关于开展安全检查的通知', '<w:jc w:val="center"/>') +
      para('某政〔2024〕3号', '<w:jc w:val="center"/>') +
      para('各科室：') +
      numbered(0, '总体要求') +
      numbered(1, '工作目标') +
      numbered(2, '排查隐患') +
      numbered(3, '建立台账') +
      numbered(3, '限期整改') +
      numbered(2, '督促落实') +
      numbered(1, '工作安排') +
      numbered(0, '保障措施') +
      para('某局办公室', '<w:jc w:val="right"/>') +
      para('2024年7月5日', '<w:jc w:val="right"/>');
    const file = join(dir, 'numbered.docx');
    writeFileSync(file, buildDocx({ 'word/document.xml': documentXml(body), 'word/numbering.xml': numbering }));
    const result = await importDocxFile(file, { worker });
    expect(result.error).toBeUndefined();
    expect(structure(result.content)).toEqual([
      'doc-title 格尔木市某局关于开展安全检查的通知',
      'doc-number 某政〔2024〕3号',
      'addressee 各科室：',
      'heading1 一、总体要求',
      'heading2 （一）工作目标',
      'heading3 1.排查隐患',
      'heading4 （1）建立台账',
      'heading4 （2）限期整改',
      'heading3 2.督促落实',
      'heading2 （二）工作安排',
      'heading1 二、保障措施',
      'signature 某局办公室',
      'date-line 2024年7月5日',
    ]);
  });
});

describe('numbering carried by paragraph styles (WPS, Word heading styles)', () => {
  it('writes the style numbering out as literal text', async () => {
    const numbering =
      '<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>';
    const style = (id: string, ilvl: number) =>
      `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${id}"/><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>`;
    const styles = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${style('WpsLevel1', 0)}${style('WpsLevel2', 1)}</w:styles>`;
    const styled = (id: string, text: string) => para(text, `<w:pStyle w:val="${id}"/>`);
    const body = para('正文开头。') + styled('WpsLevel1', '基本情况') + styled('WpsLevel2', '存在问题') + styled('WpsLevel2', '下步打算') + styled('WpsLevel1', '工作要求');
    const file = join(dir, 'style-numbered.docx');
    writeFileSync(file, buildDocx({ 'word/document.xml': documentXml(body), 'word/numbering.xml': numbering, 'word/styles.xml': styles }));
    const result = await importDocxFile(file, { worker });
    expect(structure(result.content)).toEqual(['paragraph 正文开头。', 'heading1 一、基本情况', 'heading2 （一）存在问题', 'heading2 （二）下步打算', 'heading1 二、工作要求']);
  });
});

describe('paste from Word/WPS', () => {
  const env = linkedomEnvironment();

  it('cleans Word clipboard HTML: mso lists keep their literal numbers, spacers and o:p vanish', () => {
    const html =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";}</style></head><body>' +
      '<p class=MsoTitle align=center>关于做好防汛工作的通知<o:p></o:p></p>' +
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='mso-list:Ignore'>一、<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><!--[endif]-->提高思想认识<o:p></o:p></p>" +
      "<p class=MsoNormal style='text-indent:21pt'><b>（一）压实责任。</b>各单位要落实责任。<o:p></o:p></p>" +
      '<p class=MsoNormal align=right style="text-align:right">2024年7月5日</p></body></html>';
    const result = fromPastedHtml(html, env);
    // One recogniser for every input: a bold run-in （一）phrase is a level-2 heading with its lead-in, as from text.
    expect(structure(result.content)).toEqual(['doc-title 关于做好防汛工作的通知', 'heading1 一、提高思想认识', 'heading2 （一）压实责任。各单位要落实责任。', 'date-line 2024年7月5日']);
    const p = result.content.blocks[2];
    expect(p.type === 'heading' && p.children[0]).toMatchObject({ text: '（一）压实责任。', leadIn: true });
  });

  it('uses the global DOMParser (the renderer\'s) and a purifier when no environment is given', () => {
    const g = globalThis as unknown as { DOMParser?: unknown };
    const saved = g.DOMParser;
    g.DOMParser = DOMParser;
    try {
      const seen: string[] = [];
      const purify = (html: string) => (seen.push(html), html.replace(/<script[\s\S]*?<\/script>/gi, ''));
      const result = fromPastedHtml('<p align=center>关于做好防汛工作的通知</p><script>alert(1)</script><p>各单位：</p>', browserHtmlEnvironment(purify));
      expect(seen.length).toBe(1);
      expect(structure(result.content)).toEqual(['doc-title 关于做好防汛工作的通知', 'addressee 各单位：']);
      expect(fromPastedHtml('<p>正文</p>').content.blocks.length).toBe(1);
    } finally {
      g.DOMParser = saved;
    }
  });

  it('keeps table merges and header rows from pasted tables', () => {
    const html = '<table><thead><tr><th>序号</th><th colspan=2>内容</th></tr></thead><tbody><tr><td rowspan=2>1</td><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></tbody></table>';
    const table = fromPastedHtml(html, env).content.blocks.find((b) => b.type === 'table') as TableElement;
    expect(table.headerRows).toBe(1);
    expect(tableShape(table)).toBe('序号|内容→2/1↓2|甲|乙/丙|丁');
  });

  // Text inside a dropped container (math, noscript) goes with it; everything else keeps its text.
  const dropsText = new Set([
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>正文',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">正文',
  ]);
  const vectors = [
    '<script>alert(1)</script>正文',
    '<img src=x onerror=alert(1)>正文',
    '<svg onload=alert(1)><script>alert(1)</script></svg>正文',
    '<a href="javascript:alert(1)">正文</a>',
    '<iframe src="javascript:alert(1)"></iframe>正文',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">正文</p>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>正文',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">正文',
    '<object data="data:text/html,<script>alert(1)</script>"></object>正文',
    '<style>@import "http://evil/x.css";</style><p>正文</p>',
    '<template><img src=x onerror=alert(1)></template>正文',
    '<body onload=alert(1)>正文',
    '<img src="gz-asset:../../etc/passwd">正文',
    '<form action="http://evil"><input name=x value=alert(1)><button>go</button></form>正文',
  ];
  it.each(vectors)('never lets script survive: %s', (vector) => {
    const result = fromPastedHtml(vector, env);
    const json = JSON.stringify(result.content);
    expect(json).not.toMatch(/alert|javascript:|onerror|onload|<script|<img|<svg|evil/i);
    expect(result.content.blocks.every((b) => b.type !== 'image')).toBe(true);
    if (!dropsText.has(vector)) expect(squeezeWhitespace(contentPlainText(result.content))).toContain('正文');
  });

  it('never lets script survive a .docx import either (HTML-looking text stays text)', async () => {
    const file = join(dir, 'xss.docx');
    writeFileSync(file, buildDocx({ 'word/document.xml': documentXml(para('&lt;script&gt;alert(1)&lt;/script&gt;正文') + para('&lt;img src=x onerror=alert(1)&gt;')) }));
    const result = await importDocxFile(file, { worker });
    expect(result.error).toBeUndefined();
    // The text is kept literally as text in the model: the printable HTML and the editor escape it.
    const leaves = result.content.blocks.flatMap((b) => ('children' in b ? (b.children as Array<{ text?: string; type?: string }>) : []));
    expect(leaves.every((l) => l.type === undefined)).toBe(true);
    expect(contentPlainText(result.content)).toContain('<script>alert(1)</script>正文');
    // The print page escapes it: no live markup comes out of the renderer.
    const doc: GazetteDocument = { id: 'xss', sectionId: 's', kind: 'notice', title: '', docNumber: '', position: 0, content: result.content, updatedAt: '' };
    const html = renderDocument(doc, DEFAULT_PRINT_SETTINGS);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script|<img[^>]*onerror/i);
  });

  it.each(vectors)('pasted vector stays inert on the print page: %s', (vector) => {
    const content = fromPastedHtml(vector, env).content;
    const doc: GazetteDocument = { id: 'xss', sectionId: 's', kind: 'notice', title: '', docNumber: '', position: 0, content, updatedAt: '' };
    expect(renderDocument(doc, DEFAULT_PRINT_SETTINGS)).not.toMatch(/<script|onerror=|onload=|javascript:|<iframe|<object|<svg/i);
  });
});
