/**
 * Word files typed the usual way: list numbering continued across list instances, a Word TOC at the top,
 * tabs used to indent or push the 署名 right, a borderless table placing the 署名 and date, page breaks inside
 * a paragraph, soft and non-breaking hyphens, footnotes. Each file is written here as OOXML and goes through the
 * real worker (prepareDocx -> mammoth -> the 公文 recogniser).
 */
import { describe, expect, it } from 'vitest';
import { contentPlainText, plainText, type BlockElement, type DocumentContent, type TableElement } from '../common/model';
import { convertDocx } from '../main/import/docxWorker';
import { dropTocFields, labelNotes, literalizeParagraphs, parseNumbering, plainSpecialCharacters, symbolRunsAsSym } from '../main/import/docxPackage';
import { buildDocx, documentXml, para } from '../scripts/make-bad-corpus';
import { fromPastedHtml } from '../common/import/fromPastedHtml';
import { linkedomEnvironment } from '../main/import/linkedomEnvironment';

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tab = '<w:r><w:tab/></w:r>';
const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const centred = (text: string) => para(text, '<w:jc w:val="center"/>');
const HEAD = centred('格尔木市人民政府办公室关于做好安全生产工作的通知') + centred('格政办〔2024〕12号') + para('各乡镇人民政府，各有关部门：');
const TAIL = para('格尔木市人民政府办公室', '<w:jc w:val="right"/>') + para('2024年7月5日', '<w:jc w:val="right"/>');

function structure(content: DocumentContent): string[] {
  return content.blocks.map((b: BlockElement) => {
    if (b.type === 'table') return `table ${(b as TableElement).children.map((r) => r.children.map((c) => plainText(c)).join('|')).join('/')}`;
    if (b.type === 'heading') return `heading${b.level} ${plainText(b)}`;
    return `${b.type} ${plainText(b)}`;
  });
}

async function importBody(body: string, parts: Record<string, string> = {}) {
  const reply = await convertDocx(buildDocx({ 'word/document.xml': documentXml(body), ...parts }));
  expect(reply.ok).toBe(true);
  expect(reply.documents?.length).toBe(1);
  return { content: reply.content!, warnings: reply.warnings ?? [] };
}

const lvl = (i: number, fmt: string, text: string) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const numbered = (numId: number, ilvl: number, text: string) => para(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);

describe('list numbering as Word counts it', () => {
  // One abstract list (一、 / （一） / 1.), three list instances: 2 goes on from 1, 3 restarts (startOverride).
  const numbering =
    `<?xml version="1.0"?><w:numbering ${NS}><w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCountingThousand', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>';

  it('continues a list across w:num instances of one abstract list and restarts where a startOverride says so', () => {
    const xml = literalizeParagraphs(numbered(1, 0, 'A') + numbered(2, 0, 'B') + numbered(2, 1, 'C') + numbered(1, 0, 'D') + numbered(3, 0, 'E') + numbered(3, 0, 'F'), parseNumbering(numbering));
    const texts = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(texts).toEqual(['一、A', '二、B', '（一）C', '三、D', '一、E', '二、F']);
  });

  it('gives the headings of a document whose parts are separate lists the numbers and levels Word shows', async () => {
    const body = HEAD + numbered(1, 0, '总体要求') + para('全面排查安全隐患，确保不发生重大事故。') + numbered(2, 0, '工作安排') + numbered(2, 1, '排查阶段') + numbered(2, 2, '自查自纠') + numbered(2, 0, '保障措施') + TAIL;
    const { content } = await importBody(body, { 'word/numbering.xml': numbering });
    expect(structure(content).filter((s) => s.startsWith('heading'))).toEqual(['heading1 一、总体要求', 'heading1 二、工作安排', 'heading2 （一）排查阶段', 'heading3 1.自查自纠', 'heading1 三、保障措施']);
  });
});

describe('numbering and tracked formatting', () => {
  const numbering = `<?xml version="1.0"?><w:numbering ${NS}><w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const styles = `<?xml version="1.0"?><w:styles ${NS}><w:style w:type="paragraph" w:styleId="Level"><w:name w:val="Level"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style></w:styles>`;

  it('numbers a paragraph whose numPr gives only a level from its style\'s list', async () => {
    const body = HEAD + para('总体要求', '<w:pStyle w:val="Level"/>') + para('工作目标', '<w:pStyle w:val="Level"/><w:numPr><w:ilvl w:val="1"/></w:numPr>') + para('全面排查隐患。') + TAIL;
    const { content } = await importBody(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles });
    expect(structure(content).filter((s) => s.startsWith('heading'))).toEqual(['heading1 一、总体要求', 'heading2 （一）工作目标']);
  });

  it('reads the numbering and alignment a paragraph has now, not those a tracked change took away', async () => {
    const change = (old: string) => `<w:pPrChange w:id="9" w:author="王"><w:pPr>${old}</w:pPr></w:pPrChange>`;
    const body =
      HEAD +
      para('总体要求', `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>${change('')}`) +
      para('这一段曾是编号段落，修订时取消了编号。', change('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr><w:jc w:val="center"/>')) +
      para('保障措施', `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>`) +
      TAIL;
    const { content } = await importBody(body, { 'word/numbering.xml': numbering });
    expect(structure(content).slice(3, 6)).toEqual(['heading1 一、总体要求', 'paragraph 这一段曾是编号段落，修订时取消了编号。', 'heading1 二、保障措施']);
  });
});

describe('tracked changes left in the file', () => {
  const numbering = `<?xml version="1.0"?><w:numbering ${NS}><w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const numPr = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';
  const deletedMark = '<w:rPr><w:del w:id="7" w:author="王" w:date="2024-07-01T00:00:00Z"/></w:rPr>';

  it('keeps insertions and what was moved in, drops deletions, what was moved away and deleted numbered paragraphs', async () => {
    const body =
      HEAD +
      para('总体要求', numPr) +
      p(run('保留的文字') + '<w:ins w:id="1" w:author="王"><w:r><w:t>插入的文字</w:t></w:r></w:ins><w:del w:id="2" w:author="王"><w:r><w:delText>删除的文字</w:delText></w:r></w:del>' + run('。')) +
      p('<w:del w:id="3" w:author="王"><w:r><w:delText>整段删除的标题</w:delText></w:r></w:del>', numPr + deletedMark) +
      p('<w:moveFrom w:id="4" w:author="王"><w:r><w:t>移走的句子。</w:t></w:r></w:moveFrom>' + run('原地的句子。')) +
      para('保障措施', numPr) +
      p('<w:moveTo w:id="5" w:author="王"><w:r><w:t>移来的句子。</w:t></w:r></w:moveTo>') +
      TAIL;
    const { content } = await importBody(body, { 'word/numbering.xml': numbering });
    expect(structure(content).slice(3, -2)).toEqual(['heading1 一、总体要求', 'paragraph 保留的文字插入的文字。', 'paragraph 原地的句子。', 'heading1 二、保障措施', 'paragraph 移来的句子。']);
  });
});

describe('number formats LibreOffice and WPS write', () => {
  it('reads taiwaneseCountingThousand (LibreOffice\'s 一、 after a .doc), legal, digital and stem formats', () => {
    const formats = `<?xml version="1.0"?><w:numbering ${NS}>` +
      ['taiwaneseCountingThousand:%1、', 'chineseLegalSimplified:%1、', 'ideographDigital:%1.', 'ideographTraditional:%1、'].map((f, i) => `<w:abstractNum w:abstractNumId="${i}">${lvl(0, f.split(':')[0], f.split(':')[1])}</w:abstractNum><w:num w:numId="${i + 1}"><w:abstractNumId w:val="${i}"/></w:num>`).join('') +
      '</w:numbering>';
    const body = [1, 2, 3, 4].flatMap((id) => Array.from({ length: 12 }, () => numbered(id, 0, 'x'))).join('');
    const texts = [...literalizeParagraphs(body, parseNumbering(formats)).matchAll(/<w:t[^>]*>([^<x]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts.slice(9, 12)).toEqual(['十、', '十一、', '十二、']);
    expect(texts.slice(12 + 9, 12 + 11)).toEqual(['拾、', '拾壹、']);
    expect(texts.slice(24 + 9, 24 + 12)).toEqual(['一〇.', '一一.', '一二.']);
    expect(texts.slice(36, 39)).toEqual(['甲、', '乙、', '丙、']);
  });
});

describe('a Word table of contents at the top', () => {
  const tocEntry = (text: string, page: string) => p(run(text) + tab + run(page), '<w:pStyle w:val="TOC1"/>');
  const body =
    centred('目　录') +
    p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run('一、总体要求') + tab + run('1'), '<w:pStyle w:val="TOC1"/>') +
    tocEntry('二、工作安排', '2') +
    p('<w:r><w:fldChar w:fldCharType="end"/></w:r>') +
    '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' +
    HEAD + para('一、总体要求') + para('全面排查安全隐患。') + para('二、工作安排') + para('分三个阶段进行。') + TAIL;

  it('is dropped with its 目录 heading; the text below keeps its own headings', async () => {
    const { content, warnings } = await importBody(body);
    expect(structure(content)).toEqual([
      'doc-title 格尔木市人民政府办公室关于做好安全生产工作的通知',
      'doc-number 格政办〔2024〕12号',
      'addressee 各乡镇人民政府，各有关部门：',
      'heading1 一、总体要求',
      'paragraph 全面排查安全隐患。',
      'heading1 二、工作安排',
      'paragraph 分三个阶段进行。',
      'signature 格尔木市人民政府办公室',
      'date-line 2024年7月5日',
    ]);
    expect(warnings.find((w) => w.code === 'docx-toc-dropped')?.message).toContain('3 行');
  });

  it('keeps the 目录 of a whole issue typed in Word (entries are 公文 titles): it tells the documents apart', () => {
    const issueToc =
      p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-2" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run('格尔木市人民政府关于做好防汛工作的通知') + tab + run('1')) +
      p(run('格尔木市人民政府办公室关于印发安全生产工作要点的通知') + tab + run('3')) +
      p('<w:r><w:fldChar w:fldCharType="end"/></w:r>');
    expect(dropTocFields(issueToc).dropped).toBe(0);
  });

  it('keeps everything when the TOC field never ends, and text typed after the field end in its last paragraph', () => {
    const open = p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o </w:instrText></w:r>' + run('一、甲')) + para('正文。');
    expect(dropTocFields(open)).toEqual({ xml: open, dropped: 0 });
    const closedWithText = p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC </w:instrText></w:r>' + run('一、甲')) + p('<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run('正文开头。'));
    const { xml } = dropTocFields(closedWithText);
    expect(xml).toContain('正文开头。');
    expect(xml).not.toContain('一、甲');
  });
});

describe('tabs and layout typed by hand', () => {
  it('reads tab indents and a 署名 pushed right with tabs as text, not as a table; a tab between words is a gap', async () => {
    const tabs = (n: number) => `<w:r>${'<w:tab/>'.repeat(n)}</w:r>`;
    const body =
      HEAD +
      p(tab + run('为切实做好当前安全生产工作，现将有关事项通知如下。')) +
      p(tab + run('一、总体要求')) +
      p(tab + run('联系人：张三') + tab + run('联系电话：0979-8412345')) +
      '<w:p/><w:p/>' +
      p(tabs(6) + run('格尔木市人民政府办公室')) +
      p(tabs(6) + run('2024年7月5日'));
    const { content } = await importBody(body);
    expect(structure(content)).toEqual([
      'doc-title 格尔木市人民政府办公室关于做好安全生产工作的通知',
      'doc-number 格政办〔2024〕12号',
      'addressee 各乡镇人民政府，各有关部门：',
      'paragraph 为切实做好当前安全生产工作，现将有关事项通知如下。',
      'heading1 一、总体要求',
      'paragraph 联系人：张三\u3000联系电话：0979-8412345',
      'signature 格尔木市人民政府办公室',
      'date-line 2024年7月5日',
    ]);
  });

  it('joins a line broken by hand (Shift+Enter) after a comma; a 署名 and date in one paragraph stay two lines', async () => {
    const br = '<w:r><w:br/></w:r>';
    const body = HEAD + p(run('各单位要组织开展排查，') + br + run('建立问题清单。')) + p(run('格尔木市人民政府办公室') + br + run('2024年7月5日'), '<w:jc w:val="right"/>');
    const { content } = await importBody(body);
    expect(structure(content).slice(3)).toEqual(['paragraph 各单位要组织开展排查，建立问题清单。', 'signature 格尔木市人民政府办公室', 'date-line 2024年7月5日']);
  });

  it('reads a red-head file: the 发文机关标志 above the 文号 is the 版头, the title below it the title', async () => {
    const body =
      p('<w:r><w:rPr><w:color w:val="FF0000"/><w:sz w:val="72"/></w:rPr><w:t>格尔木市人民政府文件</w:t></w:r>', '<w:jc w:val="center"/>') +
      '<w:p/><w:p/>' +
      centred('格政〔2024〕12号') +
      p('', '<w:pBdr><w:bottom w:val="single" w:sz="12" w:color="FF0000"/></w:pBdr>') +
      centred('格尔木市人民政府') +
      centred('关于做好安全生产工作的通知') +
      '<w:p/>' +
      para('各乡镇人民政府，市政府各部门：') +
      para('\u3000\u3000现将有关事项通知如下。') +
      TAIL +
      // The template's 版记: a table, 抄送 in one row, the 印发机关 and date in two cells of the next.
      `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${para('抄送：市委办公室，市人大常委会办公室。')}</w:tc></w:tr>` +
      `<w:tr><w:tc>${para('格尔木市人民政府办公室')}</w:tc><w:tc>${para('2024年7月5日印发', '<w:jc w:val="right"/>')}</w:tc></w:tr></w:tbl>`;
    const { content, warnings } = await importBody(body);
    expect(content.blocks.some((b) => b.type === 'table')).toBe(false);
    expect(content.meta?.colophon).toEqual(['抄送：市委办公室，市人大常委会办公室。', '格尔木市人民政府办公室2024年7月5日印发']);
    expect(structure(content).slice(0, 3)).toEqual(['doc-title 格尔木市人民政府关于做好安全生产工作的通知', 'doc-number 格政〔2024〕12号', 'addressee 各乡镇人民政府，市政府各部门：']);
    // Kept as the document's 版头, as the text importer keeps it, and reported where it stood.
    expect(content.meta?.masthead).toEqual(['格尔木市人民政府文件']);
    expect(warnings.find((w) => w.code === 'masthead-kept')?.text).toBe('格尔木市人民政府文件');
  });

  it('keeps a title whose first line ends with 文件 (关于…规范性文件 / …的指导意见)', async () => {
    const body = centred('国务院办公厅关于全面推行行政规范性文件') + centred('合法性审核机制的指导意见') + centred('国办发〔2018〕115号') + para('各省、自治区、直辖市人民政府：') + para('现提出以下意见。') + TAIL;
    const { content, warnings } = await importBody(body);
    expect(structure(content)[0]).toBe('doc-title 国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见');
    expect(warnings.some((w) => w.code === 'masthead-kept')).toBe(false);
  });

  it('keeps neighbouring tab-separated paragraphs (columns typed with Tab) a table', async () => {
    const row = (a: string, b: string, c: string) => p(run(a) + tab + run(b) + tab + run(c));
    const body = HEAD + para('领导小组组成如下。') + row('组长', '张三', '市长') + row('副组长', '李四', '副市长') + TAIL;
    const { content } = await importBody(body);
    expect(content.blocks.some((b) => b.type === 'table')).toBe(true);
    expect(contentPlainText(content)).toContain('副市长');
  });

  it('reads a borderless table placing the 署名 and date as the 署名 and date', async () => {
    const cell = (inner: string) => `<w:tc><w:tcPr/>${inner}</w:tc>`;
    const body =
      HEAD +
      para('请各单位认真贯彻落实。') +
      `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>${cell('<w:p/>')}${cell(centred('格尔木市人民政府办公室') + centred('2024年7月5日'))}</w:tr></w:tbl>`;
    const { content } = await importBody(body);
    expect(structure(content).slice(-2)).toEqual(['signature 格尔木市人民政府办公室', 'date-line 2024年7月5日']);
  });
});

describe('special characters and notes', () => {
  it('splits text at a page break inside a paragraph, drops soft hyphens, writes non-breaking hyphens as -', async () => {
    const body =
      HEAD +
      p(run('第一部分到此为止。') + '<w:r><w:br w:type="page"/></w:r>' + run('第二部分从这里开始。')) +
      p(run('电话0979') + '<w:r><w:noBreakHyphen/></w:r>' + run('8412345，安全') + '<w:r><w:softHyphen/></w:r>' + run('生产。')) +
      TAIL;
    const { content } = await importBody(body);
    const texts = structure(content);
    expect(texts).toContain('paragraph 第一部分到此为止。');
    expect(texts).toContain('paragraph 第二部分从这里开始。');
    expect(texts).toContain('paragraph 电话0979-8412345，安全生产。');
    expect(plainSpecialCharacters('<w:br w:type="column"/>')).toBe('<w:br/>');
  });

  it('turns a symbol stored as private-use text in a symbol font (LibreOffice, old files) into its character', async () => {
    const wingdings = '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings" w:eastAsia="Wingdings"/></w:rPr>';
    const body = HEAD + p(run('已完成') + `<w:r>${wingdings}<w:t>\uF0FC</w:t></w:r>` + run('，未完成') + `<w:r>${wingdings}<w:t>\uF0A8&amp;</w:t></w:r>` + run('。')) + TAIL;
    const { content } = await importBody(body);
    expect(contentPlainText(content)).toContain('已完成✓，未完成');
    expect(contentPlainText(content)).toContain('&。');
    expect(contentPlainText(content)).not.toMatch(/[\uF000-\uF0FF]/);
    // A private-use character in an ordinary font is left alone.
    const plain = `<w:r><w:rPr><w:rFonts w:ascii="宋体"/></w:rPr><w:t>\uF0FC</w:t></w:r>`;
    expect(symbolRunsAsSym(plain)).toBe(plain);
  });

  it('leaves out hidden text (w:vanish), which Word neither shows nor prints, and says how much', async () => {
    const hidden = (text: string, val = '') => `<w:r><w:rPr><w:vanish${val}/></w:rPr><w:t>${text}</w:t></w:r>`;
    const body = HEAD + p(run('看得见的字。') + hidden('给自己的备注。') + hidden('不是隐藏的。', ' w:val="0"')) + TAIL;
    const { content, warnings } = await importBody(body);
    expect(structure(content)).toContain('paragraph 看得见的字。不是隐藏的。');
    expect(contentPlainText(content)).not.toContain('备注');
    expect(warnings.find((w) => w.code === 'docx-hidden-text')?.message).toContain('7 个字');
  });

  it('puts each footnote at the end with its reference label and without mammoth\'s back link', async () => {
    const footnotes = `<?xml version="1.0"?><w:footnotes ${NS}><w:footnote w:id="1"><w:p><w:r><w:t>数据来源：市统计局。</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>';
    const body = HEAD + p(run('全市共有企业120家') + '<w:r><w:footnoteReference w:id="1"/></w:r>' + run('。')) + TAIL;
    const { content, warnings } = await importBody(body, { 'word/footnotes.xml': footnotes, 'word/_rels/document.xml.rels': rels });
    const text = contentPlainText(content);
    expect(text).not.toContain('↑');
    expect(structure(content)).toContain('paragraph [1]数据来源：市统计局。');
    expect(warnings.some((w) => w.code === 'docx-notes-at-end')).toBe(true);
    expect(labelNotes('<p>x</p>')).toEqual({ html: '<p>x</p>', notes: 0 });
  });
});

describe('pasting from Word: comments and hidden text stay out', () => {
  it('drops the comment marks and the comment list, and text Word hides', () => {
    const html =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>' +
      '<p class=MsoTitle align=center>关于做好防汛工作的通知</p>' +
      "<p class=MsoNormal>各单位要落实防汛责任<span class=MsoCommentReference><span style='font-size:8.0pt'><a class=msocomanchor id=\"_anchor_1\" href=\"#_msocom_1\" name=\"_msoanchor_1\">[WU1]</a><span style='mso-special-character:comment'>&nbsp;</span></span></span>。<span style='display:none;mso-hide:all'>隐藏的备注</span></p>" +
      "<div style='mso-element:comment-list'><div style='mso-element:comment'><div id=\"_com_1\" class=msocomtxt><p class=MsoCommentText><span class=MsoCommentReference><a href=\"#_msoanchor_1\" class=msocomoff>[WU1]</a></span>这里要写明责任人</p></div></div></div>" +
      '</body></html>';
    const result = fromPastedHtml(html, linkedomEnvironment());
    const text = contentPlainText(result.content);
    expect(text).toContain('各单位要落实防汛责任');
    expect(text).not.toMatch(/WU1|责任人|隐藏的备注/);
  });
});
