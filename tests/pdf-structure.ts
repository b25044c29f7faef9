/**
 * Reading a tagged PDF as a screen reader does, with pdf.js: the structure tree of a page (roles, alt
 * text) and its content in tree order, each piece with the text it marks and where that text sits.
 */
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface StructNode {
  role: string;
  alt?: string;
  children: StructNode[];
  /** Marked-content id, for content leaves. */
  id?: string;
}

export interface MarkedRun {
  /** Role of the structure element the content belongs to (nearest non-NonStruct/Span ancestor). */
  role: string;
  text: string;
  /** Left and right edge (pt) of the run's text on the page. */
  x0: number;
  x1: number;
  /** Lowest and highest baseline (pt from the bottom of the page). */
  yLow: number;
  yHigh: number;
  /** Some of the text is turned (a rotated table). */
  rotated: boolean;
  /** Inside a Table structure element. */
  inTable: boolean;
  /** Index (in tree order) of the structure element the run belongs to: runs of one element share it. */
  element: number;
}

export interface PageStructure {
  tree: StructNode;
  /** Tagged content in structure-tree (reading) order. */
  runs: MarkedRun[];
  /** Text painted inside /Artifact marked content. */
  artifacts: string[];
  /** Text painted outside any marked content (neither tagged nor artifact). */
  untagged: string[];
}

export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
}

interface TextItemLike {
  str?: string;
  type?: string;
  id?: string | null;
  tag?: string;
  transform?: number[];
  width?: number;
}

const WRAPPERS = new Set(['NonStruct', 'Span', 'Div', 'Part', 'Sect', 'Art', 'Document']);

export async function pageStructure(pdf: PDFDocumentProxy, pageNumber: number): Promise<PageStructure> {
  const page = await pdf.getPage(pageNumber);
  const tree = (await page.getStructTree()) as unknown as StructNode;
  const content = await page.getTextContent({ includeMarkedContent: true });
  const byId = new Map<string, { text: string; x0: number; x1: number; yLow: number; yHigh: number; rotated: boolean }>();
  const artifacts: string[] = [];
  const untagged: string[] = [];
  // Stack of open marked-content sequences: the id of a tagged one, 'artifact', or '' for an inner span.
  const stack: string[] = [];
  for (const raw of content.items as TextItemLike[]) {
    if (raw.type === 'beginMarkedContentProps' || raw.type === 'beginMarkedContent') {
      stack.push(raw.tag === 'Artifact' ? 'artifact' : (raw.id ?? ''));
      continue;
    }
    if (raw.type === 'endMarkedContent') {
      stack.pop();
      continue;
    }
    if (raw.str === undefined || raw.str.trim() === '') continue;
    const owner = [...stack].reverse().find((s) => s !== '');
    if (owner === undefined) untagged.push(raw.str);
    else if (owner === 'artifact') artifacts.push(raw.str);
    else {
      const [a = 1, b = 0, , , x = 0, y = 0] = raw.transform ?? [];
      const entry = byId.get(owner) ?? { text: '', x0: Infinity, x1: -Infinity, yLow: Infinity, yHigh: -Infinity, rotated: false };
      entry.text += raw.str;
      entry.x0 = Math.min(entry.x0, x);
      entry.x1 = Math.max(entry.x1, x + (raw.width ?? 0));
      entry.yLow = Math.min(entry.yLow, y);
      entry.yHigh = Math.max(entry.yHigh, y);
      entry.rotated ||= Math.abs(b) > 1e-3 || a < 0;
      byId.set(owner, entry);
    }
  }
  const runs: MarkedRun[] = [];
  let elements = 0;
  const walk = (node: StructNode, role: string, element: number, inTable: boolean) => {
    if (node.id !== undefined && (node as { type?: string }).type === 'content') {
      const found = byId.get(node.id);
      if (found) runs.push({ role, inTable, element, ...found });
      return;
    }
    const isElement = !!node.role && !WRAPPERS.has(node.role);
    const own = isElement ? node.role : role;
    const ownElement = isElement ? ++elements : element;
    for (const child of node.children ?? []) walk(child, own, ownElement, inTable || node.role === 'Table');
  };
  walk(tree, 'Document', 0, false);
  return { tree, runs, artifacts, untagged };
}

/**
 * The runs of each structure element merged into one, in reading order: Chromium marks a title set with
 * <wbr> between its words as one content run per word, yet the title is one element set across both
 * columns, and which column an element sits in is a question about the whole element.
 */
export function elementRuns(runs: MarkedRun[]): MarkedRun[] {
  const merged: MarkedRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && last.element === run.element) {
      merged[merged.length - 1] = {
        ...last,
        text: last.text + run.text,
        x0: Math.min(last.x0, run.x0),
        x1: Math.max(last.x1, run.x1),
        yLow: Math.min(last.yLow, run.yLow),
        yHigh: Math.max(last.yHigh, run.yHigh),
        rotated: last.rotated || run.rotated,
      };
    } else merged.push({ ...run });
  }
  return merged;
}

/**
 * Places where a reader would be sent back up into column 1 after reading column 2 of the same band of
 * text: a run wholly in column 1 that comes after a run wholly in column 2 in reading order, yet sits
 * higher on the page. Spanning blocks (titles, full-width text), tables and turned text are left out.
 */
export function columnOrderErrors(runs: MarkedRun[], pageWidth: number): string[] {
  const middle = pageWidth / 2;
  const column = (r: MarkedRun) => (r.rotated || r.inTable ? 0 : r.x1 < middle - 4 ? 1 : r.x0 > middle + 4 ? 2 : 0);
  const errors: string[] = [];
  runs.forEach((a, i) => {
    if (column(a) !== 2) return;
    for (const b of runs.slice(i + 1)) {
      if (column(b) === 1 && b.yHigh > a.yLow + 1) errors.push(`「${b.text.slice(0, 12)}」(column 1) is read after 「${a.text.slice(0, 12)}」(column 2)`);
    }
  });
  return errors;
}

/** Every structure node of a tree, depth first (reading order). */
export function structNodes(node: StructNode): StructNode[] {
  return [node, ...(node.children ?? []).flatMap(structNodes)];
}
