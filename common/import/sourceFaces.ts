/**
 * Deliberate faces of the source (a phrase in 楷体 or 黑体 inside body text: a 牵头单位 note in 楷体, a lead-in a
 * web page set in 楷体) put back on the recognised blocks. The recogniser reads lines of plain text, so it
 * cannot carry run fonts; the HTML and Word readers list each such run (after dropping the source's body font,
 * cleanWordHtml.dropBodyFaces), and the runs are found again, in order, in the text of the blocks.
 *
 * Only body text takes a face: paragraphs, chronicle entries, table cells and the run-on text of a heading.
 * Titles, 文号, 署名, dates and headings of their own print in the faces the journal's format gives them, and
 * a leaf that already has a face (a 楷体 lead-in, a 黑体 第X条) keeps it.
 */
import type { BlockElement, DocumentContent, Face, TextLeaf } from '../model';
import { normalizeContent } from '../model';

export interface SourceFace {
  text: string;
  face: Face;
}

/** How many blocks ahead a run is looked for: a run whose text the recogniser changed is skipped, not sought to the end. */
const SEARCH_SLOTS = 400;

interface Slot {
  leaves: TextLeaf[];
  /** Whether a leaf of this list may take a face (a heading's lead-in may not). */
  eligible: (leaf: TextLeaf) => boolean;
}

function slotsOf(block: BlockElement, out: Slot[]): void {
  const bodyLeaf = (l: TextLeaf) => !l.face && !l.leadIn;
  if (block.type === 'paragraph' || block.type === 'chronicle-entry') out.push({ leaves: block.children, eligible: bodyLeaf });
  // A heading of its own prints in its level's face; one that runs on keeps faces in its run-on text.
  else if (block.type === 'heading' && block.children.some((l) => l.leadIn)) out.push({ leaves: block.children, eligible: bodyLeaf });
  else if (block.type === 'table') {
    for (const row of block.children) for (const cell of row.children) for (const p of cell.children) if (p.type === 'paragraph') slotsOf(p, out);
  }
}

/** Set `face` on the part [from, to) of the slot's text, splitting leaves; false when a leaf there may not take it. */
function markRange(slot: Slot, from: number, to: number, face: Face): boolean {
  let at = 0;
  const touched: number[] = [];
  slot.leaves.forEach((leaf, i) => {
    const end = at + leaf.text.length;
    if (end > from && at < to) touched.push(i);
    at = end;
  });
  if (touched.length === 0 || touched.some((i) => !slot.eligible(slot.leaves[i]))) return false;
  const result: TextLeaf[] = [];
  at = 0;
  slot.leaves.forEach((leaf, i) => {
    const start = at;
    at += leaf.text.length;
    if (!touched.includes(i)) {
      result.push(leaf);
      return;
    }
    const a = Math.max(from, start) - start;
    const b = Math.min(to, at) - start;
    if (a > 0) result.push({ ...leaf, text: leaf.text.slice(0, a) });
    result.push({ ...leaf, text: leaf.text.slice(a, b), face });
    if (b < leaf.text.length) result.push({ ...leaf, text: leaf.text.slice(b) });
  });
  slot.leaves.splice(0, slot.leaves.length, ...result);
  return true;
}

/**
 * Put the source's face runs back on the documents' blocks (in the documents' order). A run is looked for
 * from where the previous one was found, so a phrase that occurs twice takes its face where the source had it;
 * a run not found (its text was changed by the recogniser) is skipped. Returns the contents, normalised.
 */
export function applySourceFaces(contents: DocumentContent[], faces: SourceFace[]): DocumentContent[] {
  const runs = faces.map((f) => ({ text: f.text.trim(), face: f.face })).filter((f) => f.text.replace(/\s/g, '').length >= 2);
  if (runs.length === 0) return contents;
  const slots: Slot[] = [];
  const perContent = contents.map((content) => {
    const blocks = structuredClone(content.blocks);
    for (const block of blocks) slotsOf(block, slots);
    return { content, blocks };
  });
  // Marking splits leaves but never changes a slot's text.
  const texts = slots.map((s) => s.leaves.map((l) => l.text).join(''));
  let slot = 0;
  let offset = 0;
  for (const run of runs) {
    for (let s = slot; s < Math.min(slots.length, slot + SEARCH_SLOTS); s++) {
      const found = texts[s].indexOf(run.text, s === slot ? offset : 0);
      if (found < 0) continue;
      if (markRange(slots[s], found, found + run.text.length, run.face)) {
        slot = s;
        offset = found + run.text.length;
      }
      break;
    }
  }
  return perContent.map(({ content, blocks }) => normalizeContent({ ...content, blocks }));
}
