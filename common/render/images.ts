/**
 * Images of an issue for print and DOCX: which assets it uses and what to say when one is missing from the
 * library. The print page gets every image inline as a data: URL (see toHtml's assetUrl), so the same HTML
 * resolves in the Chromium engine, Electron's app://print, the browser bridge's print frame (another site,
 * which holds no token) and the `--html` export alike; the layout cache key then changes with the image.
 */
import type { BlockElement, IssueTree } from '../model';

export interface ImageUse {
  assetId: string;
  alt?: string;
  documentTitle: string;
}

function* imagesIn(blocks: BlockElement[]): Generator<Extract<BlockElement, { type: 'image' }>> {
  for (const block of blocks) if (block.type === 'image') yield block;
}

/** Every image block of the issue, in reading order. */
export function imageUses(tree: IssueTree): ImageUse[] {
  const uses: ImageUse[] = [];
  for (const section of tree.sections) {
    for (const doc of section.documents) {
      for (const image of imagesIn(doc.content.blocks)) uses.push({ assetId: image.assetId, alt: image.alt, documentTitle: doc.title || section.name });
    }
  }
  return uses;
}

/** The text a missing image prints as (PDF and DOCX alike). */
export function missingImageText(alt?: string): string {
  return `［图片缺失${alt ? '：' + alt : ''}］`;
}

/** One warning per missing image: the document and the image's description, so the editor can find it. */
export function missingImageWarnings(tree: IssueTree, exists: (assetId: string) => boolean): string[] {
  return imageUses(tree)
    .filter((use) => !exists(use.assetId))
    .map((use) => `《${use.documentTitle}》中的图片${use.alt ? `“${use.alt}”` : ''}在资料库中不存在，已印为占位框`);
}

/** A data: URL for image bytes given as base64. */
export function imageDataUrl(mime: string, base64: string): string {
  return `data:${mime};base64,${base64}`;
}
