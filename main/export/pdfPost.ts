/**
 * PDF post-processing with pdf-lib: metadata, an outline (bookmarks) following the TOC, page labels, and
 * optionally 3 mm bleed with crop marks and blank pages padding the count to a multiple of 4.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, beginMarkedContent, endMarkedContent, rgb } from 'pdf-lib';
import { markUntaggedAsArtifacts } from './pdfArtifacts';
import { fixLigatureText } from './pdfLigatures';

const MM = 72 / 25.4;
export const BLEED_PT = 3 * MM;
/** Room outside the bleed for the crop marks. */
export const SLUG_PT = 10 * MM;

export interface OutlineEntry {
  title: string;
  /** 0-based physical page index. */
  pageIndex: number;
}

export interface PostProcessOptions {
  title: string;
  subject: string;
  /** ISO date of the issue. */
  date: string;
  producer?: string;
  outline: OutlineEntry[];
  /** Unnumbered pages at the start (cover, inside cover) labelled by these strings. */
  frontLabels: string[];
  bleed?: boolean;
  padToMultipleOf4?: boolean;
  /** The PDF is tagged: content outside the structure tree (heads, folios, rules) is marked as artifacts. */
  tagged?: boolean;
}

function addOutline(pdf: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = pdf.context;
  const pages = pdf.getPages();
  const rootRef = context.nextRef();
  const refs = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const page = pages[Math.min(Math.max(entry.pageIndex, 0), pages.length - 1)];
    const dict = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: rootRef,
      Dest: context.obj([page.ref, PDFName.of('XYZ'), null, null, null]),
    }) as PDFDict;
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
    if (i < entries.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
    context.assign(refs[i], dict);
  });
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: PDFNumber.of(entries.length) }),
  );
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function addPageLabels(pdf: PDFDocument, frontLabels: string[]): void {
  const context = pdf.context;
  const nums: Array<PDFNumber | PDFDict> = [];
  frontLabels.forEach((label, i) => {
    nums.push(PDFNumber.of(i), context.obj({ P: PDFHexString.fromText(label) }) as PDFDict);
  });
  nums.push(PDFNumber.of(frontLabels.length), context.obj({ S: 'D', St: 1 }) as PDFDict);
  const numsArray = context.obj(nums) as PDFArray;
  pdf.catalog.set(PDFName.of('PageLabels'), context.obj({ Nums: numsArray }));
}

function addBleed(pdf: PDFDocument): void {
  const extra = BLEED_PT + SLUG_PT;
  for (const page of pdf.getPages()) {
    const { width, height } = page.getSize();
    page.setMediaBox(-extra, -extra, width + 2 * extra, height + 2 * extra);
    page.setBleedBox(-BLEED_PT, -BLEED_PT, width + 2 * BLEED_PT, height + 2 * BLEED_PT);
    page.setTrimBox(0, 0, width, height);
    page.setCropBox(-extra, -extra, width + 2 * extra, height + 2 * extra);
    const mark = { thickness: 0.25, color: rgb(0, 0, 0) };
    // Crop marks are not content: artifacts in a tagged PDF (harmless in an untagged one).
    page.pushOperators(beginMarkedContent('Artifact'));
    // Crop marks at each corner, in the slug, starting outside the bleed.
    for (const x of [0, width]) {
      for (const y of [0, height]) {
        const dx = x === 0 ? -1 : 1;
        const dy = y === 0 ? -1 : 1;
        page.drawLine({ start: { x: x + dx * BLEED_PT, y }, end: { x: x + dx * extra, y }, ...mark });
        page.drawLine({ start: { x, y: y + dy * BLEED_PT }, end: { x, y: y + dy * extra }, ...mark });
      }
    }
    page.pushOperators(endMarkedContent());
  }
}

function padPages(pdf: PDFDocument): void {
  const count = pdf.getPageCount();
  const { width, height } = pdf.getPage(count - 1).getSize();
  for (let i = count; i % 4 !== 0; i++) pdf.addPage([width, height]);
}

/** `raw` is Chromium's PDF, or a document already loaded (assembled from earlier prints); it is changed. */
export async function postProcessPdf(raw: Uint8Array | PDFDocument, opts: PostProcessOptions): Promise<Uint8Array> {
  const pdf = raw instanceof PDFDocument ? raw : await PDFDocument.load(raw, { updateMetadata: false });
  pdf.setTitle(opts.title, { showInWindowTitleBar: true });
  pdf.setSubject(opts.subject);
  pdf.setProducer(opts.producer ?? 'gazette (Paged.js 0.4.3 + Chromium, pdf-lib)');
  pdf.setCreator('gazette');
  pdf.setLanguage('zh-CN');
  const date = new Date(`${opts.date}T00:00:00Z`);
  if (!Number.isNaN(date.getTime())) pdf.setCreationDate(date);
  pdf.setModificationDate(new Date());
  pdf.setKeywords([opts.subject]);
  // Before the artifact pass: it rewrites the content streams this pass reads.
  fixLigatureText(pdf);
  if (opts.tagged) markUntaggedAsArtifacts(pdf);
  if (opts.padToMultipleOf4) padPages(pdf);
  addOutline(pdf, opts.outline);
  addPageLabels(pdf, opts.frontLabels);
  if (opts.bleed) addBleed(pdf);
  return pdf.save({ useObjectStreams: true });
}


