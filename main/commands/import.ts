/**
 * `gazette import FILE [--db PATH]`: import an issue and print {"issueId","documents","warnings"}.
 * `gazette import FILE... [--db PATH] [--issue ID] [--section NAME]`: add the documents of every file, in order,
 * to an existing issue (or, for several files, a new one) and print {"issueId","documents":[{id,title,docNumber,
 * section,warnings,…}]}. A file that cannot be read leaves the library untouched and exits 1 with one sentence.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportWarning } from '../../common/model/index';
import { decodeFileBytes } from '../../common/import/decode';
import type { Library } from '../store/index';
import { importFilesIntoLibrary } from '../import/importFiles';
import { importDocxCommand } from './importDocx';
import { callChannel, CliError, dbOption, parseCommandArgs, printJson, withLibrary, type CliContext } from './shared';

export const usage = 'import FILE... [--db PATH] [--issue ID] [--section NAME]';

interface ImportSummary {
  issueId: string;
  documents: number;
  warnings: ImportWarning[];
}

type Importer = (library: Library, file: string, ctx: CliContext) => Promise<ImportSummary>;

const importText: Importer = async (library, file, ctx) => {
  const decoded = decodeFileBytes(new Uint8Array(readFileSync(file)));
  if (!decoded.ok) throw new CliError(`${decoded.error.message}: ${file}`);
  const text = decoded.text;
  if (!text.trim()) throw new CliError(`文件是空的 (empty file): ${file}`);
  return callChannel(ctx, library, 'issues.importText', { text, fileName: path.basename(file).slice(0, 200) });
};

const importPackage: Importer = async (library, file, ctx) => {
  const result = await callChannel(ctx, library, 'issues.importPackage', { pick: true }, { chooseOpenFile: async () => path.resolve(file) });
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
  '.html': importHtmlCommand,
  '.htm': importHtmlCommand,
  '.docx': importDocxCommand,
  '.doc': importDocxCommand,
  '.wps': importDocxCommand,
};

/** A web page as a new issue: the same path as adding files, into a new draft issue. */
async function importHtmlCommand(library: Library, file: string): Promise<ImportSummary> {
  const result = await importFilesIntoLibrary(library, [file]);
  if (!result.ok) throw new CliError(result.error.message);
  return { issueId: result.issueId, documents: result.documents.length, warnings: result.documents.flatMap((d) => d.warnings) };
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...dbOption, issue: 'string', section: 'string' });
  if (positionals.length === 0) throw new CliError(`用法 (usage): gazette ${usage}`, 2);
  if (values.issue || values.section || positionals.length > 1) {
    for (const f of positionals) {
      if (!existsSync(f)) throw new CliError(`找不到文件 (file not found): ${f}`);
      if (path.extname(f).toLowerCase() === '.gazette') throw new CliError(`期刊包只能作为新的一期导入 (a .gazette package imports as its own issue): ${f}`);
    }
    const result = await withLibrary(values.db, ctx, (library) => importFilesIntoLibrary(library, positionals, { issueId: values.issue, sectionName: values.section }));
    if (!result.ok) throw new CliError(result.error.message);
    printJson(ctx, {
      issueId: result.issueId,
      documents: result.documents.map((d) => ({ id: d.id, file: d.file, title: d.title, docNumber: d.docNumber, section: d.section, addressee: d.addressee, signature: d.signature, date: d.date, attachments: d.attachments, warnings: d.warnings })),
    });
    return 0;
  }
  const file = positionals[0];
  if (!existsSync(file)) throw new CliError(`找不到文件 (file not found): ${file}`);
  const importer = importersByExtension[path.extname(file).toLowerCase()];
  if (!importer) throw new CliError(`不支持的文件类型 (unsupported file type): ${path.extname(file)}`);
  const summary = await withLibrary(values.db, ctx, (library) => importer(library, file, ctx));
  printJson(ctx, { issueId: summary.issueId, documents: summary.documents, warnings: summary.warnings });
  return 0;
}
