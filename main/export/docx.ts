/** DOCX export I/O: build with the pure toDocx and write the file atomically (temp file + rename). */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { IssueTree } from '../../common/model';
import { toDocx, type ToDocxOptions } from '../../common/render/toDocx';

export interface DocxExportResult {
  docxPath: string;
  bytes: number;
  notes: string[];
}

export async function exportIssueDocx(tree: IssueTree, file: string, opts: ToDocxOptions = {}): Promise<DocxExportResult> {
  const { bytes, notes } = await toDocx(tree, opts);
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, file);
  return { docxPath: file, bytes: bytes.length, notes };
}
