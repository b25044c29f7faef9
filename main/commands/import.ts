/** `gazette import FILE [--db PATH]`: import an issue and print {"issueId","documents","warnings"}. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportWarning } from '../../common/model/index';
import type { Library } from '../store/index';
import { importDocxCommand } from './importDocx';
import { callChannel, CliError, dbOption, parseCommandArgs, printJson, withLibrary, type CliContext } from './shared';

export const usage = 'import FILE [--db PATH]';

interface ImportSummary {
  issueId: string;
  documents: number;
  warnings: ImportWarning[];
}

/** Text files arrive as UTF-8 (with or without BOM) or, from older Windows machines, GB18030. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

type Importer = (library: Library, file: string) => Promise<ImportSummary>;

const importText: Importer = async (library, file) => {
  const text = decodeText(readFileSync(file));
  if (!text.trim()) throw new CliError(`文件是空的 (empty file): ${file}`);
  return callChannel(library, 'issues.importText', { text, fileName: path.basename(file).slice(0, 200) });
};

const importPackage: Importer = async (library, file) => {
  const result = await callChannel(library, 'issues.importPackage', { pick: true }, { chooseOpenFile: async () => path.resolve(file) });
  if (result.canceled) throw new CliError('未导入 (nothing imported)');
  const { issueId, issueIds } = result;
  const documents = issueIds.reduce((n, id) => n + library.issues.toc(id).length, 0);
  return { issueId, documents, warnings: [] };
};

/** One line per file type; .docx is added by the DOCX import. */
export const importersByExtension: Record<string, Importer> = {
  '.txt': importText,
  '.text': importText,
  '': importText,
  '.gazette': importPackage,
  '.docx': importDocxCommand,
  '.doc': importDocxCommand,
  '.wps': importDocxCommand,
};

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...dbOption });
  if (positionals.length !== 1) throw new CliError(`用法 (usage): gazette ${usage}`, 2);
  const file = positionals[0];
  if (!existsSync(file)) throw new CliError(`找不到文件 (file not found): ${file}`);
  const importer = importersByExtension[path.extname(file).toLowerCase()];
  if (!importer) throw new CliError(`不支持的文件类型 (unsupported file type): ${path.extname(file)}`);
  const summary = await withLibrary(values.db, ctx.env, (library) => importer(library, file));
  printJson(ctx, { issueId: summary.issueId, documents: summary.documents, warnings: summary.warnings });
  return 0;
}
