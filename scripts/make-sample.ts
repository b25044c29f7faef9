/**
 * Writes the sample issue the app ships (resources/sample/sample-issue.json) from the reference
 * text, through the same importer users run. Deterministic: ids come from positions
 * (sample-issue, sample-sec-01, sample-doc-01 …) and timestamps from the issue date, so re-running
 * the script on the same text gives the same file byte for byte.
 *
 *   npx tsx scripts/make-sample.ts      (or: npm run sample)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importIssueFromText } from '../common/import/fromText';
import type { ImportWarning, IssueTree } from '../common/model';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REFERENCE_TEXT = resolve(root, 'tests/fixtures/reference-issue-2024-06.txt');
export const SAMPLE_JSON = resolve(root, 'resources/sample/sample-issue.json');

const pad = (n: number) => String(n).padStart(2, '0');

/** The imported reference issue with position-derived ids and fixed timestamps. */
export function buildSampleIssue(text: string): { tree: IssueTree; warnings: ImportWarning[] } {
  const { tree, warnings } = importIssueFromText(text);
  const issueId = 'sample-issue';
  const stamp = `${tree.issue.date}T00:00:00.000Z`;
  let docNo = 0;
  const sample: IssueTree = {
    issue: { ...tree.issue, id: issueId, updatedAt: stamp },
    sections: tree.sections.map((section, s) => {
      const sectionId = `sample-sec-${pad(s + 1)}`;
      return {
        ...section,
        id: sectionId,
        issueId,
        documents: section.documents.map((doc) => ({ ...doc, id: `sample-doc-${pad(++docNo)}`, sectionId, updatedAt: stamp })),
      };
    }),
  };
  return { tree: sample, warnings };
}

export function sampleJson(tree: IssueTree): string {
  return JSON.stringify(tree, null, 2) + '\n';
}

function main(): void {
  const { tree, warnings } = buildSampleIssue(readFileSync(REFERENCE_TEXT, 'utf8'));
  mkdirSync(dirname(SAMPLE_JSON), { recursive: true });
  writeFileSync(SAMPLE_JSON, sampleJson(tree));
  const documents = tree.sections.reduce((n, s) => n + s.documents.length, 0);
  console.log(`wrote ${SAMPLE_JSON}: ${tree.sections.length} sections, ${documents} documents, ${warnings.length} warnings`);
  for (const w of warnings) console.log(`  ${w.code}${w.line ? ` (line ${w.line})` : ''}: ${w.message}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
