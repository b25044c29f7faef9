/**
 * What an export leaves for the 合订本 to reuse, in `cache/` beside the library:
 *   - `cache/layout/<unit hash>.html`: laid-out units (LayoutCache on disk);
 *   - `cache/issues/<issue id>.pdf` + `.json`: the issue's last printed PDF, with the print key it was
 *     printed under (its layout key plus the print settings that change the PDF) and its page numbers.
 * An export of an issue and a volume write and read the same files, so a volume after the year's exports
 * only binds, and an issue changed since its export is laid out again (its unchanged units from the cache).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { makePrivateDir, writePrivateFileSync } from '../umask';
import { hashString } from '../../common/render/html';
import { LayoutCache } from './layoutCache';

/** `cache/` beside a library file; null for an in-memory library. */
export function libraryCacheDir(libraryFile: string | undefined): string | null {
  if (!libraryFile || libraryFile === ':memory:') return null;
  return path.join(path.dirname(path.resolve(libraryFile)), 'cache');
}

/** The key under which an issue's printed PDF may be reused: its layout key plus what else changes the PDF. */
export function printKeyOf(layoutKey: string, print: { bleed: boolean; padToMultipleOf4: boolean }): string {
  return hashString(`${layoutKey}|bleed=${print.bleed}|pad=${print.padToMultipleOf4}`);
}

export interface IssuePdfMeta {
  key: string;
  /** document id -> folio where it starts */
  pages: Record<string, number>;
  frontPages: number;
  totalPages: number;
}

export class IssuePdfCache {
  constructor(private readonly dir: string | null) {
    if (dir) makePrivateDir(dir);
  }

  /** The issue PDFs of a library's cache folder (`cache/issues`). */
  static forLibraryCache(cacheDir: string | null): IssuePdfCache {
    return new IssuePdfCache(cacheDir ? path.join(cacheDir, 'issues') : null);
  }

  private files(issueId: string) {
    const safe = issueId.replace(/[^0-9A-Za-z-]/g, '_');
    return { pdf: path.join(this.dir!, `${safe}.pdf`), meta: path.join(this.dir!, `${safe}.json`) };
  }

  get(issueId: string, key: string): (IssuePdfMeta & { pdf: Uint8Array }) | null {
    if (!this.dir) return null;
    const files = this.files(issueId);
    try {
      const meta = JSON.parse(readFileSync(files.meta, 'utf8')) as IssuePdfMeta;
      if (meta.key !== key || !existsSync(files.pdf)) return null;
      const pdf = readFileSync(files.pdf);
      // Empty: bytes that never reached the disk (a power cut after the rename). Printed again.
      return pdf.length > 0 ? { ...meta, pdf } : null;
    } catch {
      return null;
    }
  }

  set(issueId: string, meta: IssuePdfMeta, pdf: Uint8Array): void {
    if (!this.dir) return;
    makePrivateDir(this.dir);
    const files = this.files(issueId);
    // The meta that vouches for the PDF goes first and last: removed, PDF written, meta written (each whole,
    // temp file + rename), so a crash in between leaves no meta naming another PDF.
    rmSync(files.meta, { force: true });
    writePrivateFileSync(files.pdf, pdf);
    writePrivateFileSync(files.meta, JSON.stringify(meta));
  }

  /** Delete the PDFs of issues no longer in the library (one PDF per issue otherwise: bounded). */
  prune(issueIds: Iterable<string>): number {
    if (!this.dir || !existsSync(this.dir)) return 0;
    const live = new Set(Array.from(issueIds, (id) => id.replace(/[^0-9A-Za-z-]/g, '_')));
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      const stem = name.replace(/\.(pdf|json)(\.tmp)?$/, '');
      if (live.has(stem) && !name.endsWith('.tmp')) continue;
      rmSync(path.join(this.dir, name), { force: true });
      if (name.endsWith('.pdf')) removed += 1;
    }
    return removed;
  }
}

/**
 * The layout caches of a host's life, one per library cache folder (memory shared by its exports and
 * volumes). Owned by the host's PrintService (main/export/printService.ts), never by the module: `clear()`
 * drops the memory, so two hosts in one process (tests) never share it and a stopped host holds none.
 */
export class LayoutCaches {
  private readonly byDir = new Map<string, LayoutCache>();

  /** The cache of `cache/layout` under `cacheDir`; a memory-only one for an in-memory library. */
  forCacheDir(cacheDir: string | null): LayoutCache {
    if (!cacheDir) return new LayoutCache();
    const dir = path.join(cacheDir, 'layout');
    let cache = this.byDir.get(dir);
    if (!cache || !existsSync(dir)) this.byDir.set(dir, (cache = new LayoutCache(dir)));
    return cache;
  }

  get size(): number {
    return this.byDir.size;
  }

  /** Drop every cache's memory (the files on disk stay for the next host). */
  clear(): void {
    for (const cache of this.byDir.values()) cache.clear();
    this.byDir.clear();
  }
}

/** What an export says about the PDF it wrote (main/export/exportPdf.ts ExportPdfResult). */
export interface ExportedIssue {
  layoutKey: string;
  print: { bleed: boolean; padToMultipleOf4: boolean; tagged: boolean };
  pages: number;
  pageMap: { documents: Record<string, number>; frontPages: number };
}

/**
 * Keep an export's PDF for the volume. A tagged PDF is not kept (the volume binds untagged issues); a PDF
 * with bleed is kept under its own key, which a volume (printed without bleed) never asks for.
 */
export function keepIssuePdf(cache: IssuePdfCache, issueId: string, exported: ExportedIssue, pdf: Uint8Array): boolean {
  if (exported.print.tagged) return false;
  const meta = { key: printKeyOf(exported.layoutKey, exported.print), pages: exported.pageMap.documents, frontPages: exported.pageMap.frontPages, totalPages: exported.pages };
  cache.set(issueId, meta, pdf);
  return true;
}
