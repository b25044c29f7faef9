/**
 * Word import: importDocxFile(path) -> { content, title, warnings } and never throws.
 * The conversion runs in a long-lived worker thread (docxWorkerHost.ts) with resourceLimits and a time limit per job; .doc/.wps go through
 * LibreOffice headless first when it is installed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { normalizeContent, type DocumentContent, type ImportWarning } from '../../common/model';
import { LIMITS, isEncryptedCfb, sniffFormat } from './docxPackage';
import { docxError, type DocxAsset, type DocxDocument, type DocxError, type DocxWorkerReply } from './docxProtocol';
import { DEFAULT_LIMITS, withDocxWorker, type DocxWorkerPool } from './docxWorkerHost';

export type { DocxAsset, DocxDocument, DocxError, DocxErrorCode } from './docxProtocol';

export interface DocxImportResult {
  content: DocumentContent;
  title: string;
  docNumber: string;
  warnings: ImportWarning[];
  /** Images found in the document; content's image blocks refer to them by id. The caller stores them. */
  assets: DocxAsset[];
  /** Why nothing could be imported, a code and one sentence (content is then an empty paragraph). */
  error?: DocxError;
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
  /** The host's worker (DocxWorkerPool), kept between imports; default: one started for this call and stopped after it. */
  worker?: DocxWorkerPool;
}

function failed(error: DocxError, warnings: ImportWarning[] = []): DocxImportResult {
  return {
    content: normalizeContent({ blocks: [] }),
    title: '',
    docNumber: '',
    warnings: [...warnings, { code: 'docx-rejected', message: error.message }],
    assets: [],
    error,
    documents: [],
  };
}

/** Convert bytes in the worker (the host's long-lived one, or one for this call) with limits; resolves with its reply or a one-line reason. */
export function convertInWorker(bytes: Uint8Array, opts: DocxImportOptions = {}): Promise<DocxWorkerReply> {
  const limits = { timeoutMs: opts.timeoutMs ?? DEFAULT_LIMITS.timeoutMs, maxHeapMb: opts.maxHeapMb ?? DEFAULT_LIMITS.maxHeapMb };
  return withDocxWorker(opts.worker, (pool) => pool.convert(bytes, limits));
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
    if (!info.isFile()) return failed(docxError('not-a-file', '不是文件'));
    if (info.size === 0) return failed(docxError('empty-file', '文件是空的'));
    if (info.size > LIMITS.maxFileBytes) return failed(docxError('too-large', `文件过大（${Math.round(info.size / 1048576)} MB，上限 ${LIMITS.maxFileBytes / 1048576} MB）`));
    let bytes: Uint8Array = new Uint8Array(await readFile(path));
    const warnings: ImportWarning[] = [];
    const format = sniffFormat(bytes);
    const legacy = format === 'cfb' || /\.(doc|wps|rtf|odt)$/i.test(path);
    if (legacy && format !== 'zip') {
      if (format === 'cfb' && isEncryptedCfb(bytes)) return failed(docxError('docx-encrypted', '文件已加密（受密码保护）：请在 Word/WPS 中取消密码后另存为 .docx 再导入'));
      const soffice = findSoffice(opts.soffice);
      if (!soffice) {
        return failed(docxError('docx-legacy', '这是旧版 Word/WPS 文件（.doc/.wps）：请在 Word 或 WPS 中“另存为 .docx”后导入，或安装 LibreOffice 后重试'));
      }
      try {
        bytes = await convertWithLibreOffice(path, soffice);
        warnings.push({ code: 'docx-converted', message: '已用 LibreOffice 将旧版文件转换为 .docx 后导入' });
      } catch (error) {
        return failed(docxError('docx-libreoffice', `LibreOffice 转换失败：${String((error as Error).message ?? error).split('\n')[0].slice(0, 100)}`));
      }
    }
    const reply = await convertInWorker(bytes, opts);
    if (!reply.ok || !reply.content) return failed(reply.error ?? docxError('docx-unreadable', '无法读取 Word 文档'), [...warnings, ...(reply.warnings ?? [])]);
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
    return failed(docxError('unreadable', `无法读取文件：${String((error as Error)?.message ?? error).split('\n')[0].slice(0, 120)}`));
  }
}
