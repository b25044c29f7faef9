/**
 * One export path (issue 10.1, 10.2; issue 12.2): an issue with a PNG and a JPEG (the JPEG a picture-only
 * 附件) and a 12,000-character paragraph of repeating text, exported through the app's contract (as the
 * browser bridge calls it: no save dialog, so into exports/) and through `gazette export --pdf --docx` in its
 * own process. Both PDFs hold both images at their pixel size and the same text; both DOCX files hold both
 * images under word/media and the same parts. Exports never replace an earlier file; downloads and
 * "show in folder" go by export id; a missing image prints as a placeholder with a warning.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostServices, handlerServices } from '../main/hostServices';
import type { ExportHost } from '../main/handlers/export';
import { handleCall, type HandlerDeps } from '../main/handlers/index';
import { openLibrary, type Library } from '../main/store/index';
import { partText, unzipDocx } from './docx-helpers';
import { JPEG_SIZE, PNG_SIZE, issueWithImages, makeImages, repeatingText } from './export-images-fixture';
import { tempDir } from './store-fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');
const { dir, cleanup } = tempDir('gazette-export-paths-');
const db = path.join(dir, 'library.sqlite');
const LONG = 12_000;

let library: Library;
let issueId: string;
let images: { png: Uint8Array; jpeg: Uint8Array };

// The app's host keeps its services (one Chromium, the layout caches, the files it wrote) for its life, as here.
const services = createHostServices();
const exportHost: ExportHost & Partial<HandlerDeps> = handlerServices(services);

async function call<T>(channel: string, payload: unknown, deps: Partial<HandlerDeps> & Record<string, unknown> = {}): Promise<T> {
  const result = await handleCall(channel, payload, { deps: { library, ...exportHost, ...deps } });
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

interface SavedFile {
  canceled: false;
  exportId: string;
  fileName: string;
  path: string;
  warnings: string[];
}

/** `pdfimages -list`: the pixel size and encoding of every image in a PDF. */
function pdfImages(file: string): Array<{ page: number; width: number; height: number; enc: string; ppi: number }> {
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => line.trim().split(/\s+/))
    .map((f) => ({ page: Number(f[0]), width: Number(f[3]), height: Number(f[4]), enc: f[8], ppi: Number(f[12]) }));
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const squeeze = (text: string) => text.replace(/\s+/g, '');
/** The text in drawing order (column by column) without running heads and folios, so a paragraph reads whole. */
const flowText = (file: string) =>
  squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', '-raw', file, '-'], { encoding: 'utf8' }))
    .replace(/—\d+—/g, '')
    .replaceAll('格尔木市人民政府政务公开信息2024年第6期', '')
    .replaceAll('市政府办公室文件', '');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Media of a DOCX by content (file names are the package's choice). */
function docxMedia(file: string): string[] {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.entries(files)
    .filter(([name]) => name.startsWith('word/media/'))
    .map(([, bytes]) => sha(bytes))
    .sort();
}

/** A DOCX's parts with the ids the package numbers itself (relationship, drawing ids) taken out. */
function docxParts(file: string): Record<string, string> {
  const parts = unzipDocx(new Uint8Array(readFileSync(file)));
  const out: Record<string, string> = {};
  for (const [name, xml] of Object.entries(parts)) {
    if (name === 'docProps/core.xml') continue; // creation time
    out[name] = xml.replace(/\b(r:embed|r:id|Id|id|name)="[^"]*"/g, '$1=""').replace(/word\/media\/[^"]+|media\/[^"]+/g, 'media');
  }
  return out;
}

beforeAll(() => {
  library = openLibrary(db);
  images = makeImages(dir);
  issueId = issueWithImages(library, images, { longParagraph: LONG }).issueId;
});

afterAll(async () => {
  await services.stop();
  library?.close();
  cleanup();
});

describe('one export path: the contract and the CLI', () => {
  let app: { pdf: SavedFile & { pages: number }; docx: SavedFile & { bytes: number } };
  const cli = { pdf: path.join(dir, 'cli', 'issue.pdf'), docx: path.join(dir, 'cli', 'issue.docx') };

  it('exports PDF and DOCX through the contract into exports/ beside the library', async () => {
    const pdf = await call<SavedFile & { pages: number }>('export.pdf', { issueId });
    const docx = await call<SavedFile & { bytes: number }>('export.docx', { issueId });
    app = { pdf, docx };
    expect(path.dirname(pdf.path)).toBe(path.join(dir, 'exports'));
    expect(pdf.fileName).toBe('格尔木市人民政府政务公开信息-2024年第6期.pdf');
    expect(docx.fileName).toBe('格尔木市人民政府政务公开信息-2024年第6期.docx');
    expect(pdf.warnings).toEqual([]);
    expect(docx.warnings).toEqual([]);
  }, 600_000);

  it('exports the same issue with `gazette export --pdf --docx` in its own process', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'gazette.mjs'), 'export', '--db', db, '--issue', issueId, '--pdf', cli.pdf, '--docx', cli.docx], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    const summary = JSON.parse(out) as { pdf: string; docx: string; pages: number };
    expect(summary.pdf).toBe(cli.pdf);
    expect(summary.docx).toBe(cli.docx);
    expect(summary.pages).toBe(app.pdf.pages);
  }, 620_000);

  it('both PDFs hold both images at their pixel size (the JPEG stays a JPEG) and the whole text', () => {
    for (const file of [app.pdf.path, cli.pdf]) {
      const found = pdfImages(file);
      expect(found.map(({ width, height }) => ({ width, height })), file).toEqual([PNG_SIZE, JPEG_SIZE]);
      expect(found[1].enc).toBe('jpeg');
      // Printed at the chosen widths with every pixel kept: 640 px over 一栏 199.5 pt, 900 px over 通栏 420 pt.
      expect(found.map((f) => f.ppi)).toEqual([Math.round(PNG_SIZE.width / (199.5 / 72)), Math.round(JPEG_SIZE.width / (420 / 72))]);
      // The picture-only 附件 is the last page, with its picture.
      expect(found[1].page).toBe(app.pdf.pages);
      // Not toContain: a failure would print 12,000 characters twice.
      expect(flowText(file).includes(repeatingText(LONG)), 'the long paragraph is complete').toBe(true);
    }
    expect(pdfText(cli.pdf)).toBe(pdfText(app.pdf.path));
  });

  it('both DOCX files hold both images under word/media, and the same parts', () => {
    const expected = [sha(images.png), sha(images.jpeg)].sort();
    expect(docxMedia(app.docx.path)).toEqual(expected);
    expect(docxMedia(cli.docx)).toEqual(expected);
    const [a, b] = [docxParts(app.docx.path), docxParts(cli.docx)];
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) expect(b[name], name).toBe(a[name]);
    const document = unzipDocx(new Uint8Array(readFileSync(app.docx.path)))['word/document.xml'];
    expect(document.match(/<w:drawing>/g)?.length).toBe(2);
    expect(partText(document)).not.toContain('［图片');
    // Same width as the print page: 一栏 199.5 pt and 通栏 420 pt, in EMU (12,700 per pt; rounded via 96 dpi px).
    const widths = [...document.matchAll(/<wp:extent cx="(\d+)"/g)].map((m) => Math.round(Number(m[1]) / 12700));
    expect(widths).toEqual([200, 420]);
  });

  it('never replaces an earlier export: the next one gets -2', async () => {
    const before = statSync(app.pdf.path).mtimeMs;
    const again = await call<SavedFile>('export.pdf', { issueId });
    expect(again.fileName).toBe('格尔木市人民政府政务公开信息-2024年第6期-2.pdf');
    expect(statSync(app.pdf.path).mtimeMs).toBe(before);
    const pkg1 = await call<SavedFile>('issues.exportPackage', { issueId });
    const pkg2 = await call<SavedFile>('issues.exportPackage', { issueId });
    expect([pkg1.fileName, pkg2.fileName]).toEqual(['2024-6.gazette', '2024-6-2.gazette']);
    expect(readdirSync(path.join(dir, 'exports')).filter((f) => f.endsWith('.tmp') || f.includes('.tmp-'))).toEqual([]);
  }, 600_000);

  it('hands exported files back by id: download bytes, show in folder; never by path', async () => {
    const download = await call<{ fileName: string; mime: string; dataBase64: string }>('export.download', { exportId: app.docx.exportId });
    expect(download.fileName).toBe(app.docx.fileName);
    expect(download.mime).toMatch(/wordprocessingml/);
    expect(sha(Buffer.from(download.dataBase64, 'base64'))).toBe(sha(readFileSync(app.docx.path)));
    const shown: string[] = [];
    const revealFile = (file: string) => shown.push(file);
    expect(await call('shell.reveal', { exportId: app.pdf.exportId }, { revealFile })).toEqual({ shown: true });
    expect(shown).toEqual([app.pdf.path]);
    expect(await call('shell.reveal', { exportId: 'not-an-export' }, { revealFile })).toEqual({ shown: false });
    const refused = await handleCall('export.download', { exportId: 'not-an-export' }, { deps: { library } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Another host (or a caller without one) does not know this host's files.
    const other = createHostServices();
    for (const deps of [{ library, ...handlerServices(other) }, { library }]) {
      expect(await handleCall('export.download', { exportId: app.docx.exportId }, { deps })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    await other.stop();
  });

  it('a stopped host forgets the files it wrote (the files stay)', async () => {
    const host = createHostServices();
    const deps = { library, ...handlerServices(host) };
    const saved = await call<SavedFile>('export.docx', { issueId }, handlerServices(host));
    expect(await handleCall('export.download', { exportId: saved.exportId }, { deps })).toMatchObject({ ok: true });
    await host.stop();
    expect(host.userFiles.size).toBe(0);
    expect(await handleCall('export.download', { exportId: saved.exportId }, { deps })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(existsSync(saved.path)).toBe(true);
  });

  it('writes where the host chooses (a save dialog) and writes nothing when the dialog is closed', async () => {
    const chosen = path.join(dir, 'chosen', 'mine.docx');
    const saved = await call<SavedFile>('export.docx', { issueId }, { chooseSaveFile: async () => chosen });
    expect(saved.path).toBe(chosen);
    expect(existsSync(chosen)).toBe(true);
    const count = readdirSync(path.join(dir, 'exports')).length;
    expect(await call('export.docx', { issueId }, { chooseSaveFile: async () => null })).toEqual({ canceled: true });
    expect(await call('issues.exportPackage', { issueId }, { chooseSaveFile: async () => null })).toEqual({ canceled: true });
    expect(readdirSync(path.join(dir, 'exports')).length).toBe(count);
  });

  it('imports a package the host picked (open dialog), and refuses to pick where there is no picker', async () => {
    const pkg = await call<SavedFile>('issues.exportPackage', { issueId });
    const before = library.issues.list().length;
    const imported = await call<{ canceled: false; issueId: string }>('issues.importPackage', { pick: true }, { chooseOpenFile: async () => pkg.path });
    expect(imported.canceled).toBe(false);
    expect(library.issues.list().length).toBe(before + 1);
    expect(await call('issues.importPackage', { pick: true }, { chooseOpenFile: async () => null })).toEqual({ canceled: true });
    const noPicker = await handleCall('issues.importPackage', { pick: true }, { deps: { library } });
    expect(noPicker).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(library.issues.list().length).toBe(before + 1);
  });
});

describe('a missing image', () => {
  it('prints a visible placeholder and a warning in PDF and DOCX; the export goes on', async () => {
    const other = issueWithImages(library, images, { missingAssetId: 'deleted-asset' }).issueId;
    const pdf = await call<SavedFile>('export.pdf', { issueId: other });
    const docx = await call<SavedFile>('export.docx', { issueId: other });
    for (const saved of [pdf, docx]) {
      expect(saved.warnings).toHaveLength(1);
      expect(saved.warnings[0]).toContain('已删除的附图');
    }
    expect(squeeze(pdfText(pdf.path))).toContain('［图片缺失：已删除的附图］');
    expect(pdfImages(pdf.path)).toHaveLength(2);
    expect(partText(unzipDocx(new Uint8Array(readFileSync(docx.path)))['word/document.xml'])).toContain('［图片缺失：已删除的附图］');
  }, 600_000);
});
