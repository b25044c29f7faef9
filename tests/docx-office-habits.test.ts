/**
 * Word files typed the way offices type them, beyond tests/docx-word-habits.test.ts: the 版头 of a 请示 (the
 * organ's name without 文件, the 文号 left and the 签发人 right, pushed apart with spaces or placed by a
 * borderless table), the title broken by Enter into centred paragraphs, a 附件 list set in a layout table.
 * Each file is written here as OOXML, with the fonts offices use (方正小标宋简体, 仿宋_GB2312 as w:eastAsia only),
 * and goes through the real worker (prepareDocx -> mammoth -> the 公文 recogniser).
 */
import { describe, expect, it } from 'vitest';
import { plainText, type BlockElement, type DocumentContent } from '../common/model';
import { literalizeParagraphs, parseNumbering } from '../main/import/docxPackage';
import { convertDocx } from '../main/import/docxWorker';
import { buildDocx, documentXml } from '../scripts/make-bad-corpus';

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
// A Normal style in Word's default 宋体, as a new blank document has.
const STYLES = `<?xml version="1.0"?><w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style></w:styles>`;
const BODY_FONT = '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>';
const TITLE_FONT = '<w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/>';
const run = (text: string, rPr = BODY_FONT) => `<w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const BLANK = '<w:p/>';
const CENTRE = '<w:jc w:val="center"/>';
const RIGHT = '<w:jc w:val="right"/>';
const INDENT = '<w:ind w:firstLineChars="200" w:firstLine="640"/>';
const body = (text: string) => p(run(text), INDENT);
const title = (...lines: string[]) => lines.map((l) => p(run(l, TITLE_FONT), CENTRE)).join('');
const cell = (inner: string) => `<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${inner}</w:tc>`;
/** A table with every border switched off, as offices use to place lines. */
const layoutTable = (rows: string[][]) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr>` +
  `<w:tblGrid>${rows[0].map(() => '<w:gridCol w:w="4000"/>').join('')}</w:tblGrid>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;

const REQUEST_BODY =
  p(run('海西州人民政府：')) + body('为加快我市农村公路建设，现申请补助资金，用于郭镇至大格勒段公路改建。') + body('妥否，请批示。') + BLANK +
  p(run('格尔木市人民政府'), RIGHT) + p(run('2025年4月28日'), RIGHT) + body('（联系人：李某某，电话：0979-8412345）');
const REQUEST_TITLE = '格尔木市人民政府关于申请2025年度农村公路建设补助资金的请示';

function structure(content: DocumentContent): string[] {
  return content.blocks.map((b: BlockElement) => `${b.type}${b.type === 'heading' ? b.level : ''} ${plainText(b)}`);
}

async function importBody(xml: string) {
  const reply = await convertDocx(buildDocx({ 'word/document.xml': documentXml(xml), 'word/styles.xml': STYLES }));
  expect(reply.ok).toBe(true);
  expect(reply.documents?.length).toBe(1);
  return { reply, content: reply.content! };
}

describe('the 版头 of a 请示 as offices type it', () => {
  it('reads the organ\'s name alone over the 文号 as the 版头, and the title broken by Enter below them as the title', async () => {
    const xml =
      title('格尔木市人民政府') + BLANK +
      // The 文号 at the left margin, the 签发人 pushed right with spaces.
      p(run('格政〔2025〕12号') + run('                        ') + run('签发人：王某某')) + BLANK +
      title('格尔木市人民政府关于申请', '2025年度农村公路建设补助资金的请示') + BLANK +
      REQUEST_BODY;
    const { reply, content } = await importBody(xml);
    expect([reply.title, reply.docNumber]).toEqual([REQUEST_TITLE, '格政〔2025〕12号']);
    expect(content.meta?.masthead).toEqual(['格尔木市人民政府', '签发人：王某某']);
    expect(structure(content).slice(0, 3)).toEqual([`doc-title ${REQUEST_TITLE}`, 'doc-number 格政〔2025〕12号', 'addressee 海西州人民政府：']);
    expect(structure(content).slice(-3, -1)).toEqual(['signature 格尔木市人民政府', 'date-line 2025年4月28日']);
  });

  it('reads a 文号 and 签发人 placed by a borderless two-cell table under the 版头', async () => {
    const xml =
      title('格尔木市人民政府文件') + BLANK +
      layoutTable([[p(run('格政〔2025〕12号')), p(run('签发人：王某某'), RIGHT)]]) +
      p('', '<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="1" w:color="FF0000"/></w:pBdr>') + BLANK +
      title(REQUEST_TITLE) + BLANK +
      REQUEST_BODY;
    const { reply, content } = await importBody(xml);
    expect([reply.title, reply.docNumber]).toEqual([REQUEST_TITLE, '格政〔2025〕12号']);
    expect(content.blocks.some((b) => b.type === 'table')).toBe(false);
    expect(content.meta?.masthead).toEqual(['格尔木市人民政府文件', '签发人：王某某']);
    expect(structure(content)[2]).toBe('addressee 海西州人民政府：');
  });
});

describe('a 附件 list set in a layout table', () => {
  const notice = (list: string) =>
    title('格尔木市人民政府办公室关于开展城乡环境卫生', '综合整治工作的通知') + BLANK +
    p(run('各乡镇人民政府，市政府各部门：')) + body('经市政府同意，决定在全市开展城乡环境卫生综合整治工作，请认真组织实施。') +
    list + BLANK +
    p(run('格尔木市人民政府办公室'), RIGHT) + p(run('2025年4月28日'), RIGHT) + BLANK;
  const expected = ['attachment-list 1. 城乡环境卫生综合整治任务分解表\n2. 城乡环境卫生综合整治联络员名单', 'signature 格尔木市人民政府办公室', 'date-line 2025年4月28日'];

  it('reads 附件： in one cell and each attachment in its own row beside it as the 附件说明', async () => {
    const { content } = await importBody(notice(layoutTable([[p(run('附件：')), p(run('1．城乡环境卫生综合整治任务分解表'))], [BLANK, p(run('2．城乡环境卫生综合整治联络员名单'))]])));
    expect(content.blocks.some((b) => b.type === 'table')).toBe(false);
    expect(structure(content).slice(-3)).toEqual(expected);
  });

  it('reads the attachments as paragraphs of one cell beside 附件： the same way', async () => {
    const { content } = await importBody(notice(layoutTable([[p(run('附件：')), p(run('1．城乡环境卫生综合整治任务分解表')) + p(run('2．城乡环境卫生综合整治联络员名单'))]])));
    expect(structure(content).slice(-3)).toEqual(expected);
  });

  it('keeps a table of numbered rows under a 附件： caption a table when its rows are data, not names', async () => {
    const data = layoutTable([[p(run('附件：')), p(run('统计表'))], [p(run('1')), p(run('郭镇'))], [p(run('2')), p(run('大格勒乡'))]]);
    const { content } = await importBody(notice(data));
    expect(content.blocks.some((b) => b.type === 'table')).toBe(true);
  });
});

describe('a 办法 numbered by Word\'s multilevel list on its heading styles', () => {
  // 第%1章 on Heading 1, 第%2条 on Heading 2, each followed by a space (w:suff); articles never restart (lvlRestart 0).
  const lvl = (i: number, text: string, extra = '') => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="${text}"/><w:suff w:val="space"/>${extra}</w:lvl>`;
  const numbering = `<?xml version="1.0"?><w:numbering ${NS}><w:abstractNum w:abstractNumId="3">${lvl(0, '第%1章')}${lvl(1, '第%2条', '<w:lvlRestart w:val="0"/>')}</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num></w:numbering>`;
  const headingStyle = (id: string, name: string, ilvl: number) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>`;
  const styles = STYLES.replace('</w:styles>', `${headingStyle('1', 'heading 1', 0)}${headingStyle('2', 'heading 2', 1)}</w:styles>`);
  const chapter = (text: string) => p(run(text, '<w:rFonts w:eastAsia="黑体"/>'), '<w:pStyle w:val="1"/>');
  const article = (text: string) => p(run(text), '<w:pStyle w:val="2"/>');

  it('writes 第一章　总则 and 第一条　… with the space Word shows, and counts the articles on across chapters', async () => {
    const xml = title('格尔木市城市供热管理办法') + BLANK + chapter('总则') + article('为加强城市供热管理，根据有关法律法规，制定本办法。') + article('本办法适用于本市城市规划区内的供热活动。') +
      chapter('附则') + article('本办法自2025年5月1日起施行。') + BLANK;
    const reply = await convertDocx(buildDocx({ 'word/document.xml': documentXml(xml), 'word/styles.xml': styles, 'word/numbering.xml': numbering }));
    const blocks = reply.content!.blocks;
    expect(structure(reply.content!).slice(1)).toEqual([
      'paragraph 第一章　总则',
      'paragraph 第一条　为加强城市供热管理，根据有关法律法规，制定本办法。',
      'paragraph 第二条　本办法适用于本市城市规划区内的供热活动。',
      'paragraph 第二章　附则',
      'paragraph 第三条　本办法自2025年5月1日起施行。',
    ]);
    // Read as the recogniser reads a typed 办法: chapters centred, each article's number a 黑体 lead-in.
    expect(blocks[1].type === 'paragraph' && blocks[1].align).toBe('center');
    const lead = blocks[2].children[0];
    expect('text' in lead && lead.text === '第一条' && lead.leadIn).toBe(true);
  });
});

describe('the 版头 of a joint document set in a table', () => {
  it('reads the organs one a row with 文件 in a merged cell beside them as the 版头, and finds the title below the 文号', async () => {
    const mergedCell = (inner: string, merge: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:vMerge${merge}/><w:vAlign w:val="center"/></w:tcPr>${inner}</w:tc>`;
    const organ = (name: string) => cell(p(run(name, TITLE_FONT), '<w:jc w:val="distribute"/>'));
    const head =
      `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="6000"/><w:gridCol w:w="2000"/></w:tblGrid>` +
      `<w:tr>${organ('格尔木市人民政府')}${mergedCell(p(run('文件', TITLE_FONT)), ' w:val="restart"')}</w:tr><w:tr>${organ('格尔木军分区')}${mergedCell('<w:p/>', '')}</w:tr></w:tbl>`;
    const xml =
      head + BLANK + p(run('格政〔2025〕30号'), CENTRE) + BLANK +
      title('格尔木市人民政府　格尔木军分区', '关于做好2025年度征兵工作的通知') + BLANK +
      p(run('各乡镇人民政府，市政府各部门：')) + body('为做好2025年度征兵工作，现将有关事项通知如下。') + BLANK +
      p(run('格尔木市人民政府　　格尔木军分区'), RIGHT) + p(run('2025年6月20日'), RIGHT) + BLANK;
    const { reply, content } = await importBody(xml);
    expect(reply.docNumber).toBe('格政〔2025〕30号');
    expect(reply.title).toBe('格尔木市人民政府格尔木军分区关于做好2025年度征兵工作的通知');
    expect(content.meta?.masthead).toEqual(['格尔木市人民政府格尔木军分区文件']);
    expect(content.blocks.some((b) => b.type === 'table')).toBe(false);
    expect(structure(content)[2]).toBe('addressee 各乡镇人民政府，市政府各部门：');
    expect(structure(content).slice(-1)).toEqual(['date-line 2025年6月20日']);
  });
});

describe('a 预案 numbered 1 / 1.1 by Word\'s multilevel list', () => {
  const lvl = (i: number, text: string) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="${text}"/></w:lvl>`;
  const numbering = `<?xml version="1.0"?><w:numbering ${NS}><w:abstractNum w:abstractNumId="1">${lvl(0, '%1')}${lvl(1, '%1.%2')}</w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
  const numbered = (text: string, ilvl: number) => p(run(text, '<w:rFonts w:eastAsia="黑体"/>'), `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="2"/></w:numPr>`);

  it('keeps the tab Word shows after 1 and 1.1, so the numbered headings stay apart from their names', async () => {
    const xml = title('格尔木市突发地质灾害应急预案') + BLANK + numbered('总则', 0) + numbered('编制目的', 1) + body('为高效有序做好突发地质灾害应急处置工作，制定本预案。') + numbered('适用范围', 1) + body('本预案适用于本市行政区域内突发地质灾害的应对工作。') + numbered('组织体系', 0) + BLANK;
    const reply = await convertDocx(buildDocx({ 'word/document.xml': documentXml(xml), 'word/styles.xml': STYLES, 'word/numbering.xml': numbering }));
    const texts = reply.content!.blocks.map((b) => plainText(b));
    expect(texts).toEqual(expect.arrayContaining(['1　总则', '1.1　编制目的', '1.2　适用范围', '2　组织体系']));
  });
});

describe('the gap after a list number', () => {
  it('is not added after a circled number, which stands apart by itself (①措施)', () => {
    const numbering = parseNumbering(`<?xml version="1.0"?><w:numbering ${NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`);
    const xml = literalizeParagraphs(p(run('措施'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'), numbering);
    expect(/<w:t xml:space="preserve">([^<]*)<\/w:t>/.exec(xml)?.[1]).toBe('①');
  });
});

describe('a 通知 typed or converted the way offices leave it', () => {
  const head = title('格尔木市应急管理局关于开展道路运输安全检查的通知') + BLANK + p(run('各乡镇人民政府，市政府各部门：'));
  const close = BLANK + p(run('格尔木市应急管理局'), RIGHT) + p(run('2025年3月4日'), RIGHT);
  const points = body('一、检查范围') + body('全市道路运输企业，重点是危险货物运输、客运和校车。');

  it('drops the page numbers a PDF-to-Word conversion leaves in the body, and joins the sentence they cut', async () => {
    const xml = head + body('为切实做好道路运输安全工作，经研究，现将有关事项通知如下：') + body('一、检查范围') +
      body('全市道路运输企业，重点是危险货物运输、客运和校车。各单位要按照属地管理原则，') + p(run('— 1 —'), CENTRE) + BLANK +
      body('认真组织开展自查自纠。各企业要逐项对照检查清单，') + p(run('2'), CENTRE) + body('建立隐患台账。') + p(run('－2－'), CENTRE) + body('二、工作要求') +
      p(run('第3页 共5页'), CENTRE) + close;
    const { reply, content } = await importBody(xml);
    const text = structure(content).join('\n');
    expect(text).not.toMatch(/—\s*1\s*—|－2－|第3页/);
    expect(structure(content)).toContain('paragraph 全市道路运输企业，重点是危险货物运输、客运和校车。各单位要按照属地管理原则，认真组织开展自查自纠。各企业要逐项对照检查清单，建立隐患台账。');
    expect(reply.warnings?.some((w) => w.code === 'print-page-lines-dropped')).toBe(true);
  });

  it('reads two unnumbered attachment names on two paragraphs as two items, and a name wrapped by Enter as one', async () => {
    const two = await importBody(head + body('请认真组织实施。') + body('附件：道路运输企业安全检查清单') + p(run('　　　　　　重点企业联系人名单')) + close);
    expect(structure(two.content)).toContain('attachment-list 道路运输企业安全检查清单\n重点企业联系人名单');
    const wrapped = await importBody(head + body('请认真组织实施。') + body('附件：格尔木市2025年度道路运输安全专项整治工作') + p(run('　　　　　　实施方案')) + close);
    expect(structure(wrapped.content)).toContain('attachment-list 格尔木市2025年度道路运输安全专项整治工作实施方案');
  });

  it('joins a paragraph broken by Enter just before 通知如下：, and keeps a paragraph that ended apart', async () => {
    const broken = await importBody(head + body('为切实做好道路运输安全工作，经研究，现将有关事项') + p(run('通知如下：')) + points + close);
    expect(structure(broken.content)[2]).toBe('paragraph 为切实做好道路运输安全工作，经研究，现将有关事项通知如下：');
    const apart = await importBody(head + body('为切实做好道路运输安全工作，经市政府研究同意。') + body('现将有关事项通知如下：') + points + close);
    expect(structure(apart.content).slice(2, 4)).toEqual(['paragraph 为切实做好道路运输安全工作，经市政府研究同意。', 'paragraph 现将有关事项通知如下：']);
  });
});
