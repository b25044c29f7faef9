/**
 * Layout cache: unit hash -> laid-out pages (HTML of the unit's Paged.js pages). Units whose content and
 * layout settings are unchanged are inserted from here instead of being laid out again. In memory, with
 * an optional folder on disk so a later process (or export) can reuse it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class LayoutCache {
  private readonly memory = new Map<string, string>();

  constructor(private readonly dir?: string) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  get(hash: string): string | undefined {
    const hit = this.memory.get(hash);
    if (hit !== undefined || !this.dir) return hit;
    const file = path.join(this.dir, `${hash}.html`);
    if (!/^[0-9a-f]+$/.test(hash) || !existsSync(file)) return undefined;
    const pages = readFileSync(file, 'utf8');
    this.memory.set(hash, pages);
    return pages;
  }

  set(hash: string, pagesHtml: string): void {
    this.memory.set(hash, pagesHtml);
    if (this.dir && /^[0-9a-f]+$/.test(hash)) writeFileSync(path.join(this.dir, `${hash}.html`), pagesHtml);
  }

  clear(): void {
    this.memory.clear();
  }

  get size(): number {
    return this.memory.size;
  }
}
