/**
 * Page-level reuse of earlier prints: after an edit, only the pages whose key changed are printed again;
 * the raw PDF is put together from the pages of earlier prints (copied unchanged) and the new ones.
 *
 * A remembered print is a list of sources (raw Chromium PDFs: one full print, then partial prints) and,
 * per physical page, its key and where its printed copy lives. Sources are parsed once and only read.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFObject } from 'pdf-lib';
import type { PageKeys } from './pageScripts';

/** Above this share of changed pages a full print costs about the same: print everything. */
export const MAX_CHANGED_SHARE = 0.5;
/** Each partial print brings its own font subsets; beyond this many sources, print afresh. */
export const MAX_SOURCES = 4;

export type ReusePlan = { mode: 'full'; reason: string } | { mode: 'partial'; changed: number[] };

/** Which pages must be printed again, or why everything must be. Pure. */
export function planReuse(previous: PageKeys | undefined, next: PageKeys, sourceCount = 1): ReusePlan {
  if (!previous) return { mode: 'full', reason: 'no earlier print of this issue' };
  if (previous.docKey !== next.docKey) return { mode: 'full', reason: 'style sheets, fonts mode or browser changed' };
  if (previous.pageKeys.length !== next.pageKeys.length) {
    return { mode: 'full', reason: `page count changed (${previous.pageKeys.length} -> ${next.pageKeys.length})` };
  }
  const changed = next.pageKeys.flatMap((key, i) => (key === previous.pageKeys[i] ? [] : [i]));
  if (changed.length > next.pageKeys.length * MAX_CHANGED_SHARE) {
    return { mode: 'full', reason: `${changed.length} of ${next.pageKeys.length} pages changed` };
  }
  if (changed.length > 0 && sourceCount + 1 > MAX_SOURCES) return { mode: 'full', reason: `${sourceCount} prints merged already` };
  return { mode: 'partial', changed };
}

/** `3-5,9` (1-based, for logs and engines that take page ranges). */
export function pageRangesText(indices: number[]): string {
  const ranges: string[] = [];
  let start = -1;
  indices.forEach((index, k) => {
    if (start < 0) start = index;
    if (indices[k + 1] !== index + 1) {
      ranges.push(start === index ? `${start + 1}` : `${start + 1}-${index + 1}`);
      start = -1;
    }
  });
  return ranges.join(',');
}

/** One raw print; parsed on first use, and checked to hold one PDF page per page it was printed for. */
class PrintSource {
  private parsed: Promise<PDFDocument> | null = null;
  constructor(
    readonly bytes: Uint8Array,
    readonly expectedPages: number,
  ) {}

  doc(): Promise<PDFDocument> {
    this.parsed ??= PDFDocument.load(this.bytes, { updateMetadata: false }).then((pdf) => {
      const count = pdf.getPageCount();
      if (count !== this.expectedPages) throw new Error(`a print has ${count} PDF pages for ${this.expectedPages} laid-out pages`);
      return pdf;
    });
    return this.parsed;
  }
}

interface PrintedPage {
  source: PrintSource;
  index: number;
}

/** What one issue's last print left behind. */
export class RememberedPrint {
  private constructor(
    readonly keys: PageKeys,
    private readonly pages: PrintedPage[],
  ) {}

  /** After a full print: every page from that one PDF. */
  static ofFullPrint(keys: PageKeys, raw: Uint8Array): RememberedPrint {
    const source = new PrintSource(raw, keys.pageKeys.length);
    return new RememberedPrint(keys, keys.pageKeys.map((_, index) => ({ source, index })));
  }

  /** After a full print made in batches: each page from the batch that printed it (batches in page order). */
  static ofBatches(keys: PageKeys, batches: Array<{ raw: Uint8Array; pages: number }>): RememberedPrint {
    const pages: PrintedPage[] = [];
    for (const batch of batches) {
      const source = new PrintSource(batch.raw, batch.pages);
      for (let index = 0; index < batch.pages; index++) pages.push({ source, index });
    }
    if (pages.length !== keys.pageKeys.length) throw new Error('batches do not hold every page');
    return new RememberedPrint(keys, pages);
  }

  get sourceCount(): number {
    return new Set(this.pages.map((p) => p.source)).size;
  }

  /**
   * The raw PDF of the new layout: `changed` pages (ascending) from `partial` (a print of exactly those
   * pages), every other page from this print. Returns the document (to post-process) and what to remember.
   */
  async merge(keys: PageKeys, changed: number[], partial: Uint8Array | undefined): Promise<{ pdf: PDFDocument; next: RememberedPrint }> {
    if (keys.pageKeys.length !== this.pages.length) throw new Error('page count differs from the remembered print');
    const partialSource = partial ? new PrintSource(partial, changed.length) : undefined;
    const changedAt = new Map(changed.map((pageIndex, k) => [pageIndex, k]));
    const pages: PrintedPage[] = this.pages.map((old, i) => {
      const k = changedAt.get(i);
      if (k === undefined) return old;
      if (!partialSource) throw new Error('pages changed but nothing was printed');
      return { source: partialSource, index: k };
    });
    const pdf = await assemble(pages);
    return { pdf, next: new RememberedPrint(keys, pages) };
  }
}

/** A new PDF of the given pages; one copy per source, so pages of one print share their fonts. */
async function assemble(pages: PrintedPage[]): Promise<PDFDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const bySource = new Map<PrintSource, number[]>();
  for (const page of pages) bySource.set(page.source, [...(bySource.get(page.source) ?? []), page.index]);
  const copies = new Map<PrintSource, Map<number, ReturnType<PDFDocument['getPage']>>>();
  for (const [source, indices] of bySource) {
    const unique = [...new Set(indices)];
    const copied = await pdf.copyPages(await source.doc(), unique);
    copies.set(source, new Map(unique.map((index, k) => [index, copied[k]])));
  }
  for (const page of pages) pdf.addPage(copies.get(page.source)!.get(page.index)!);
  uniqueSubsetTags(pdf);
  return pdf;
}

/** Every font dictionary reachable from the pages' resources (and form XObjects'), by reference. */
function fontRefs(pdf: PDFDocument): PDFRef[] {
  const found = new Set<PDFRef>();
  const seenResources = new Set<PDFObject>();
  const lookupDict = (obj: PDFObject | undefined): PDFDict | undefined => {
    const resolved = obj instanceof PDFRef ? pdf.context.lookup(obj) : obj;
    return resolved instanceof PDFDict ? resolved : undefined;
  };
  const visit = (resourcesObj: PDFObject | undefined) => {
    const resources = lookupDict(resourcesObj);
    if (!resources || seenResources.has(resources)) return;
    seenResources.add(resources);
    const fonts = lookupDict(resources.get(PDFName.of('Font')));
    for (const [, value] of fonts?.entries() ?? []) if (value instanceof PDFRef) found.add(value);
    const xobjects = lookupDict(resources.get(PDFName.of('XObject')));
    for (const [, value] of xobjects?.entries() ?? []) {
      const stream = value instanceof PDFRef ? pdf.context.lookup(value) : value;
      const dict = (stream as { dict?: PDFDict } | undefined)?.dict;
      if (dict) visit(dict.get(PDFName.of('Resources')));
    }
  };
  for (const page of pdf.getPages()) visit(page.node.get(PDFName.of('Resources')));
  return [...found];
}

function nameText(obj: PDFObject | undefined): string | undefined {
  return obj instanceof PDFName ? obj.decodeText() : undefined;
}

function baseFontName(font: PDFDict): string {
  return nameText(font.get(PDFName.of('BaseFont'))) ?? '';
}

/** The subset tag `ABCDEF+` of a font name, if it has one. */
export function subsetTag(name: string): string | undefined {
  return /^([A-Z]{6})\+/.exec(name)?.[1];
}

/** The n-th six-letter tag in A..Z order, starting at `GZAAAA` (0). */
export function nthTag(n: number): string {
  let value = n + 6 * 26 ** 5 + 25 * 26 ** 4;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag = String.fromCharCode(65 + (value % 26)) + tag;
    value = Math.floor(value / 26);
  }
  return tag;
}

/** The names of a font that carry its subset tag: BaseFont, the descendant's BaseFont and FontName. */
function taggedNames(pdf: PDFDocument, font: PDFDict): Array<{ dict: PDFDict; key: PDFName }> {
  const names: Array<{ dict: PDFDict; key: PDFName }> = [{ dict: font, key: PDFName.of('BaseFont') }];
  const addDescriptor = (dict: PDFDict) => {
    const descriptor = pdf.context.lookup(dict.get(PDFName.of('FontDescriptor')));
    if (descriptor instanceof PDFDict) names.push({ dict: descriptor, key: PDFName.of('FontName') });
  };
  addDescriptor(font);
  const descendants = pdf.context.lookup(font.get(PDFName.of('DescendantFonts')));
  if (descendants instanceof PDFArray) {
    for (let i = 0; i < descendants.size(); i++) {
      const cid = pdf.context.lookup(descendants.get(i));
      if (cid instanceof PDFDict) {
        names.push({ dict: cid, key: PDFName.of('BaseFont') });
        addDescriptor(cid);
      }
    }
  }
  return names;
}

/**
 * Chromium names its subsets AAAAAA+, BAAAAA+, ... in every print, so pages from two prints carry
 * different subsets under one tag; the PDF standard wants a distinct tag per subset. Later fonts
 * that reuse a tag get a fresh one.
 */
export function uniqueSubsetTags(pdf: PDFDocument): number {
  const owner = new Map<string, PDFRef>();
  const used = new Set<string>();
  const fonts = fontRefs(pdf).map((ref) => ({ ref, dict: pdf.context.lookup(ref) }));
  for (const { dict } of fonts) {
    const tag = dict instanceof PDFDict ? subsetTag(baseFontName(dict)) : undefined;
    if (tag) used.add(tag);
  }
  let counter = 0;
  let renamed = 0;
  for (const { ref, dict } of fonts) {
    if (!(dict instanceof PDFDict)) continue;
    const tag = subsetTag(baseFontName(dict));
    if (!tag) continue;
    if (!owner.has(tag)) {
      owner.set(tag, ref);
      continue;
    }
    let fresh = nthTag(counter++);
    while (used.has(fresh)) fresh = nthTag(counter++);
    used.add(fresh);
    owner.set(fresh, ref);
    for (const { dict: holder, key } of taggedNames(pdf, dict)) {
      const name = nameText(holder.get(key));
      if (name && subsetTag(name) === tag) holder.set(key, PDFName.of(`${fresh}${name.slice(6)}`));
    }
    renamed++;
  }
  return renamed;
}

/** Remembered prints per issue, most recent last; a few issues at most (each holds its raw PDFs). */
export class PrintMemory {
  private readonly prints = new Map<string, RememberedPrint>();
  constructor(private readonly maxIssues = 3) {}

  get(issueId: string): RememberedPrint | undefined {
    return this.prints.get(issueId);
  }

  set(issueId: string, print: RememberedPrint): void {
    this.prints.delete(issueId);
    this.prints.set(issueId, print);
    while (this.prints.size > this.maxIssues) this.prints.delete(this.prints.keys().next().value!);
  }

  forget(issueId: string): void {
    this.prints.delete(issueId);
  }
}
