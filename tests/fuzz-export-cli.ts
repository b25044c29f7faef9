/**
 * The randomised export test at any size: `npm run fuzz-export -- --cases 500 --seed N [--batch 10]
 * [--first K] [--scale S] [--rare] [--images]`. --scale shrinks (<1) or grows long content. Prints one line per export and every finding; exits 1 on findings.
 * The same seed and case number always give the same document (tests/fuzz-docs.ts), so a finding is
 * reproduced with `--seed N --first K --cases 1`.
 */
import { runCases } from './fuzz-export';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const seed = Number(arg('seed') ?? Date.now() % 100_000);
const cases = Number(arg('cases') ?? 20);
const first = Number(arg('first') ?? 0);
const batch = Number(arg('batch') ?? 10);
const scale = Number(arg('scale') ?? 1);
if (![seed, cases, first, batch].every((n) => Number.isInteger(n) && n >= 0) || batch < 1) {
  console.error('usage: npm run fuzz-export -- --cases N --seed N [--first K | --only I,J] [--batch B] [--scale S] [--rare] [--images]');
  process.exit(2);
}
const started = performance.now();
console.log(`fuzz-export: seed ${seed}, cases ${first}–${first + cases - 1}, ${batch} per export`);
// --only 12,57: just those case numbers of the seed (to check findings again).
const only = arg('only')?.split(',').map(Number);
const ids = (only ?? Array.from({ length: cases }, (_, k) => first + k)).map((index) => [seed, index] as const);
const findings = await runCases(ids, {
  batch,
  scale,
  rare: flag('rare'),
  images: flag('images'),
  onBatch: (done, found, ms) => {
    const pages = done.reduce((n, c) => n + c.document.content.blocks.length, 0);
    console.log(`  cases ${done[0].index}–${done[done.length - 1].index} (${pages} blocks): ${found.length ? `${found.length} finding(s)` : 'clean'} in ${(ms / 1000).toFixed(1)} s`);
    for (const f of found) console.log(`    [${f.cases.join(', ')}] ${f.problem}`);
  },
});
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(findings.length ? `fuzz-export: ${findings.length} finding(s) in ${ids.length} cases, ${seconds} s` : `fuzz-export: ${ids.length} cases clean, ${seconds} s`);
process.exit(findings.length ? 1 : 0);
