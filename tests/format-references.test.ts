/**
 * Every `§N` / `§N.M` a comment cites points into docs/journal-format.md: section N exists, and for §N.M
 * section N has a numbered item M. Citations of other specs (W3C clreq §3.1.6) are told apart by the
 * word before them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const FOLDERS = ['bin', 'common', 'main', 'preload', 'renderer', 'resources', 'scripts', 'tests'];
const SOURCE = /\.(ts|tsx|mjs|css|html)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'fonts' ? [] : sourceFiles(full);
    return SOURCE.test(entry.name) ? [full] : [];
  });
}

/** Section number -> the item numbers of its numbered list. */
function formatSections(): Map<number, Set<number>> {
  const sections = new Map<number, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of readFileSync(path.join(root, 'docs/journal-format.md'), 'utf8').split('\n')) {
    const heading = /^## (\d+)\./.exec(line);
    if (heading) sections.set(Number(heading[1]), (current = new Set()));
    else if (/^#{1,2} /.test(line)) current = undefined;
    const item = /^(\d+)\. /.exec(line);
    if (item && current) current.add(Number(item[1]));
  }
  return sections;
}

describe('format references', () => {
  it('resolve to a section (and item) of docs/journal-format.md', () => {
    const sections = formatSections();
    expect(sections.size).toBeGreaterThanOrEqual(10);
    const broken: string[] = [];
    let cited = 0;
    for (const file of FOLDERS.flatMap((f) => sourceFiles(path.join(root, f)))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(\S*)\s*§(\d+)(?:\.(\d+))?/g)) {
        if (/clreq|GB\/T|RFC/i.test(m[1])) continue;
        cited++;
        const items = sections.get(Number(m[2]));
        if (!items || (m[3] !== undefined && !items.has(Number(m[3])))) {
          broken.push(`${path.relative(root, file)}: ${m[0].trim()}`);
        }
      }
    }
    expect(cited).toBeGreaterThan(20);
    expect(broken).toEqual([]);
  });
});
