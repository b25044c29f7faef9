/**
 * toDocx: the issue (or one document) as a Word document in the journal's format (journal-format §11),
 * built from the same model as the PDF with the `docx` package. Pure: no I/O; the caller writes the bytes.
 *
 * Sections: cover + inside cover (no header/footer) -> TOC (page 1, empty footer) -> body, where each
 * document's title block spans one column between continuous section breaks and its text flows in two
 * columns; wide tables get landscape sections. The TOC is a real TOC field whose cached entries carry our
 * own page numbers (PAGEREF results), so it reads right in Word, WPS and LibreOffice without an update.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  FrameAnchorType,
  FrameWrap,
  Header,
  Packer,
  PageOrientation,
  Paragraph,
  SectionType,
  Tab,
  TabStopType,
  TextRun,
  type FileChild,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import type { GazetteDocument, IssueTree, TableElement } from '../model';
import { plainText, coverNameLines, coverPermitLine, cumulativeLabel, evenRunningHead, issueLabel, labelledLine, tocTitle } from '../model';
import { folioFooter } from './docx/folio';
import { blocksToDocx, PAGE, splitIntoRuns, type BlockContext, type DocxImageAsset, type RunLayout } from './docx/blocks';
import { LANDSCAPE_MARGINS, landscapeHeadsAndFolios, resetTurnedShapeIds } from './docx/landscapeHeads';
import { faceNames, LATIN_FONT, settingsXml, STYLE, stylesXml, TOC_ENTRY_WIDTH, type DocxFontNames, type FaceNames } from './docx/styles';
import { fieldBegin, fieldEnd, fieldInstruction, fieldSeparate, fieldWithResult } from './docx/xml';
import { documentTableIds } from './toHtml';
import { tocTitleFitsOneLine } from './toHtmlFront';

export type { DocxImageAsset } from './docx/blocks';
export type { DocxFontNames } from './docx/styles';

export interface ToDocxOptions {
  /** Document id -> first page, from the print pipeline's layout. Without it the TOC needs a field update. */
  pageMap?: Record<string, number>;
  /** Export only this document (id); no cover, inside cover or TOC. */
  document?: string;
  /** Chinese face names: stock Windows names (仿宋, 楷体) or the GB2312 faces. */
  fonts?: DocxFontNames;
  /** Image bytes by asset id (read from the library by the caller). */
  assets?: (assetId: string) => DocxImageAsset | undefined;
  /** Ids of the tables the print layout set compact (PageMap.compactTables), so the DOCX sets them alike. */
  compactTables?: string[];
}

export interface DocxResult {
  bytes: Uint8Array;
  /** Things the reader should know: e.g. the TOC needs a field update because no page map was given. */
  notes: string[];
}

const mm = (value: number) => Math.round((value * 1440) / 25.4);

const BASE_MARGINS = {
  top: PAGE.marginTop,
  bottom: PAGE.marginBottom,
  left: PAGE.marginSide,
  right: PAGE.marginSide,
  header: PAGE.header,
  footer: PAGE.footer,
};

function pageProperties(layout: RunLayout | 'front') {
  const landscape = layout === 'landscape';
  return {
    // docx swaps width and height itself for landscape, giving w:w="16838" w:h="11906".
    size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    // The landscape type area is the portrait one turned: 682.5 × 420 pt.
    margin: landscape ? { ...LANDSCAPE_MARGINS, header: PAGE.header, footer: PAGE.footer } : BASE_MARGINS,
  };
}

const GRID = { type: DocumentGridType.LINES, linePitch: PAGE.linePitch };

function run(text: string, face: string, halfPoints: number, extra: { bold?: boolean; color?: string } = {}): TextRun {
  return new TextRun({
    text,
    font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: face, cs: LATIN_FONT },
    size: halfPoints,
    bold: extra.bold,
    color: extra.color,
  });
}

/** A front-matter line at an exact height, not snapped to the grid, with space before it. */
function frontLine(children: ParagraphChild[], opts: { line: number; before?: number; align?: 'center' | 'left'; pageBreakBefore?: boolean }): Paragraph {
  return new Paragraph({
    style: STYLE.plain,
    alignment: opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { line: opts.line, lineRule: 'exact', before: opts.before ?? 0, after: 0 },
    pageBreakBefore: opts.pageBreakBefore,
    children,
  });
}

function issueLabels(tree: IssueTree): { number: string; cumulative: string } {
  return { number: issueLabel(tree.issue), cumulative: cumulativeLabel(tree.issue.cumulativeNumber) };
}

/** Cover (§9): positions are given as line centres from the top edge; the top margin is 30 mm. */
function coverChildren(tree: IssueTree, f: FaceNames): Paragraph[] {
  const fm = tree.issue.frontMatter;
  const label = issueLabels(tree);
  const red = 'FF0000';
  const lines = coverNameLines(tree.issue);
  const out: Paragraph[] = [];
  // Name lines centred at 55 and 75 mm: 20 mm line boxes starting at 45 mm (15 mm below the margin).
  lines.forEach((line, i) => out.push(frontLine([run(line, f.title, 84, { color: red })], { line: mm(20), before: i === 0 ? mm(15) : 0 })));
  const nameEnd = 30 + 15 + 20 * lines.length;
  out.push(frontLine([run(fm.tagline, f.hei, 32)], { line: mm(10), before: mm(Math.max(0, 95 - nameEnd)) }));
  out.push(frontLine([run(label.number, f.title, 44)], { line: mm(12), before: mm(14) }));
  out.push(frontLine([run(label.cumulative, f.fang, 32)], { line: mm(8), before: mm(2) }));
  // A line 本期设置 leaves empty stays as an empty line, so what follows keeps its place on the cover.
  const text = (t: string | null) => (t ? [run(t, f.fang, 28)] : []);
  out.push(frontLine(text(labelledLine('主管', fm.supervisor)), { line: mm(7), before: mm(95.5) }));
  out.push(frontLine(text(labelledLine('主办', fm.sponsor)), { line: mm(7), before: mm(1) }));
  out.push(frontLine([run(coverPermitLine(fm.permitNumber), f.fang, 24)], { line: mm(6), before: mm(12) }));
  return out;
}

/** Inside cover (§9): committee, members two per row, staff, and the colophon in a frame at the foot. */
function insideCoverChildren(tree: IssueTree, f: FaceNames): Paragraph[] {
  const fm = tree.issue.frontMatter;
  const out: Paragraph[] = [];
  const roleLine = (text: string) => frontLine([run(text, f.fang, 24)], { line: 440, align: 'left' });
  // Nothing is printed for what 本期设置 leaves empty (the page break stays with an empty title line).
  out.push(frontLine(fm.committeeTitle.trim() ? [run(fm.committeeTitle, f.hei, 32)] : [], { line: 600, pageBreakBefore: true }));
  for (const role of fm.committeeRoles.filter((r) => r.names.length)) out.push(roleLine(`${role.label}：${role.names.join('　')}`));
  if (fm.membersNote.trim() || fm.members.length) out.push(roleLine(`委员：${fm.membersNote}`));
  for (let i = 0; i < fm.members.length; i += 2) {
    const pair = fm.members.slice(i, i + 2);
    out.push(
      new Paragraph({
        style: STYLE.plain,
        spacing: { line: 440, lineRule: 'exact' },
            indent: { left: 720 },
        tabStops: [{ type: TabStopType.LEFT, position: 720 + 1200 }],
        children: pair.flatMap((name, i) => (i === 0 ? [run(name, f.fang, 24)] : [new TextRun({ children: [new Tab()] }), run(name, f.fang, 24)])),
      }),
    );
  }
  out.push(frontLine([], { line: 440 }));
  for (const role of fm.staff.filter((r) => r.names.length)) out.push(roleLine(`${role.label}：${role.names.join('　')}`));
  const colophon = fm.colophon.filter((c) => c.value.trim());
  const colophonHeight = colophon.length * PAGE.linePitch + 120;
  colophon.forEach((line, i) =>
    out.push(
      new Paragraph({
        style: STYLE.plain,
        spacing: { line: PAGE.linePitch, lineRule: 'exact' },
        border: i === 0 ? { top: { style: 'single', size: 4, color: 'auto', space: 4 } } : undefined,
        frame: {
          type: 'absolute',
          position: { x: 0, y: PAGE.typeHeight - colophonHeight },
          width: PAGE.typeWidth,
          anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
        },
        children: [run(`${line.label}：${line.value}`, f.fang, 21)],
      }),
    ),
  );
  return out;
}

function documentsOf(tree: IssueTree): Array<{ section: IssueTree['sections'][number]; doc: GazetteDocument }> {
  return tree.sections.flatMap((section) => section.documents.map((doc) => ({ section, doc })));
}

function bookmarkName(index: number): string {
  return `_TocDoc${index + 1}`;
}

/** The TOC (§9): title, sidebar frame, then the field with one cached entry per document. */
function tocChildren(tree: IssueTree, f: FaceNames, pageMap: Record<string, number> | undefined): Paragraph[] {
  const fm = tree.issue.frontMatter;
  const entryWidth = TOC_ENTRY_WIDTH;
  const out: Paragraph[] = [];
  out.push(
    new Paragraph({
      style: STYLE.plain,
      alignment: AlignmentType.CENTER,
      indent: { right: PAGE.typeWidth - entryWidth },
      spacing: { line: 600, lineRule: 'exact', after: 2 * PAGE.linePitch },
      children: [run('目　录', f.title, 44)],
    }),
  );
  // Sidebar on the outer side of TOC page 1, in one frame with a rule on its inner edge.
  const sidebarFrame = {
    type: 'absolute' as const,
    position: { x: entryWidth + 360, y: 0 },
    width: PAGE.typeWidth - entryWidth - 360,
    // Entries flow beside the sidebar, not below it.
    wrap: FrameWrap.AROUND,
    anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
  };
  const sidebarLines: Array<{ text: string; face: string; size: number; line: number; before?: number }> = [
    ...fm.sidebarNotice.map((text) => ({ text, face: f.kai, size: 28, line: 420 })),
    ...fm.sidebarSlogans.map((text, i) => ({ text, face: f.title, size: 32, line: 640, before: i === 0 ? 1200 : 0 })),
    ...fm.journalNameLines.map((text, i) => ({ text, face: f.title, size: 28, line: 420, before: i === 0 ? 1200 : 0 })),
  ];
  for (const line of sidebarLines) {
    out.push(
      new Paragraph({
        style: STYLE.plain,
        alignment: AlignmentType.CENTER,
        spacing: { line: line.line, lineRule: 'exact', before: line.before ?? 0 },
        border: { left: { style: 'single', size: 4, color: 'auto', space: 12 } },
        frame: sidebarFrame,
        children: [run(line.text, line.face, line.size)],
      }),
    );
  }

  const entries: Array<{ style: string; flush?: boolean; children: ParagraphChild[] }> = [];
  documentsOf(tree).forEach(({ section, doc }, index) => {
    if (section.documents[0] === doc) entries.push({ style: STYLE.toc[0], children: [new TextRun(section.name)] });
    const page = pageMap?.[doc.id];
    const pageRef = [new TextRun('（'), ...fieldWithResult(`PAGEREF ${bookmarkName(index)} \\h`, page ? String(page) : ''), new TextRun('）')];
    const title = tocTitle(doc);
    if (doc.docNumber || !tocTitleFitsOneLine(title)) {
      // A long title without 文号 takes its own lines and a leader line below, as in print (toHtmlFront).
      entries.push({ style: STYLE.toc[1], children: [new TextRun(title)] });
      entries.push({ style: STYLE.toc[2], children: [new TextRun(doc.docNumber), new TextRun({ children: [new Tab()] }), ...pageRef] });
    } else {
      // One line, flush left like the titles (7月份大事记……（54）, §9), not indented like a 文号.
      entries.push({ style: STYLE.toc[2], flush: true, children: [new TextRun(title), new TextRun({ children: [new Tab()] }), ...pageRef] });
    }
  });
  // Field update regenerates the entries from the document titles (Title -> level 2) and 文号 (level 3).
  const instruction = 'TOC \\h \\z \\t "Title,2,文号,3"';
  entries.forEach((entry, i) => {
    const children: ParagraphChild[] = [];
    if (i === 0) children.push(fieldBegin(!pageMap), fieldInstruction(instruction), fieldSeparate());
    children.push(...entry.children);
    if (i === entries.length - 1) children.push(fieldEnd());
    out.push(new Paragraph({ style: entry.style, indent: entry.flush ? { left: 0 } : undefined, children }));
  });
  return out;
}



function runningHeads(tree: IssueTree, sectionName: string) {
  return {
    headers: {
      default: new Header({ children: [new Paragraph({ style: STYLE.header, alignment: AlignmentType.RIGHT, children: [new TextRun(sectionName)] })] }),
      even: new Header({ children: [new Paragraph({ style: STYLE.header, alignment: AlignmentType.LEFT, children: [new TextRun(evenRunningHead(tree.issue))] })] }),
    },
    footers: { default: folioFooter('right'), even: folioFooter('left') },
  };
}

function emptyHeadersAndFooters() {
  const blank = () => [new Paragraph({ style: STYLE.plain, children: [] })];
  return {
    headers: { default: new Header({ children: blank() }), even: new Header({ children: blank() }) },
    footers: { default: new Footer({ children: blank() }), even: new Footer({ children: blank() }) },
  };
}

/** Body sections for one document: one docx section per run of blocks. */
function documentSections(
  tree: IssueTree,
  doc: GazetteDocument,
  ctx: BlockContext,
  opts: { continuous: boolean; sectionName: string; previousLandscape: boolean; pageStart?: number; recto?: boolean; balance?: boolean },
): ISectionOptions[] {
  const runs = splitIntoRuns(doc.content.blocks, !opts.continuous);
  const state = { seenTitle: false };
  const sections = runs.map((r, i): ISectionOptions => {
    // Heads are written on each document's first section and wherever the orientation changes;
    // other sections inherit them.
    const wasLandscape = i === 0 ? opts.previousLandscape : runs[i - 1].layout === 'landscape';
    const isLandscape = r.layout === 'landscape';
    const heads =
      i === 0 || wasLandscape !== isLandscape
        ? isLandscape
          ? landscapeHeadsAndFolios(opts.sectionName, evenRunningHead(tree.issue))
          : runningHeads(tree, opts.sectionName)
        : undefined;
    const landscape = r.layout === 'landscape';
    const typeWidth = landscape ? PAGE.typeHeight : PAGE.typeWidth;
    const typeHeight = landscape ? PAGE.typeWidth : PAGE.typeHeight;
    const children: FileChild[] = blocksToDocx(r.blocks, ctx, state, typeWidth, typeHeight);
    const first = i === 0;
    return {
      ...(heads ?? {}),
      properties: {
        type: first && opts.recto ? SectionType.ODD_PAGE : r.newPage ? SectionType.NEXT_PAGE : SectionType.CONTINUOUS,
        page: { ...pageProperties(r.layout), pageNumbers: first && opts.pageStart ? { start: opts.pageStart } : undefined },
        grid: GRID,
        column: r.layout === 'columns' ? { count: 2, space: PAGE.columnGap, equalWidth: true } : { count: 1, space: 0 },
      },
      children: children.length ? children : [new Paragraph({ style: STYLE.plain, children: [] })],
    };
  });
  if (opts.balance && endsShortOnFirstPage(runs)) sections.push(balancingSection());
  return sections;
}

/** Body lines a two-column page holds below a title block (about 8 lines of the page's 39). */
const COLUMN_LINES_BELOW_TITLE = 2 * (Math.floor(PAGE.typeHeight / PAGE.linePitch) - 8);
/** 三号 characters per column line. */
const COLUMN_CHARS = Math.floor((PAGE.typeWidth - PAGE.columnGap) / 2 / 320);

/**
 * Whether a document is one title block and text that fills at most 60 % of its first page's columns (an
 * estimate: each paragraph's characters over the column width). Only then is the balancing section safe:
 * below columns that fill their page, LibreOffice moved its empty paragraph to a page of its own.
 */
function endsShortOnFirstPage(runs: ReturnType<typeof splitIntoRuns>): boolean {
  if (runs.length !== 2 || runs[0].layout !== 'span' || runs[1].layout !== 'columns') return false;
  const lines = runs[1].blocks.reduce((n, b) => n + Math.max(1, Math.ceil((2 + [...plainText(b)].length) / COLUMN_CHARS)), 0);
  return lines <= 0.6 * COLUMN_LINES_BELOW_TITLE;
}

/**
 * Word and LibreOffice balance a section's columns only when a continuous section break ends it: before
 * the next-page break of the next document, a short 批复 stood wholly in the left column. An empty
 * one-column continuous section after the document's columns ends them so; its one paragraph is 1 pt high
 * (exact line spacing), so it does not push a page over (print balances a document's last columns too).
 */
function balancingSection(): ISectionOptions {
  return {
    properties: { type: SectionType.CONTINUOUS, page: pageProperties('columns'), grid: GRID, column: { count: 1, space: 0 } },
    children: [
      new Paragraph({ style: STYLE.sectionEnd, children: [] }),
    ],
  };
}

/** The document's tables that the print layout set compact. */
function compactTablesOf(doc: GazetteDocument, ids: string[] | undefined): Set<TableElement> {
  const wanted = new Set(ids ?? []);
  const tables = new Set<TableElement>();
  for (const [table, id] of documentTableIds(doc)) if (wanted.has(id)) tables.add(table);
  return tables;
}

/** 人事任免 notices run on after each other (§8); everything else starts a new page. */
function runsOn(previous: GazetteDocument | undefined, doc: GazetteDocument, firstInSection: boolean): boolean {
  return doc.kind === 'personnel' && previous?.kind === 'personnel' && !firstInSection;
}

/** Build the docx Document (pure). */
export function buildDocxDocument(tree: IssueTree, opts: ToDocxOptions = {}): { document: Document; notes: string[] } {
  const faces = faceNames(opts.fonts);
  const notes: string[] = [];
  resetTurnedShapeIds();
  const all = documentsOf(tree);
  const sections: ISectionOptions[] = [];
  const single = opts.document ? all.find((d) => d.doc.id === opts.document) : undefined;
  if (opts.document && !single) notes.push(`文档 ${opts.document} 不在本期中，导出整期`);

  if (single) {
    const ctx: BlockContext = { faces, assets: opts.assets, notes, compactTables: compactTablesOf(single.doc, opts.compactTables) };
    sections.push(
      ...documentSections(tree, single.doc, ctx, {
        continuous: false,
        sectionName: single.section.name,
        previousLandscape: false,
        pageStart: opts.pageMap?.[single.doc.id] ?? 1,
        balance: true,
      }),
    );
  } else {
    sections.push({
      properties: { page: { ...pageProperties('front'), margin: { ...BASE_MARGINS, bottom: mm(10) } } },
      children: [...coverChildren(tree, faces), ...insideCoverChildren(tree, faces)],
    });
    sections.push({
      ...emptyHeadersAndFooters(),
      // Page 1 is a right-hand page (§10): an odd-page break, in case the cover pages are not two.
      properties: { type: SectionType.ODD_PAGE, page: { ...pageProperties('front'), pageNumbers: { start: 1 } }, grid: GRID },
      children: tocChildren(tree, faces, opts.pageMap),
    });
    if (!opts.pageMap) notes.push('未提供版面页码（pageMap）：目录页码留空，打开时需在 Word 中更新域（F9）');
    let previous: GazetteDocument | undefined;
    all.forEach(({ section, doc }, index) => {
      const ctx: BlockContext = {
        faces,
        assets: opts.assets,
        notes,
        titleBookmark: bookmarkName(index),
        compactTables: compactTablesOf(doc, opts.compactTables),
      };
      const continuous = runsOn(previous, doc, section.documents[0] === doc);
      const next = all[index + 1];
      const firstBody = index === 0;
      const previousLandscape = sections[sections.length - 1]?.properties?.page?.size?.orientation === PageOrientation.LANDSCAPE;
      sections.push(
        ...documentSections(tree, doc, ctx, {
          continuous,
          sectionName: section.name,
          previousLandscape,
          pageStart: firstBody ? (opts.pageMap?.[doc.id] ?? 3) : undefined,
          // The first document starts on a right-hand page (§9, p.3): Word and LibreOffice insert the blank
          // verso after a one-page TOC, as the print layout does.
          recto: firstBody,
          // A document followed on the same page by the next one is balanced by that one's continuous break.
          balance: !next || !runsOn(doc, next.doc, next.section.documents[0] === next.doc),
        }),
      );
      previous = doc;
    });
  }

  const label = issueLabels(tree);
  const document = new Document({
    title: single ? single.doc.title : `${tree.issue.journalName} ${label.number}`,
    subject: `${label.number}（${label.cumulative}）`,
    creator: tree.issue.journalName,
    evenAndOddHeaderAndFooters: true,
    sections,
  });
  return { document, notes };
}

/** The issue as .docx bytes, with our styles.xml and settings.xml (mirror margins, odd/even headers). */
export async function toDocx(tree: IssueTree, opts: ToDocxOptions = {}): Promise<DocxResult> {
  const { document, notes } = buildDocxDocument(tree, opts);
  const needsUpdate = !opts.document && !opts.pageMap;
  const bytes = await Packer.pack(document, 'uint8array', false, [
    { path: 'word/styles.xml', data: stylesXml(opts.fonts) },
    { path: 'word/settings.xml', data: settingsXml({ updateFieldsOnOpen: needsUpdate }) },
  ]);
  return { bytes, notes };
}
