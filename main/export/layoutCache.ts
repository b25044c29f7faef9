/**
 * Layout cache: unit hash -> laid-out pages (HTML of the unit's Paged.js pages). Units whose content and
 * layout settings are unchanged are inserted from here instead of being laid out again. In memory, with
 * an optional folder on disk so a later process (or export, or volume) can reuse it.
 *
 * Neither grows without bound: the memory keeps the most recently used units up to a size, and `prune`
 * deletes the least recently used files on disk (a file's mtime is its last use) beyond a size.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { makePrivateDir, writePrivateFileSync } from '../umask';

/** Laid-out units kept in memory, in characters of HTML (~2 bytes each): a few 700-page jobs. */
export const LAYOUT_CACHE_MEMORY_CHARS = 64 << 20;
/** Laid-out units kept on disk beside a library: the sample issue's units take ~4 MB, so about 60 issues. */
export const LAYOUT_CACHE_DISK_BYTES = 256 << 20;

const HASH = /^[0-9a-f]+$/;

export interface PruneResult {
  kept: number;
  removed: number;
  bytes: number;
}

/** Each entry on disk ends with a digest of its pages, so a cut or altered entry is known and not used. */
const SEAL = '\n<!--gazette-layout-sha256 ';
const digest = (html: string) => createHash('sha256').update(html).digest('hex');
const seal = (html: string) => `${html}${SEAL}${digest(html)}-->`;

function unseal(text: string): string | undefined {
  const at = text.lastIndexOf(SEAL);
  if (at < 0) return undefined;
  const html = text.slice(0, at);
  return text.slice(at) === `${SEAL}${digest(html)}-->` ? html : undefined;
}

/** A writer killed mid-write left its temp file (writePrivateFileSync): gone once older than any write takes. */
function removeIfStale(file: string): void {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isFile() && Date.now() - stat.mtimeMs > 60 * 60 * 1000) rmSync(file, { force: true });
}

export class LayoutCache {
  /** Insertion order is use order: the first entry is the least recently used. */
  private readonly memory = new Map<string, string>();
  private memoryChars = 0;

  constructor(
    private readonly dir?: string,
    private readonly maxMemoryChars = LAYOUT_CACHE_MEMORY_CHARS,
  ) {
    if (dir) makePrivateDir(dir);
  }

  get directory(): string | undefined {
    return this.dir;
  }

  get(hash: string): string | undefined {
    const hit = this.memory.get(hash);
    if (hit !== undefined) {
      this.memory.delete(hash);
      this.memory.set(hash, hit);
      this.touch(hash);
      return hit;
    }
    if (!this.dir || !HASH.test(hash)) return undefined;
    const file = path.join(this.dir, `${hash}.html`);
    if (!existsSync(file)) return undefined;
    let pages: string;
    try {
      pages = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    // Cut short or changed (a version that wrote in place was killed mid-write, a power cut, a tampered
    // file): laid out again. A cut entry once printed a PDF with half a document's text and no error.
    const unsealed = unseal(pages);
    if (unsealed === undefined) return undefined;
    pages = unsealed;
    this.touch(hash);
    this.remember(hash, pages);
    return pages;
  }

  set(hash: string, pagesHtml: string): void {
    this.remember(hash, pagesHtml);
    if (!this.dir || !HASH.test(hash)) return;
    // A cache that cannot be written (folder gone, disk full) costs a layout later, never the export.
    try {
      makePrivateDir(this.dir);
      writePrivateFileSync(path.join(this.dir, `${hash}.html`), seal(pagesHtml));
    } catch {}
  }

  clear(): void {
    this.memory.clear();
    this.memoryChars = 0;
  }

  /** Units held in memory. */
  get size(): number {
    return this.memory.size;
  }

  /**
   * Delete the least recently used files until the folder holds at most `maxBytes`; the units named in
   * `keep` (those of the job just done) stay whatever their age.
   */
  prune(maxBytes = LAYOUT_CACHE_DISK_BYTES, keep: Iterable<string> = []): PruneResult {
    if (!this.dir || !existsSync(this.dir)) return { kept: 0, removed: 0, bytes: 0 };
    const kept = new Set(keep);
    const files: Array<{ hash: string; file: string; bytes: number; used: number }> = [];
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith('.') && name.endsWith('.tmp')) removeIfStale(path.join(this.dir, name));
      const hash = name.endsWith('.html') ? name.slice(0, -5) : '';
      if (!HASH.test(hash)) continue;
      const file = path.join(this.dir, name);
      try {
        const stat = statSync(file);
        files.push({ hash, file, bytes: stat.size, used: stat.mtimeMs });
      } catch {}
    }
    let bytes = files.reduce((n, f) => n + f.bytes, 0);
    let removed = 0;
    for (const f of files.sort((a, b) => a.used - b.used)) {
      if (bytes <= maxBytes) break;
      if (kept.has(f.hash)) continue;
      rmSync(f.file, { force: true });
      bytes -= f.bytes;
      removed += 1;
    }
    return { kept: files.length - removed, removed, bytes };
  }

  private remember(hash: string, pagesHtml: string): void {
    const old = this.memory.get(hash);
    if (old !== undefined) {
      this.memory.delete(hash);
      this.memoryChars -= old.length;
    }
    this.memory.set(hash, pagesHtml);
    this.memoryChars += pagesHtml.length;
    for (const [oldest, html] of this.memory) {
      if (this.memoryChars <= this.maxMemoryChars || oldest === hash) break;
      this.memory.delete(oldest);
      this.memoryChars -= html.length;
    }
  }

  /** A file's mtime is its last use, for prune(). */
  private touch(hash: string): void {
    if (!this.dir || !HASH.test(hash)) return;
    const now = new Date();
    try {
      utimesSync(path.join(this.dir, `${hash}.html`), now, now);
    } catch {}
  }
}
