/**
 * The randomised export test (issue 10.4), 20 cases in two exports: random documents of every block type
 * (tests/fuzz-docs.ts) exported through the real Chromium engine; the PDF text as pdf.js reads it must be
 * the model's text. Any number of cases: `npm run fuzz-export -- --cases 500 --seed N`.
 */
import { expect, it } from 'vitest';
import { runFuzz } from './fuzz-export';

it('20 random documents export with their whole text, nothing lost, added or garbled', async () => {
  // Smaller documents than the script's default mix, to keep the suite cheap on two cores.
  const findings = await runFuzz(20260, 20, { batch: 10, scale: 0.4, images: true });
  expect(findings.map((f) => `[${f.cases.join(', ')}] ${f.problem}`)).toEqual([]);
}, 900_000);
