import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IssuePdfCache, keepIssuePdf, printKeyOf } from './issueCache';
import { LayoutCache } from './layoutCache';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const hash = (n: number) => n.toString(16).padStart(8, 'a');

describe('LayoutCache', () => {
  it('writes an entry whole into a private file, never through a link planted at its name', () => {
    const t = tempDir('gazette-layout-cache-');
    cleanup = t.cleanup;
    const dir = path.join(t.dir, 'layout');
    mkdirSync(dir);
    const victim = path.join(t.dir, 'victim.txt');
    writeFileSync(victim, 'a file the cache must not touch');
    symlinkSync(victim, path.join(dir, `${hash(1)}.html`));
    new LayoutCache(dir).set(hash(1), '<div class="pagedjs_page">第1页</div>');
    expect(readFileSync(victim, 'utf8')).toBe('a file the cache must not touch');
    expect(lstatSync(path.join(dir, `${hash(1)}.html`)).isSymbolicLink()).toBe(false);
    if (process.platform !== 'win32') expect(statSync(path.join(dir, `${hash(1)}.html`)).mode & 0o077).toBe(0);
    expect(readdirSync(dir)).toEqual([`${hash(1)}.html`]);
    expect(new LayoutCache(dir).get(hash(1))).toBe('<div class="pagedjs_page">第1页</div>');
    // An entry cut short (a writer killed mid-write, a power cut) or emptied is a miss, never half a unit.
    const whole = readFileSync(path.join(dir, `${hash(1)}.html`), 'utf8');
    writeFileSync(path.join(dir, `${hash(1)}.html`), whole.slice(0, 30));
    expect(new LayoutCache(dir).get(hash(1))).toBeUndefined();
    writeFileSync(path.join(dir, `${hash(2)}.html`), '');
    expect(new LayoutCache(dir).get(hash(2))).toBeUndefined();
  });


  it('keeps only the most recently used units in memory, and reads the rest back from disk', () => {
    const t = tempDir('gazette-layout-cache-');
    cleanup = t.cleanup;
    const cache = new LayoutCache(path.join(t.dir, 'layout'), 100);
    for (let i = 0; i < 5; i++) cache.set(hash(i), 'x'.repeat(40));
    expect(cache.size).toBe(2);
    // Evicted from memory, still on disk.
    expect(cache.get(hash(0))).toBe('x'.repeat(40));
    expect(new LayoutCache(undefined, 100).get(hash(0))).toBeUndefined();
  });

  it('prunes the least recently used files beyond the size, never the units just used', () => {
    const t = tempDir('gazette-layout-cache-');
    cleanup = t.cleanup;
    const dir = path.join(t.dir, 'layout');
    const cache = new LayoutCache(dir);
    for (let i = 0; i < 10; i++) {
      cache.set(hash(i), 'y'.repeat(1000));
      // Unit i last used i hours ago... reversed: unit 0 is the oldest.
      const when = new Date(Date.now() - (10 - i) * 3600_000);
      utimesSync(path.join(dir, `${hash(i)}.html`), when, when);
    }
    // Unit 1 is used now: it becomes the newest.
    expect(cache.get(hash(1))).toBeDefined();
    // Room for four entries (each is its pages and a digest line).
    const room = 4 * statSync(path.join(dir, `${hash(0)}.html`)).size;
    const result = cache.prune(room, [hash(0)]);
    expect(result.bytes).toBeLessThanOrEqual(room);
    const left = readdirSync(dir).sort();
    // Unit 0 was asked to stay; unit 1 was used just now; then the newest by last use.
    expect(left).toEqual([hash(0), hash(1), hash(8), hash(9)].map((h) => `${h}.html`).sort());
    expect(result).toMatchObject({ kept: 4, removed: 6 });
  });

  it('does not fail when its folder is gone', () => {
    const t = tempDir('gazette-layout-cache-');
    const dir = path.join(t.dir, 'layout');
    const cache = new LayoutCache(dir);
    t.cleanup();
    expect(() => cache.set(hash(1), 'z')).not.toThrow();
    expect(existsSync(path.join(dir, `${hash(1)}.html`))).toBe(true);
    cleanup = t.cleanup;
  });
});

describe('IssuePdfCache', () => {
  it('returns an issue PDF only under its print key, and prunes issues no longer in the library', () => {
    const t = tempDir('gazette-issue-cache-');
    cleanup = t.cleanup;
    const cache = IssuePdfCache.forLibraryCache(t.dir);
    const exported = { layoutKey: 'k1', print: { bleed: false, padToMultipleOf4: false, tagged: false }, pages: 12, pageMap: { documents: { d1: 3 }, frontPages: 2 } };
    expect(keepIssuePdf(cache, 'issue-a', exported, new Uint8Array([1, 2, 3]))).toBe(true);
    expect(keepIssuePdf(cache, 'issue-b', exported, new Uint8Array([4]))).toBe(true);
    // A tagged PDF is not kept.
    expect(keepIssuePdf(cache, 'issue-c', { ...exported, print: { ...exported.print, tagged: true } }, new Uint8Array([5]))).toBe(false);
    const key = printKeyOf('k1', { bleed: false, padToMultipleOf4: false });
    expect(cache.get('issue-a', key)).toMatchObject({ pages: { d1: 3 }, frontPages: 2, totalPages: 12 });
    expect(Array.from(cache.get('issue-a', key)!.pdf)).toEqual([1, 2, 3]);
    // Another layout, or bleed, is another key.
    expect(cache.get('issue-a', printKeyOf('k2', { bleed: false, padToMultipleOf4: false }))).toBeNull();
    expect(cache.get('issue-a', printKeyOf('k1', { bleed: true, padToMultipleOf4: false }))).toBeNull();
    expect(cache.prune(['issue-a'])).toBe(1);
    expect(cache.get('issue-b', key)).toBeNull();
    expect(readdirSync(path.join(t.dir, 'issues')).sort()).toEqual(['issue-a.json', 'issue-a.pdf']);
  });
});
