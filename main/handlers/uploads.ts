/**
 * Uploaded bytes (the browser bridge and the app's file drop send bytes, never paths) put in a private temp
 * folder for the readers that read files (Word conversion, LibreOffice, packages), removed afterwards. A
 * temp folder that cannot take them (full disk, read-only, no permission) is one sentence, and the library
 * is not touched.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { ioReason } from '../export/outputFile';

function stagingError(error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new AppError('io', `无法把上传的文件放进临时文件夹 ${tmpdir()}：${ioReason(code)}，资料库未改动 (cannot stage the upload)`, { cause: error });
}

/** Write each upload under its local name in a fresh private temp folder, run `fn` on the paths, then remove the folder. */
export async function withUploadedFiles<T>(prefix: string, uploads: Array<{ name: string; bytes: Uint8Array }>, fn: (paths: string[]) => Promise<T> | T): Promise<T> {
  let dir: string;
  try {
    dir = mkdtempSync(path.join(tmpdir(), prefix));
  } catch (error) {
    throw stagingError(error);
  }
  try {
    let paths: string[];
    try {
      paths = uploads.map((upload) => {
        const file = path.join(dir, upload.name);
        writeFileSync(file, upload.bytes);
        return file;
      });
    } catch (error) {
      throw stagingError(error);
    }
    return await fn(paths);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
