/**
 * The tagged issue PDF read through its structure tree (pdf.js), as a screen reader reads it: a
 * two-column page reads column 1 then column 2, running heads and folios are artifacts, tables have
 * header cells, images their alt text, and the document language is zh-CN.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFDict, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BlockElement, GazetteDocument, IssueTree } from '../common/model';
import { exportTreePdf, type ExportPdfResult } from '../main/export/exportPdf';
import { columnOrderErrors, elementRuns, openPdf, pageStructure, structNodes, type PageStructure } from './pdf-structure';

const sample = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
/** A 1×1 PNG: the image's pixels do not matter, its alt text does. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const ALT = '格尔木市城市体检工作流程示意图';

const text = (t: string) => [{ text: t }];
/** Paragraphs numbered so the reading order can be checked: 第N段 opens paragraph N. */
const paragraph = (n: number): BlockElement => ({
  type: 'paragraph',
  children: text(`第${n}段。为进一步优化营商环境，加强对全市营商环境工作的社会监督，经研究决定聘用全市营商环境监督员，现将有关事项通知如下，请各单位认真贯彻落实并做好衔接。`),
});

const doc: GazetteDocument = {
  id: 'tagged-doc',
  sectionId: sample.sections[0].id,
  kind: 'notice',
  title: '关于开展城市体检工作的通知',
  docNumber: '格政办发〔2024〕99号',
  position: 0,
  updatedAt: '2024-07-31T00:00:00Z',
  content: {
    schemaVersion: 1,
    blocks: [
      { type: 'doc-title', children: text('关于开展城市体检工作的通知') },
      { type: 'doc-number', children: text('格政办发〔2024〕99号') },
      { type: 'heading', level: 1, children: text('一、总体要求') },
      ...Array.from({ length: 24 }, (_, i) => paragraph(i + 1)),
      { type: 'image', assetId: 'img-1', alt: ALT, width: 120, children: [{ text: '' }] },
      { type: 'attachment-heading', children: text('附件') },
      { type: 'doc-title', children: text('城市体检指标表') },
      {
        type: 'table',
        headerRows: 1,
        children: [
          ['序号', '指标', '责任单位'],
          ['1', '人均公园绿地面积', '市住建局'],
          ['2', '城市道路网密度', '市交通局'],
        ].map((cells) => ({ type: 'table-row' as const, children: cells.map((c) => ({ type: 'table-cell' as const, children: [{ type: 'paragraph' as const, children: text(c) }] })) })),
      },
    ],
  },
};

const tree: IssueTree = { issue: sample.issue, sections: [{ ...sample.sections[0], documents: [doc] }] };

let dir = '';
let result: ExportPdfResult;
let pdf: PDFDocumentProxy;
let bytes: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gazette-tagged-'));
  result = await exportTreePdf(tree, { pdfPath: path.join(dir, 'tagged.pdf'), tagged: true, html: { assetUrl: () => PNG } });
  bytes = new Uint8Array(readFileSync(result.pdfPath));
  pdf = await openPdf(bytes.slice()); // pdf.js takes over the buffer it is given
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Physical page number (1-based) of printed page `folio`. */
const physical = (folio: number) => result.pageMap.frontPages + folio;

async function docPages(): Promise<PageStructure[]> {
  const unit = result.pageMap.units[doc.id];
  return Promise.all(Array.from({ length: unit.count }, (_, i) => pageStructure(pdf, physical(unit.first + i))));
}

describe('tagged issue PDF', () => {
  it('is marked, has a structure tree and says its language', async () => {
    const loaded = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(loaded.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    const markInfo = loaded.catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo.get(PDFName.of('Marked'))?.toString()).toBe('true');
    const lang = loaded.catalog.get(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : String(lang)).toBe('zh-CN');
    expect(result.timings.fullPrintReason).toMatch(/tagged/);
  });

  it('reads a two-column page column 1 then column 2, in paragraph order', async () => {
    const pages = await docPages();
    // The first page with numbered paragraphs in both columns.
    const pageWidth = 595.28;
    const middle = pageWidth / 2;
    const inColumn = (run: { x0: number; x1: number }) => (run.x1 < middle ? 1 : run.x0 > middle ? 2 : 0);
    const twoColumn = pages.find((p) => p.runs.some((r) => inColumn(r) === 1 && /第\d+段/.test(r.text)) && p.runs.some((r) => inColumn(r) === 2 && /第\d+段/.test(r.text)));
    expect(twoColumn, 'a page with text in both columns').toBeDefined();
    // Column of each structure element as a whole (a title broken into one run per word spans both).
    const columns = elementRuns(twoColumn!.runs).map(inColumn).filter((c) => c > 0);
    const firstOfSecond = columns.indexOf(2);
    expect(firstOfSecond).toBeGreaterThan(0);
    // Everything after column 2 starts stays in column 2.
    expect(columns.slice(firstOfSecond).every((c) => c === 2)).toBe(true);
    for (const p of pages) expect(columnOrderErrors(p.runs, pageWidth)).toEqual([]);
    // The check itself objects to column 2 read first.
    const second = twoColumn!.runs.filter((r) => inColumn(r) === 2);
    expect(columnOrderErrors([...second, ...twoColumn!.runs.filter((r) => inColumn(r) !== 2)], pageWidth).length).toBeGreaterThan(0);
    // Paragraph numbers rise through the whole document in reading order.
    const numbers = pages.flatMap((p) => p.runs.flatMap((r) => [...r.text.matchAll(/第(\d+)段/g)].map((m) => Number(m[1]))));
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('tags title, heading and paragraphs, and leaves running heads and folios as artifacts', async () => {
    const pages = await docPages();
    const roles = new Set(pages.flatMap((p) => structNodes(p.tree).map((n) => n.role)));
    expect(roles).toContain('H1');
    expect(roles).toContain('H2');
    expect(roles).toContain('P');
    const tagged = pages.flatMap((p) => p.runs.map((r) => r.text)).join('');
    expect(tagged).not.toMatch(/—\s*\d+\s*—/);
    expect(tagged).not.toContain(sample.sections[0].name);
    for (const [i, page] of pages.entries()) {
      const folio = result.pageMap.units[doc.id].first + i;
      expect(page.artifacts.join('')).toContain(`— ${folio} —`);
      expect(page.untagged, `page ${folio}: text neither tagged nor artifact`).toEqual([]);
    }
    // Odd pages carry the section name as their head, even pages the journal and issue.
    expect(pages.flatMap((p) => p.artifacts).join('')).toContain(sample.sections[0].name);
  });

  it('tables have header cells and images their alt text', async () => {
    const nodes = (await docPages()).flatMap((p) => structNodes(p.tree));
    const table = nodes.find((n) => n.role === 'Table');
    expect(table).toBeDefined();
    const cells = structNodes(table!).map((n) => n.role);
    expect(cells.filter((r) => r === 'TH')).toHaveLength(3);
    expect(cells.filter((r) => r === 'TD')).toHaveLength(6);
    expect(nodes.some((n) => n.role === 'Figure' && n.alt === ALT)).toBe(true);
  });

  it('front matter: the cover and TOC text is tagged, none of it left untagged', async () => {
    const tagged: string[] = [];
    for (let page = 1; page <= result.pageMap.frontPages + result.pageMap.tocPages; page++) {
      const structure = await pageStructure(pdf, page);
      expect(structure.untagged, `page ${page}`).toEqual([]);
      tagged.push(...structure.runs.map((r) => r.text));
    }
    // pdf.js reads some glyphs shared with Kangxi radicals as the radicals (⽊ for 木); NFKC folds them back.
    const front = tagged.join('').normalize('NFKC');
    expect(front).toContain(`${sample.issue.year}年第${sample.issue.number}期`);
    expect(front).toContain(doc.title.normalize('NFKC'));
  });
});
