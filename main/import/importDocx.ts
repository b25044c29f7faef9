/**
 * Word import: importDocxFile(path) -> { content, title, warnings } and never throws.
 * The conversion runs in a worker thread with resourceLimits and a time limit; .doc/.wps go through
 * LibreOffice headless first when it is installed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { normalizeContent, type DocumentContent, type ImportWarning } from '../../common/model';
import { LIMITS, isEncryptedCfb, sniffFormat } from './docxPackage';
import type { DocxAsset, DocxDocument, DocxWorkerReply } from './docxProtocol';

export type { DocxAsset, DocxDocument } from './docxProtocol';

export interface DocxImportResult {
  content: DocumentContent;
  title: string;
  docNumber: string;
  warnings: ImportWarning[];
  /** Images found in the document; content's image blocks refer to them by id. The caller stores them. */
  assets: DocxAsset[];
  /** One-line reason when nothing could be imported (content is then an empty paragraph). */
  error?: string;
  /** Every document found (a whole issue in one file splits); one entry equal to content for a single document. */
  documents: DocxDocument[];
}

export interface DocxImportOptions {
  /** Give up after this long (default 20 s). */
  timeoutMs?: number;
  /** Heap limit for the worker in MB (default 768). */
  maxHeapMb?: number;
  /** Path of soffice for .doc/.wps; default: GAZETTE_SOFFICE or soffice/libreoffice on PATH. */
  soffice?: string | null;
}

function failed(error: string, warnings: ImportWarning[] = []): DocxImportResult {
  return {
    content: normalizeContent({ blocks: [] }),
    title: '',
    docNumber: '',
    warnings: [...warnings, { code: 'docx-rejected', message: error }],
    assets: [],
    error,
    documents: [],
  };
}

/** Where the worker's code is: a built sibling (.js/.cjs/.mjs) or the TypeScript source run through tsx. */
function workerEntry(): { file: string; execArgv: string[] } {
  const override = process.env.GAZETTE_DOCX_WORKER;
  if (override) return { file: override, execArgv: [] };
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const dir = dirname(here);
  for (const name of ['docxWorker.cjs', 'docxWorker.js', 'docxWorker.mjs']) {
    if (existsSync(join(dir, name))) return { file: join(dir, name), execArgv: [] };
  }
  return { file: join(dir, 'docxWorkerDev.mjs'), execArgv: [] };
}

/** Convert bytes in a worker with limits; resolves with the worker's reply or a one-line reason. */
export function convertInWorker(bytes: Uint8Array, opts: DocxImportOptions = {}): Promise<DocxWorkerReply> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (reply: DocxWorkerReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(reply);
    };
    const entry = workerEntry();
    const worker = new Worker(entry.file, {
      execArgv: entry.execArgv,
      workerData: { gazetteDocxWorker: true },
      resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb ?? 768, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => finish({ ok: false, error: `处理超时（超过 ${Math.round(timeoutMs / 1000)} 秒），已停止` }), timeoutMs);
    worker.once('message', (reply: DocxWorkerReply) => finish(reply));
    worker.once('error', (error: Error & { code?: string }) =>
      finish({
        ok: false,
        error: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? '文档过于复杂，超出内存上限，已停止' : `无法读取 Word 文档：${String(error.message).split('\n')[0].slice(0, 120)}`,
      }),
    );
    worker.once('exit', (code) => finish({ ok: false, error: `转换进程意外退出（${code}）` }));
    const copy = bytes.slice();
    worker.postMessage({ bytes: copy }, [copy.buffer as ArrayBuffer]);
  });
}

export function findSoffice(explicit?: string | null): string | undefined {
  if (explicit === null) return undefined;
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  if (process.env.GAZETTE_SOFFICE && existsSync(process.env.GAZETTE_SOFFICE)) return process.env.GAZETTE_SOFFICE;
  const names = process.platform === 'win32' ? ['soffice.exe'] : ['soffice', 'libreoffice'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  const windowsDefault = 'C:\\Program Files\\LibreOffice\\program\\soffice.exe';
  return process.platform === 'win32' && existsSync(windowsDefault) ? windowsDefault : undefined;
}

/** Convert a legacy .doc/.wps (or any office file) to .docx with LibreOffice headless in a temp dir. */
export async function convertWithLibreOffice(file: string, soffice: string, timeoutMs = 60_000): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'gazette-lo-'));
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=file://${join(dir, 'profile').replace(/\\/g, '/')}`, '--headless', '--convert-to', 'docx', '--outdir', dir, file],
        { timeout: timeoutMs, windowsHide: true },
        (error) => (error ? reject(error as Error) : resolve()),
      );
    });
    const out = join(dir, basename(file, extname(file)) + '.docx');
    if (!existsSync(out)) throw new Error('LibreOffice 无法打开此文件（可能已损坏或不是 Word/WPS 文件）');
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Import one .docx (or .doc/.wps via LibreOffice) file as a document. Never throws. */
export async function importDocxFile(path: string, opts: DocxImportOptions = {}): Promise<DocxImportResult> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return failed('不是文件');
    if (info.size === 0) return failed('文件是空的');
    if (info.size > LIMITS.maxFileBytes) return failed(`文件过大（${Math.round(info.size / 1048576)} MB，上限 ${LIMITS.maxFileBytes / 1048576} MB）`);
    let bytes: Uint8Array = new Uint8Array(await readFile(path));
    const warnings: ImportWarning[] = [];
    const format = sniffFormat(bytes);
    const legacy = format === 'cfb' || /\.(doc|wps|rtf|odt)$/i.test(path);
    if (legacy && format !== 'zip') {
      if (format === 'cfb' && isEncryptedCfb(bytes)) return failed('文件已加密（受密码保护）：请在 Word/WPS 中取消密码后另存为 .docx 再导入');
      const soffice = findSoffice(opts.soffice);
      if (!soffice) {
        return failed('这是旧版 Word/WPS 文件（.doc/.wps）：请在 Word 或 WPS 中“另存为 .docx”后导入，或安装 LibreOffice 后重试');
      }
      try {
        bytes = await convertWithLibreOffice(path, soffice);
        warnings.push({ code: 'docx-converted', message: '已用 LibreOffice 将旧版文件转换为 .docx 后导入' });
      } catch (error) {
        return failed(`LibreOffice 转换失败：${String((error as Error).message ?? error).split('\n')[0].slice(0, 100)}`);
      }
    }
    const reply = await convertInWorker(bytes, opts);
    if (!reply.ok || !reply.content) return failed(reply.error ?? '无法读取 Word 文档', [...warnings, ...(reply.warnings ?? [])]);
    const content = normalizeContent(reply.content);
    const title = reply.title ?? '';
    const docNumber = reply.docNumber ?? '';
    return {
      content,
      title,
      docNumber,
      warnings: [...warnings, ...(reply.warnings ?? [])],
      assets: reply.assets ?? [],
      documents: reply.documents?.length ? reply.documents.map((d) => ({ ...d, content: normalizeContent(d.content) })) : [{ section: '', content, title, docNumber }],
    };
  } catch (error) {
    return failed(`无法读取文件：${String((error as Error)?.message ?? error).split('\n')[0].slice(0, 120)}`);
  }
}
