/**
 * Check a kept export's text again without exporting (after changing the check): `FUZZ_KEEP=DIR npm run
 * fuzz-export -- …` writes DIR/<issue>.text.json next to each PDF; `npx tsx tests/fuzz-recheck.ts
 * DIR/<issue>.text.json [--trace]` prints the findings, and with --trace where each piece was found.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IssueTree } from '../common/model';
import type { PageMap } from '../common/render/printJob';
import { fuzzCase, fuzzIssue, type FuzzOptions } from './fuzz-docs';
import { compareIssueText } from './pdf-text';

interface KeptText {
  pages: string[];
  pageMap: PageMap;
  evenHead: string;
  cases: Array<[number, number]>;
  options: FuzzOptions;
}

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx tests/fuzz-recheck.ts DIR/<issue>.text.json [--trace]');
  process.exit(2);
}
const kept = JSON.parse(readFileSync(file, 'utf8')) as KeptText;
const base = JSON.parse(readFileSync(path.join(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;
const tree = fuzzIssue(base, kept.cases.map(([seed, index]) => fuzzCase(seed, index, kept.options)));
const problems = compareIssueText(kept.pages, tree, kept.pageMap, kept.evenHead, process.argv.includes('--trace') ? console.log : undefined);
for (const p of problems) console.log(p);
console.log(problems.length ? `${problems.length} finding(s)` : 'clean');
process.exit(problems.length ? 1 : 0);
