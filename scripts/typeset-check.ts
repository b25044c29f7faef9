/**
 * The typesetter's check of a printed issue (issue #13): reads every glyph's position with pdf.js and prints
 * the figures as JSON (see scripts/typeset/check.ts for what each figure means).
 *
 *   npm run typeset-check -- out/sample-issue.pdf [--brief]
 *
 * --brief leaves out the example lists.
 */
import { readFileSync } from 'node:fs';
import { readPdfGlyphs } from './typeset/glyphs';
import { typesetFigures } from './typeset/check';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: npm run typeset-check -- FILE.pdf [--brief]');
    process.exitCode = 2;
    return;
  }
  const figures = typesetFigures(await readPdfGlyphs(new Uint8Array(readFileSync(file))));
  const out = args.includes('--brief')
    ? (JSON.parse(JSON.stringify(figures, (key, value: unknown) => (key === 'examples' ? undefined : value))) as unknown)
    : figures;
  console.log(JSON.stringify(out, null, 2));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
