/**
 * A picture larger than the type area prints smaller (the print page's fit-figures stage), and the user is
 * told: the export's warnings (the app's export dialog, the contract's `warnings`) and the CLI's output name
 * the document and the picture and how small it prints. The missing-image placeholder warning comes along.
 * The percent in the warning is checked against the picture's size in the PDF itself (pdfimages' ppi).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BlockElement } from '../common/model/index';
import { createHostServices, handlerServices } from '../main/hostServices';
import { handleCall, type HandlerDeps } from '../main/handlers/index';
import { openLibrary, type Library } from '../main/store/index';
import { makeTree, tempDir } from './store-fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');
const { dir, cleanup } = tempDir('gazette-figure-warnings-');
const db = path.join(dir, 'library.sqlite');
const TITLE = '关于印发城市规划总图的通知';
/** 600 × 1600 px asked at 420 pt wide: 1120 pt tall, so printed 640 pt tall and 240 pt wide (57 %). */
const SCALED = `《${TITLE}》中的图片“x.png”超出版心，已缩小到 57% 印出`;
const MISSING = `《${TITLE}》中的图片“已删除的附图”在资料库中不存在，已印为占位框`;

let library: Library;
let issueId: string;
const services = createHostServices();

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await handleCall(channel, payload, { deps: { library, ...handlerServices(services) } as HandlerDeps });
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** `pdfimages -list`: pixel size and resolution of every picture. */
function pdfImages(file: string): Array<{ width: number; height: number; xPpi: number; yPpi: number }> {
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => line.trim().split(/\s+/))
    .map((f) => ({ width: Number(f[3]), height: Number(f[4]), xPpi: Number(f[12]), yPpi: Number(f[13]) }));
}

beforeAll(() => {
  library = openLibrary(db);
  const file = path.join(dir, 'x.png');
  execFileSync('convert', ['-size', '600x1600', 'gradient:#c00000-#0040c0', file]);
  const tall = library.assets.put(new Uint8Array(readFileSync(file)), 'image/png');
  const tree = makeTree({ sections: [{ name: '市政府办公室文件', docs: [{ title: TITLE, docNumber: '格政办发〔2024〕72号', body: ['现将城市规划总图印发给你们。'] }] }] });
  const doc = tree.sections[0].documents[0];
  const blocks: BlockElement[] = [
    ...doc.content.blocks,
    { type: 'image', assetId: tall.id, width: 420, alt: 'x.png', children: [{ text: '' }] },
    { type: 'paragraph', children: [{ text: '总图之后的正文段落。' }] },
    { type: 'image', assetId: 'deleted-asset', alt: '已删除的附图', children: [{ text: '' }] },
  ];
  doc.content = { ...doc.content, blocks };
  issueId = library.issues.insertTree(tree);
});

afterAll(async () => {
  await services.stop();
  library?.close();
  cleanup();
});

it('the contract warns of a picture scaled down to fit, naming the document and the picture (PDF and DOCX)', async () => {
  const pdf = await call<{ path: string; warnings: string[] }>('export.pdf', { issueId });
  expect(pdf.warnings).toEqual([MISSING, SCALED]);
  // What the warning says is what printed: 600 px across 240 pt (57 % of 420) is 180 ppi, both ways.
  expect(pdfImages(pdf.path)).toEqual([{ width: 600, height: 1600, xPpi: 180, yPpi: 180 }]);
  const docx = await call<{ warnings: string[] }>('export.docx', { issueId });
  expect(docx.warnings).toEqual([MISSING, SCALED]);
}, 600_000);

it('`gazette export` prints the same warnings and lists them in its JSON', () => {
  const out = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'gazette.mjs'), 'export', '--db', db, '--issue', issueId, '--pdf', path.join(dir, 'cli.pdf')], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  expect(out.status, out.stderr).toBe(0);
  expect(out.stderr).toContain(`警告 (warning): ${SCALED}`);
  expect(out.stderr).toContain(`警告 (warning): ${MISSING}`);
  expect((JSON.parse(out.stdout) as { warnings: string[] }).warnings).toEqual([MISSING, SCALED]);
}, 620_000);
