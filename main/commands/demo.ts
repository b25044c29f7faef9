/** `gazette demo`: export the shipped sample issue to out/sample-issue.pdf and .docx (temporary library). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IssueTree } from '../../common/model';
import { appRoot } from '../appRoot';
import { createPrintService } from '../export/printService';
import { openLibrary } from '../store/index';
import { fileArgument } from './export';
import { callChannel, parseCommandArgs, printJson, type CliContext } from './shared';

export const usage = 'demo [--pdf FILE] [--no-docx]';

export function loadSampleTree(): IssueTree {
  return JSON.parse(readFileSync(path.join(appRoot(), 'resources', 'sample', 'sample-issue.json'), 'utf8')) as IssueTree;
}

const demoOptions = { pdf: { type: 'string' }, 'no-docx': { type: 'boolean' } } as const;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(argv, demoOptions);
  const pdfPath = values.pdf ?? path.join(process.cwd(), 'out', 'sample-issue.pdf');
  const dir = mkdtempSync(path.join(tmpdir(), 'gazette-demo-'));
  const library = openLibrary(path.join(dir, 'demo.sqlite'));
  const printService = createPrintService();
  try {
    const tree = loadSampleTree();
    const issueId = library.issues.insertTree(tree);
    // The app's export path: the contract handlers, with the files chosen here instead of in a dialog.
    const pdf = await callChannel(ctx, library, 'export.pdf', { issueId }, { ...fileArgument(pdfPath), printService });
    if (pdf.canceled) throw new Error('no PDF written');
    const docx = values['no-docx'] ? undefined : await callChannel(ctx, library, 'export.docx', { issueId }, fileArgument(pdfPath.replace(/\.pdf$/i, '') + '.docx'));
    const docxPath = docx && !docx.canceled ? docx.path : undefined;
    printJson(ctx, { pdf: pdf.path, docx: docxPath, pages: pdf.pages, documents: library.pageMaps.get(issueId).pages, timings: pdf.timings });
  } finally {
    await printService.stop();
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}
