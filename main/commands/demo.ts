/** `gazette demo`: export the shipped sample issue to out/sample-issue.pdf and .docx (temporary library). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IssueTree } from '../../common/model';
import { appRoot } from '../export/assets';
import { exportLibraryIssueDocx } from '../export/docx';
import { exportIssuePdf } from '../export/exportPdf';
import { openLibrary } from '../store/index';
import { parseCommandArgs, printJson, type CliContext } from './shared';

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
  try {
    const tree = loadSampleTree();
    const issueId = library.issues.insertTree(tree);
    const result = await exportIssuePdf(library, issueId, { pdfPath });
    const docx = values['no-docx']
      ? undefined
      : await exportLibraryIssueDocx(library, issueId, pdfPath.replace(/\.pdf$/i, '') + '.docx', { pageMap: result.pageMap.documents });
    printJson(ctx, { pdf: result.pdfPath, docx: docx?.docxPath, pages: result.pages, documents: result.pageMap.documents, timings: result.timings });
  } finally {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}
