/**
 * An issue with two images, as the issue 10 acceptance asks: a PNG in the body at 一栏 width and a JPEG that
 * is a whole 附件 by itself (通栏), plus a long paragraph. The images are made with ImageMagick (installed
 * with the test tools), so their pixel sizes are known.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BlockElement, IssueTree } from '../common/model/index';
import type { Library } from '../main/store/index';
import { makeTree } from './store-fixtures';

export const PNG_SIZE = { width: 640, height: 400 };
export const JPEG_SIZE = { width: 900, height: 600 };

/** A PNG and a JPEG of known pixel sizes, written into dir. */
export function makeImages(dir: string): { png: Uint8Array; jpeg: Uint8Array } {
  const png = path.join(dir, 'figure.png');
  const jpeg = path.join(dir, 'photo.jpg');
  execFileSync('convert', ['-size', `${PNG_SIZE.width}x${PNG_SIZE.height}`, 'gradient:#c00000-#0040c0', '-fill', 'white', '-draw', 'rectangle 40,40 200,160', png]);
  execFileSync('convert', ['-size', `${JPEG_SIZE.width}x${JPEG_SIZE.height}`, 'gradient:#e8c000-#008040', '-fill', 'black', '-draw', 'circle 450,300 450,420', '-quality', '90', jpeg]);
  return { png: new Uint8Array(readFileSync(png)), jpeg: new Uint8Array(readFileSync(jpeg)) };
}

/** A paragraph of `length` characters made of one sentence said again and again. */
export function repeatingText(length: number): string {
  const sentence = '全市各有关单位要按照工作方案要求，认真落实各项任务措施，';
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length - 1) + '。';
}

/**
 * The issue: one notice with the PNG (一栏, 199.5 pt) in its body, a long paragraph, and 附件 whose only
 * content is the JPEG (通栏, 420 pt). `longParagraph` characters of repeating text when given.
 */
export function issueWithImages(library: Library, images: { png: Uint8Array; jpeg: Uint8Array }, opts: { longParagraph?: number; missingAssetId?: string } = {}): { issueId: string; tree: IssueTree } {
  const png = library.assets.put(images.png, 'image/png');
  const jpeg = library.assets.put(images.jpeg, 'image/jpeg');
  const tree = makeTree({
    sections: [{ name: '市政府办公室文件', docs: [{ title: '关于印发城市更新项目示意图的通知', docNumber: '格政办发〔2024〕70号', body: ['现将城市更新项目示意图印发给你们。'] }] }],
  });
  const doc = tree.sections[0].documents[0];
  const blocks: BlockElement[] = [
    ...doc.content.blocks,
    { type: 'image', assetId: png.id, width: 199.5, alt: '项目位置示意图', children: [{ text: '' }] },
    { type: 'paragraph', children: [{ text: '示意图之后的正文段落，说明项目范围。' }] },
  ];
  if (opts.longParagraph) blocks.push({ type: 'paragraph', children: [{ text: repeatingText(opts.longParagraph) }] });
  if (opts.missingAssetId) blocks.push({ type: 'image', assetId: opts.missingAssetId, alt: '已删除的附图', children: [{ text: '' }] });
  blocks.push(
    { type: 'signature', children: [{ text: '格尔木市人民政府办公室' }] },
    { type: 'date-line', children: [{ text: '2024年7月20日' }] },
    { type: 'attachment-heading', children: [{ text: '附件' }] },
    { type: 'image', assetId: jpeg.id, width: 420, alt: '项目现场照片', children: [{ text: '' }] },
  );
  doc.content = { ...doc.content, blocks };
  const issueId = library.issues.insertTree(tree);
  return { issueId, tree: library.issues.getTree(issueId) };
}
