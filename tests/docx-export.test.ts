import { describe, expect, it } from 'vitest';
import { contentPlainText, plainText, squeezeWhitespace, type IssueTree } from '../common/model';
import { toDocx } from '../common/render/toDocx';
import { fixtureIssue, MINUTES_HEAD } from './fixtures/docx-issue-fixture';
import { loadSampleIssue, partText, sectPrs, stylesByName, unzipDocx } from './docx-helpers';

const PAGE_MAP = { 'doc-notice': 3, 'doc-personnel-a': 9, 'doc-personnel-b': 9, 'doc-chronicle': 10 };

async function build(tree: IssueTree = fixtureIssue(), opts: Parameters<typeof toDocx>[1] = { pageMap: PAGE_MAP }) {
  const { bytes, notes } = await toDocx(tree, opts);
  return { parts: unzipDocx(bytes), notes, bytes };
}

type Block = IssueTree['sections'][number]['documents'][number]['content']['blocks'][number];

/** The fixture issue with its first document's blocks replaced (or added to): the DOCX body's paragraphs as XML. */
async function paragraphsWith(blocks: (fixture: Block[]) => Block[]): Promise<string[]> {
  const tree = fixtureIssue();
  const doc = tree.sections[0].documents[0];
  doc.content = { ...doc.content, blocks: blocks(doc.content.blocks) };
  const { parts } = await build(tree);
  return [...parts['word/document.xml'].matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}

describe('toDocx styles (§11)', () => {
  it('writes Word built-in style names and our own, with all four font slots', async () => {
    const { parts } = await build();
    const styles = stylesByName(parts['word/styles.xml']);
    for (const name of ['Normal', 'Title', 'heading 1', 'heading 2', 'heading 3', 'heading 4', 'toc 1', 'toc 2', 'toc 3', 'header', 'footer', 'Table Grid', '文号', '主送', '日期', '附件标识', '表格正文']) {
      expect(styles.has(name), name).toBe(true);
    }
    const normal = styles.get('Normal')!;
    expect(normal).toContain('w:eastAsia="仿宋"');
    expect(normal).toContain('<w:sz w:val="21"/>');
    expect(normal).toContain('w:line="350" w:lineRule="exact"');
    expect(normal).toContain('w:firstLineChars="200" w:firstLine="420"');
    expect(normal).toContain('<w:jc w:val="both"/>');
    expect(styles.get('Title')).toContain('w:eastAsia="方正小标宋简体"');
    expect(styles.get('Title')).toContain('<w:sz w:val="44"/>');
    expect(styles.get('Title')).toContain('w:line="600" w:lineRule="exact"');
    expect(styles.get('heading 1')).toContain('w:eastAsia="黑体"');
    expect(styles.get('heading 1')).toContain('<w:keepNext/>');
    expect(styles.get('heading 2')).toContain('w:eastAsia="楷体"');
    expect(styles.get('heading 3')).toContain('<w:b/>');
    expect(styles.get('文号')).toContain('<w:sz w:val="24"/>');
    expect(styles.get('日期')).toContain('w:right="840"');
    expect(styles.get('附件标识')).toContain('w:eastAsia="黑体"');
    expect(styles.get('附件标识')).toContain('<w:sz w:val="28"/>');
    expect(styles.get('表格正文')).toContain('w:eastAsia="宋体"');
    expect(styles.get('表格正文')).toContain('w:line="240" w:lineRule="exact"');
    expect(styles.get('toc 3')).toContain('w:leader="middleDot" w:pos="5520"');
    expect(styles.get('Table Grid')).toContain('w:sz="4"');
    // Every non-body paragraph style sets first-line indent 0 explicitly.
    for (const name of ['Title', '文号', '主送', '日期', '附件标识', '表格正文', 'toc 1', 'toc 2', 'header', 'footer']) {
      expect(styles.get(name), name).toMatch(/w:firstLine="0"/);
    }
    // All four rFonts slots everywhere (styles and runs).
    for (const part of ['word/styles.xml', 'word/document.xml']) {
      for (const m of parts[part].matchAll(/<w:rFonts [^>]*\/>/g)) {
        for (const slot of ['w:ascii="Times New Roman"', 'w:hAnsi="Times New Roman"', 'w:eastAsia=', 'w:cs=']) expect(m[0]).toContain(slot);
      }
    }
  });

  it('uses the GB2312 faces when asked', async () => {
    const { parts } = await build(fixtureIssue(), { pageMap: PAGE_MAP, fonts: 'gb2312' });
    const styles = stylesByName(parts['word/styles.xml']);
    expect(styles.get('Normal')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles.get('heading 2')).toContain('w:eastAsia="楷体_GB2312"');
  });
});

/** Schema order of w:pPr and w:rPr children (ECMA-376 CT_PPrBase / CT_RPr): Word refuses other orders. */
const PPR_ORDER = ['pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange'];
const RPR_ORDER = ['rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss', 'imprint', 'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs', 'highlight', 'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath'];

/** Names of the direct children of each `<w:tag>…</w:tag>` (skipping nested elements). */
function childOrders(xml: string, tag: string): string[][] {
  const out: string[][] = [];
  for (const m of xml.matchAll(new RegExp(`<w:${tag}>([\\s\\S]*?)</w:${tag}>`, 'g'))) {
    const names: string[] = [];
    let depth = 0;
    for (const t of m[1].matchAll(/<(\/?)w:([A-Za-z]+)[^>]*?(\/?)>/g)) {
      if (t[1]) depth--;
      else {
        if (depth === 0) names.push(t[2]);
        if (!t[3]) depth++;
      }
    }
    out.push(names);
  }
  return out;
}

describe('toDocx schema order', () => {
  it('writes paragraph and run properties in schema order in every part', async () => {
    const { parts } = await build();
    for (const [name, xml] of Object.entries(parts)) {
      if (!/^word\/(document|styles|header\d+|footer\d+)\.xml$/.test(name)) continue;
      for (const [tag, order] of [['pPr', PPR_ORDER], ['rPr', RPR_ORDER]] as const) {
        for (const names of childOrders(xml, tag)) {
          const positions = names.map((n) => order.indexOf(n));
          expect(positions.every((p) => p >= 0), `${name} ${tag}: unknown child in ${names.join(',')}`).toBe(true);
          expect([...positions].sort((a, b) => a - b), `${name} ${tag}: ${names.join(',')}`).toEqual(positions);
        }
      }
    }
  });
});

describe('toDocx page setup and sections', () => {
  it('ends the columns of a short document with a continuous section so Word and LibreOffice balance them before the next page', async () => {
    // The sections of document.xml with the XML before each (a section's sectPr follows its content).
    const balanced = async (tree: IssueTree) => {
      const xml = (await build(tree)).parts['word/document.xml'];
      const sections = sectPrs(xml);
      const contents = xml.split(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/);
      const found: number[] = [];
      contents.forEach((content, k) => {
        if (!content.includes('w:val="SectionEnd"')) return;
        found.push(k);
        // One empty one-column section after the document's two columns, then the next document's page.
        expect(sections[k]).toContain('<w:type w:val="continuous"/>');
        expect(sections[k]).toMatch(/<w:cols [^>]*w:num="1"/);
        expect(sections[k - 1]).toMatch(/<w:cols [^>]*w:num="2"/);
        if (k + 1 < sections.length) expect(sections[k + 1]).toContain('<w:type w:val="nextPage"/>');
      });
      return found.length;
    };
    // The fixture: the second 任免 notice (the first runs on into it) and the 大事记 are short; the notice is long.
    expect(await balanced(fixtureIssue())).toBe(2);
    // A short 批复 in place of the long notice gets its own (on a copy: the fixture's documents are shared).
    const tree = structuredClone(fixtureIssue());
    const doc = tree.sections[0].documents[0];
    const p = (text: string): Block => ({ type: 'paragraph', children: [{ text }] });
    doc.content = { ...doc.content, blocks: [doc.content.blocks[0], p('市交通运输局：'), p('你局关于调整公交线路的请示收悉。经研究，同意所请。'), p('此复。')] };
    expect(await balanced(tree)).toBe(3);
    // The style of its one paragraph is 1 pt on no grid, so it does not push a full page over.
    const style = stylesByName((await build()).parts['word/styles.xml']).get('分栏结束')!;
    expect(style).toContain('<w:snapToGrid w:val="0"/>');
    expect(style).toContain('w:line="20" w:lineRule="exact"');
  });

  it('sets A4, the margins, mirror margins, odd/even headers and the line grid', async () => {
    const { parts } = await build();
    expect(parts['word/settings.xml']).toContain('<w:mirrorMargins/>');
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const sections = sectPrs(parts['word/document.xml']);
    const portrait = sections.filter((s) => s.includes('w:orient="portrait"'));
    expect(portrait.length).toBeGreaterThan(3);
    for (const s of portrait) {
      expect(s).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(s).toMatch(/w:top="1701"/);
      expect(s).toMatch(/w:left="1753"/);
      expect(s).toMatch(/w:right="1753"/);
      expect(s).toMatch(/w:header="1020"/);
      expect(s).toMatch(/w:footer="964"/);
    }
    const body = sections.slice(2);
    for (const s of body) expect(s).toMatch(/<w:docGrid w:type="lines" w:linePitch="350"\/>/);
  });

  it('has cover, TOC (page 1, empty footer) and body sections with 2-column text and 1-column title blocks', async () => {
    const { parts } = await build();
    const doc = parts['word/document.xml'];
    const sections = sectPrs(doc);
    // Cover + inside cover: no header/footer references.
    expect(sections[0]).not.toContain('headerReference');
    expect(sections[0]).not.toContain('footerReference');
    // TOC: page numbering restarts at 1; its footers are empty (no PAGE field).
    expect(sections[1]).toMatch(/<w:pgNumType w:start="1"\/>/);
    const tocFooterIds = [...sections[1].matchAll(/<w:footerReference [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
    expect(tocFooterIds.length).toBe(2);
    const rels = parts['word/_rels/document.xml.rels'];
    for (const id of tocFooterIds) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      expect(target).toBeTruthy();
      expect(parts[`word/${target}`]).not.toContain('PAGE');
    }
    // The first body section starts the page count at the first document's page.
    expect(sections[2]).toMatch(/<w:pgNumType w:start="3"\/>/);
    // The TOC (p.1) and the first document (p.3) start on right-hand pages (§9): odd-page section breaks, so
    // Word inserts the blank verso after a one-page TOC; no other section does.
    expect(sections[1]).toContain('<w:type w:val="oddPage"/>');
    expect(sections[2]).toContain('<w:type w:val="oddPage"/>');
    expect(sections.filter((s) => s.includes('oddPage')).length).toBe(2);
    // Two-column body sections and one-column spanning sections, joined by continuous breaks.
    expect(sections.some((s) => /<w:cols [^>]*w:num="2"/.test(s) && /w:space="420"/.test(s))).toBe(true);
    expect(sections.some((s) => /<w:cols [^>]*w:num="1"/.test(s) || /<w:cols w:space="0"/.test(s))).toBe(true);
    expect(sections.filter((s) => s.includes('<w:type w:val="continuous"/>')).length).toBeGreaterThan(3);
    // The wide (10-column) table is on a landscape page.
    const landscape = sections.filter((s) => s.includes('w:orient="landscape"'));
    expect(landscape.length).toBe(1);
    expect(landscape[0]).toMatch(/<w:pgSz w:w="16838" w:h="11906"/);
    // The second personnel notice runs on after the first (continuous, not a new page).
    const personnelB = doc.indexOf('w:name="_TocDoc3"');
    const sectionEnds = [...doc.matchAll(/<\/w:sectPr>/g)].map((m) => m.index!);
    const sectionOfB = sections[sectionEnds.findIndex((end) => end > personnelB)];
    expect(sectionOfB).toContain('<w:type w:val="continuous"/>');
  });

  it('writes odd and even running heads and folios with PAGE fields', async () => {
    const { parts } = await build();
    const headers = Object.entries(parts).filter(([n]) => /word\/header\d+\.xml/.test(n)).map(([, x]) => partText(x));
    expect(headers).toContain('市政府办公室文件');
    expect(headers).toContain('人事任免');
    expect(headers).toContain('格尔木市人民政府政务公开信息　2024年第6期');
    const footers = Object.entries(parts).filter(([n]) => /word\/footer\d+\.xml/.test(n)).map(([, x]) => x);
    const folios = footers.filter((x) => /PAGE/.test(x));
    expect(folios.length).toBeGreaterThanOrEqual(2);
    for (const f of folios) expect(partText(f)).toMatch(/^— .* —$/);
    expect(folios.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(folios.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
  });

  it('fills every placeholder of the even running head, as the PDF does', async () => {
    const tree = fixtureIssue();
    tree.issue.settings = { ...tree.issue.settings, evenRunningHead: '{journal}{year}年第{number}期·{journal}{year}' };
    const { parts } = await build(tree);
    const headers = Object.entries(parts).filter(([n]) => /word\/header\d+\.xml/.test(n)).map(([, x]) => partText(x));
    expect(headers).toContain('格尔木市人民政府政务公开信息2024年第6期·格尔木市人民政府政务公开信息2024');
    expect(headers.join('')).not.toMatch(/\{(journal|year|number)\}/);
  });
});

describe('toDocx landscape pages', () => {
  it('sets the head and folio of landscape pages in turned text boxes, and restores portrait heads after', async () => {
    const { parts } = await build();
    const doc = parts['word/document.xml'];
    const sections = sectPrs(doc);
    const li = sections.findIndex((s) => s.includes('w:orient="landscape"'));
    const rels = parts['word/_rels/document.xml.rels'];
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    const footerIds = [...sections[li].matchAll(/<w:footerReference [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
    expect(footerIds.length).toBe(2);
    for (const id of footerIds) {
      const footer = parts[`word/${target(id)}`];
      expect(footer).toContain('vert="vert"');
      expect(footer).toMatch(/<w:instrText xml:space="preserve"> PAGE <\/w:instrText>/);
      expect(footer).toContain('<wps:txbx>');
    }
    // Equal left/right margins: mirror margins cannot swap the turned page's top and bottom.
    expect(sections[li]).toMatch(/w:right="1594"[^>]*w:left="1594"|w:left="1594"[^>]*w:right="1594"/);
    // Any portrait section after it writes its own heads again (instead of inheriting the turned ones).
    const next = sections.slice(li + 1).find((s) => s.includes('w:orient="portrait"'));
    if (next) expect(next).toContain('footerReference');
  });
});

describe('toDocx tables', () => {
  it('repeats header rows, keeps rows whole, writes widths and merges', async () => {
    const { parts } = await build();
    const doc = parts['word/document.xml'];
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables.length).toBe(2);
    const [indicators, wide] = tables;
    expect(indicators).toContain('<w:tblHeader/>');
    expect(indicators).toContain('<w:cantSplit/>');
    expect(indicators).toMatch(/<w:tblW w:type="dxa" w:w="8400"\/>|<w:tblW w:w="8400" w:type="dxa"\/>/);
    expect(indicators).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    expect(indicators).toMatch(/<w:gridSpan w:val="2"\/>/);
    expect(indicators).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(indicators).toMatch(/<w:vMerge(?: w:val="continue")?\/>/);
    expect(indicators).toMatch(/<w:textDirection w:val="tbRl"\/>/);
    const widths = [...indicators.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths.length).toBe(4);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8400);
    // 序号 (one digit per cell) stays narrower than the text columns.
    expect(widths[0]).toBeLessThan(Math.max(...widths.slice(2)));
    for (const m of indicators.matchAll(/<w:tcW [^>]*\/>/g)) expect(m[0]).toContain('w:type="dxa"');
    // The wide table spans the landscape type width.
    const wideWidths = [...wide.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(wideWidths.length).toBe(10);
    expect(wideWidths.reduce((a, b) => a + b, 0)).toBe(16838 - 1701 - 1487);
  });
});

describe('toDocx table size', () => {
  it('sets the sample issue\'s very long indicator table in 六号 (TableTextCompact, sz 15) like the PDF, others in 小五', async () => {
    const { parts } = await build(loadSampleIssue());
    const styles = parts['word/styles.xml'];
    expect(styles).toMatch(/<w:style w:type="paragraph"[^>]*w:styleId="TableTextCompact"[\s\S]*?<w:sz w:val="15"\/>[\s\S]*?<\/w:style>/);
    const tables = [...parts['word/document.xml'].matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const compact = tables.filter((t) => t.includes('w:val="TableTextCompact"'));
    expect(compact).toHaveLength(1);
    expect(partText(compact[0])).toContain('体检方法');
    expect(tables.filter((t) => t.includes('w:val="TableText"')).length).toBeGreaterThan(5);
  });
});

describe('toDocx headings', () => {
  it('keeps short level 2-4 headings with the next paragraph, but not long run-in ones', async () => {
    const { parts } = await build(loadSampleIssue());
    const paragraphs = [...parts['word/document.xml'].matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading[234]"\/>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const short = paragraphs.filter((p) => [...partText(p)].length <= 17);
    const long = paragraphs.filter((p) => [...partText(p)].length > 40);
    expect(short.length).toBeGreaterThan(5);
    expect(long.length).toBeGreaterThan(5);
    for (const p of short) expect(p, partText(p)).toContain('<w:keepNext/>');
    for (const p of long) expect(p, partText(p)).not.toContain('<w:keepNext/>');
  });
});

describe('toDocx TOC', () => {
  it('pre-fills the TOC field with our page numbers as PAGEREF results', async () => {
    const { parts, notes } = await build();
    const doc = parts['word/document.xml'];
    expect(notes.join()).not.toMatch(/pageMap/);
    expect(doc).toMatch(/<w:instrText xml:space="preserve"> TOC [^<]*<\/w:instrText>/);
    expect(doc).not.toMatch(/w:fldCharType="begin" w:dirty="true"/);
    const tocParagraphs = [...doc.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="TOC3"\/>[\s\S]*?<\/w:p>/g)].map((m) => partText(m[0]));
    expect(tocParagraphs).toEqual([
      '格政办发〔2024〕66号（3）',
      '格政人〔2024〕11号（9）',
      '格政人〔2024〕12号（9）',
      '7月份大事记（10）',
    ]);
    expect(doc).toMatch(/PAGEREF _TocDoc1 \\h/);
    expect(doc).toMatch(/<w:bookmarkStart w:name="_TocDoc1"/);
    expect(doc).toMatch(/<w:pStyle w:val="TOC2"\/>[\s\S]*?格尔木市人民政府办公室关于印发2024年城市体检工作实施方案的通知/);
    expect(doc).toMatch(/<w:pStyle w:val="TOC1"\/>[\s\S]*?市政府办公室文件/);
  });

  it('sets entries in the 276 pt entry column; one without 文号 is flush left, or on its own lines when long', async () => {
    // Titles ran across the whole type width where no sidebar frame stood (TOC page 2), and an entry without
    // 文号 was indented like a 文号 line.
    const tree = fixtureIssue();
    const docs = tree.sections.flatMap((s) => s.documents);
    const notice = docs.find((d) => d.id === 'doc-notice')!;
    notice.docNumber = '';
    notice.tocTitleOverride = '最高人民法院最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释（法释〔2016〕29号）';
    const { parts } = await build(tree);
    const styles = stylesByName(parts['word/styles.xml']);
    for (const name of ['toc 2', 'toc 3']) expect(styles.get(name), name).toContain('w:right="2880"');
    const doc = parts['word/document.xml'];
    const toc = (style: string) => [...doc.matchAll(new RegExp(`<w:p>(?:(?!</w:p>)[\\s\\S])*?<w:pStyle w:val="${style}"/>[\\s\\S]*?</w:p>`, 'g'))].map((m) => m[0]);
    expect(toc('TOC2').map(partText)).toContain(notice.tocTitleOverride);
    const lines = toc('TOC3');
    expect(lines.map(partText)).toEqual(['（3）', '格政人〔2024〕11号（9）', '格政人〔2024〕12号（9）', '7月份大事记（10）']);
    expect(lines[3]).toContain('<w:ind w:left="0"/>');
    expect(lines[1]).not.toContain('<w:ind w:left="0"/>');
  });

  it('without a page map leaves the numbers to a field update and says so', async () => {
    const { parts, notes } = await build(fixtureIssue(), {});
    expect(notes.join()).toMatch(/pageMap/);
    expect(parts['word/document.xml']).toMatch(/w:fldCharType="begin" w:dirty="true"/);
    expect(parts['word/settings.xml']).toContain('<w:updateFields w:val="true"/>');
  });
});

function assertAllTextPresent(tree: IssueTree, documentXml: string) {
  const exported = squeezeWhitespace(partText(documentXml));
  for (const section of tree.sections) {
    for (const doc of section.documents) {
      for (const block of doc.content.blocks) {
        if (block.type === 'image' || block.type === 'page-break') continue;
        const pieces = block.type === 'table' ? block.children.flatMap((r) => r.children.map(plainText)) : [plainText(block)];
        for (const piece of pieces) {
          const squeezed = squeezeWhitespace(piece);
          if (squeezed) expect(exported.includes(squeezed), `${doc.title}: ${squeezed.slice(0, 40)}`).toBe(true);
        }
      }
    }
  }
}

describe('toDocx content', () => {
  it('contains all text of the fixture issue, with runs styled by their marks', async () => {
    const tree = fixtureIssue();
    const { parts } = await build(tree);
    const doc = parts['word/document.xml'];
    assertAllTextPresent(tree, doc);
    expect(doc).toContain('<w:rStyle w:val="LeadInKai"/>');
    expect(doc).toContain('<w:rStyle w:val="LeadInBold"/>');
    expect(doc).toContain('<w:vertAlign w:val="superscript"/>');
    expect(doc).toMatch(/<w:pStyle w:val="DocNumber"\/>/);
    expect(doc).toMatch(/<w:pStyle w:val="Heading4"\/>/);
    expect(doc).toMatch(/<w:pStyle w:val="AttachmentMark"\/>/);
    expect(partText(doc)).toContain('□ 是');
    expect(partText(doc)).toContain('☑ 否');
  });

  it('gives the same XML for the same issue (apart from the docx package\'s global bookmark counter)', async () => {
    const bookmarkIdsOut = (xml: string) => xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*w:id=)"\d+"/g, '$1"n"');
    const a = await build();
    const b = await build();
    expect(bookmarkIdsOut(a.parts['word/document.xml'])).toBe(bookmarkIdsOut(b.parts['word/document.xml']));
  });

  it('exports a single document without front matter', async () => {
    const { parts } = await build(fixtureIssue(), { document: 'doc-chronicle', pageMap: PAGE_MAP });
    const text = partText(parts['word/document.xml']);
    expect(text).toContain('7月1日');
    expect(text).not.toContain('编辑委员会');
    expect(text).not.toContain('格政办发〔2024〕66号');
    expect(sectPrs(parts['word/document.xml'])[0]).toMatch(/<w:pgNumType w:start="10"\/>/);
  });

  const sample = loadSampleIssue();
  it.skipIf(!sample)('contains all text of the shipped sample issue', async () => {
    const tree = sample!;
    const { parts } = await build(tree, {});
    assertAllTextPresent(tree, parts['word/document.xml']);
    const total = tree.sections.flatMap((s) => s.documents).map((d) => squeezeWhitespace(contentPlainText(d.content)).length).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(10_000);
  });
});

describe('toDocx chapter lines', () => {
  it('keeps a centred 黑体 chapter line with the next paragraph (w:keepNext), not a centred body line', async () => {
    const paragraphs = await paragraphsWith((fixture) => [
      ...fixture,
      { type: 'paragraph', align: 'center', indent: false, children: [{ text: '第二章\u3000组成人员职责', face: 'hei' }] },
      { type: 'paragraph', children: [{ text: '五、国务院由下列人员组成。' }] },
      { type: 'paragraph', align: 'center', children: [{ text: '居中的正文行' }] },
    ]);
    const chapter = paragraphs.find((p) => partText(p) === '第二章\u3000组成人员职责')!;
    expect(chapter).toContain('<w:keepNext/>');
    expect(paragraphs.find((p) => partText(p) === '居中的正文行')).not.toContain('<w:keepNext/>');
  });
});

describe('toDocx 署名 and date', () => {
  it('keeps the body’s last paragraph and 署名 with the date (w:keepNext), as 国发〔2004〕18号 before its 规则', async () => {
    const paragraphs = await paragraphsWith(() => [
      { type: 'doc-title', children: [{ text: '国务院关于印发《国务院工作规则》的通知' }] },
      { type: 'addressee', children: [{ text: '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：' }] },
      { type: 'paragraph', children: [{ text: '《国务院工作规则》已经国务院第54次常务会议修订通过，现予印发。' }] },
      { type: 'signature', children: [{ text: '国务院' }] },
      { type: 'date-line', children: [{ text: '二〇〇四年六月二十六日' }] },
      { type: 'doc-title', children: [{ text: '国务院工作规则' }] },
      { type: 'paragraph', children: [{ text: '第一条　为了规范国务院的工作，制定本规则。' }] },
    ]);
    const find = (text: string) => paragraphs.find((p) => partText(p).startsWith(text))!;
    expect(find('《国务院工作规则》已经')).toContain('<w:keepNext/>');
    expect(find('国务院')).toBeDefined();
    expect(paragraphs.find((p) => partText(p) === '国务院')).toContain('<w:keepNext/>');
    // Not the date itself (the next block is a title in its own section), nor body text elsewhere.
    expect(find('二〇〇四年六月二十六日')).not.toContain('<w:keepNext/>');
    expect(find('第一条')).not.toContain('<w:keepNext/>');
  });
});

describe('toDocx titles', () => {
  it('breaks a long title between words into even lines, the issuer alone on line 1 (§5.2)', async () => {
    // Word broke 国务院关于印发国家职业教育改革实施方案/的通知 where the line ran out.
    const tree = fixtureIssue();
    const doc = tree.sections[0].documents[0];
    doc.content = {
      ...doc.content,
      blocks: [
        { type: 'doc-title', children: [{ text: '国务院关于印发国家职业教育改革实施方案的通知' }] },
        { type: 'paragraph', children: [{ text: '现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执行。' }] },
        { type: 'doc-title', issuer: '国务院办公厅', children: [{ text: '国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函' }] },
        { type: 'doc-title', children: [{ text: '国务院工作规则' }] },
      ],
    };
    const { parts } = await build(tree);
    const titles = [...parts['word/document.xml'].matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="(?:Title|[^"]*)"\/>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g)]
      .map((m) => m[0])
      .filter((p) => /国务院关于印发|湖北省巴东县|国务院工作规则/.test(partText(p)));
    const lines = (p: string) => p.split('<w:br/>').map(partText);
    expect(titles.map(lines)).toEqual([
      ['国务院关于印发国家职业教育', '改革实施方案的通知'],
      ['国务院办公厅', '关于湖北省巴东县地质', '灾害险情有关问题的复函'],
      ['国务院工作规则'],
    ]);
  });
});

describe('toDocx 落款', () => {
  it('sets the date right under its 署名, with no empty line between (as in print)', async () => {
    // The 日期 style's empty grid line above (§5.7) stood between 国务院 and 2019年1月24日 too.
    const paragraphs = await paragraphsWith(() => [
      { type: 'doc-title', children: [{ text: '国务院关于印发国家职业教育改革实施方案的通知' }] },
      { type: 'paragraph', children: [{ text: '现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执行。' }] },
      { type: 'signature', children: [{ text: '国务院' }] },
      { type: 'date-line', children: [{ text: '2019年1月24日' }] },
      { type: 'paragraph', children: [{ text: '附件正文。' }] },
      { type: 'date-line', children: [{ text: '2019年1月25日' }] },
    ]);
    const find = (text: string) => paragraphs.find((p) => partText(p) === text)!;
    expect(find('2019年1月24日')).toMatch(/<w:spacing w:before="0"\/>/);
    // A date with no 署名 keeps the style's empty line above.
    expect(find('2019年1月25日')).not.toMatch(/<w:spacing w:before="0"/);
    expect(find('国务院')).not.toMatch(/<w:spacing w:before="0"/);
  });

  it("sets a 纪要's 「机关 日期」 line under its title as one spanning line: organ left, a tab, the date at the right edge", async () => {
    const tree = fixtureIssue();
    const doc = tree.sections[0].documents[0];
    doc.content = {
      ...doc.content,
      blocks: [
        ...MINUTES_HEAD,
        { type: 'signature', children: [{ text: '市政府办公室' }] },
        { type: 'date-line', children: [{ text: '2024年3月6日' }] },
      ],
    };
    const { parts } = await build(tree);
    const xml = parts['word/document.xml'];
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const head = paragraphs.find((p) => partText(p).startsWith('格尔木市人民政府办公室'))!;
    expect(partText(head)).toBe('格尔木市人民政府办公室2024年3月5日');
    expect(head).toContain('<w:pStyle w:val="MinutesHead"/>');
    expect(head).toMatch(/<w:tab w:val="right" w:pos="8400"\/>/);
    expect(head).toMatch(/格尔木市人民政府办公室<\/w:t>[\s\S]*<w:tab\/>[\s\S]*2024年3月5日/);
    // It spans with the title block: the section it ends in has one column.
    const sectionEnds = [...xml.matchAll(/<\/w:sectPr>/g)].map((m) => m.index!);
    const sectionOf = (at: number) => sectPrs(xml)[sectionEnds.findIndex((end) => end > at)];
    expect(sectionOf(xml.indexOf(head))).not.toMatch(/w:num="2"/);
    expect(sectionOf(xml.indexOf('会议研究了有关工作'))).toMatch(/w:num="2"/);
    // The 落款 closing the text stays 署名 over date.
    expect(paragraphs.find((p) => partText(p) === '市政府办公室')).toContain('<w:pStyle w:val="Signature"/>');
    expect(paragraphs.find((p) => partText(p) === '2024年3月6日')).toContain('<w:pStyle w:val="DateLine"/>');
    expect(stylesByName(parts['word/styles.xml']).get('纪要机关日期')).toMatch(/w:firstLine="0"/);
  });
});

describe('toDocx name and leader lists', () => {
  it('sets a leader list without rules in body type, flush left: label, name 4 em, post (§6)', async () => {
    // The DOCX drew a 成员名单 as a ruled 宋体 table across both columns, 副召集人 merged over two rows.
    const cell = (text: string, rowSpan?: number) => ({ type: 'table-cell' as const, rowSpan, children: [{ type: 'paragraph' as const, children: [{ text }] }] });
    const tree = fixtureIssue();
    const doc = tree.sections[0].documents[0];
    doc.content = {
      ...doc.content,
      blocks: [
        { type: 'doc-title', children: [{ text: '关于成立安全生产工作领导小组的通知' }] },
        { type: 'paragraph', children: [{ text: '领导小组组成人员如下：' }] },
        {
          type: 'table',
          variant: 'leader-list',
          headerRows: 0,
          children: [
            { type: 'table-row', children: [cell('召集人：'), cell('王建国'), cell('市长')] },
            { type: 'table-row', children: [cell('副召集人：', 2), cell('李红梅'), cell('副市长')] },
            { type: 'table-row', children: [cell('张志强'), cell('市政府秘书长')] },
          ],
        },
        { type: 'paragraph', children: [{ text: '领导小组办公室设在市应急管理局。' }] },
      ],
    };
    const { parts } = await build(tree);
    const xml = parts['word/document.xml'];
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml.slice(xml.indexOf('领导小组组成人员如下')))![0];
    expect([...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([1050, 840, 8400 - 1050 - 840]);
    expect(table).toContain('<w:jc w:val="left"/>');
    expect(table).toMatch(/<w:tblBorders>(?:<w:(?:top|left|bottom|right|insideH|insideV) w:val="none"[^>]*\/>)+<\/w:tblBorders>/);
    expect(table).not.toContain('w:vMerge');
    expect(table).toContain('<w:pStyle w:val="Plain"/>');
    expect(table).not.toContain('<w:pStyle w:val="TableText"/>');
  });
});
