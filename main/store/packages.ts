/**
 * Issue packages: a `.gazette` file is a SQLite file with the library schema holding one issue (and the
 * assets its images use), so exchanging an issue is copying a file.
 */
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BlockElement, IssueTree } from '../../common/model/index';
import { StoreError } from './errors';
import type { Library, LibraryOptions } from './library';

/** Every image asset id used in a tree. */
export function assetIdsOf(tree: IssueTree): Set<string> {
  const ids = new Set<string>();
  for (const section of tree.sections)
    for (const doc of section.documents) for (const block of doc.content.blocks) if (block.type === 'image') ids.add(block.assetId);
  return ids;
}

/** The same tree with image asset ids replaced (assets are re-keyed when a package is imported). */
export function remapAssetIds(tree: IssueTree, map: ReadonlyMap<string, string>): IssueTree {
  const remap = (block: BlockElement): BlockElement =>
    block.type === 'image' && map.has(block.assetId) ? { ...block, assetId: map.get(block.assetId)! } : block;
  return {
    ...tree,
    sections: tree.sections.map((s) => ({
      ...s,
      documents: s.documents.map((d) => ({ ...d, content: { ...d.content, blocks: d.content.blocks.map(remap) } })),
    })),
  };
}

type Opener = (file: string, opts?: LibraryOptions) => Library;

/** Write one issue to `file` (replaced atomically if it exists). Returns the document count. */
export function exportIssuePackage(library: Library, open: Opener, issueId: string, file: string): { file: string; documents: number } {
  const tree = library.issues.getTree(issueId);
  const temp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const pkg = open(temp, { nativeBinding: library.nativeBinding, skipMigrationBackup: true, logger: library.logger });
  try {
    pkg.transaction(() => {
      for (const assetId of assetIdsOf(tree)) {
        const asset = library.assets.get(assetId);
        if (asset) pkg.rawDb.prepare('INSERT INTO assets (id, sha256, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
          asset.id,
          asset.sha256,
          asset.mime,
          asset.size,
          Buffer.from(asset.bytes),
          new Date().toISOString(),
        );
      }
      pkg.issues.insertTree(tree);
    });
    // A single self-contained file: no -wal/-shm companions.
    pkg.rawDb.pragma('journal_mode = DELETE');
  } catch (error) {
    pkg.close();
    rmSync(temp, { force: true });
    throw error;
  }
  pkg.close();
  renameSync(temp, file);
  return { file, documents: tree.sections.reduce((n, s) => n + s.documents.length, 0) };
}

/** Import every issue of a package; ids are renewed when they collide. Returns the new issue ids. */
export function importIssuePackage(library: Library, open: Opener, file: string): string[] {
  if (!existsSync(file)) throw new StoreError('not-found', `找不到文件：${file} (file not found)`);
  // Work on a copy: opening migrates older packages, and the user's file stays untouched.
  const dir = mkdtempSync(path.join(tmpdir(), 'gazette-pkg-'));
  const copy = path.join(dir, 'package.sqlite');
  copyFileSync(file, copy);
  let pkg: Library | undefined;
  try {
    pkg = open(copy, { nativeBinding: library.nativeBinding, skipMigrationBackup: true, logger: library.logger });
    const source = pkg;
    const trees = source.issues.list().map((summary) => source.issues.getTree(summary.id));
    if (trees.length === 0) throw new StoreError('invalid', `这个期刊包是空的：${file} (the package holds no issue)`);
    return library.transaction(() =>
      trees.map((tree) => {
        const assetMap = new Map<string, string>();
        for (const assetId of assetIdsOf(tree)) {
          const asset = source.assets.get(assetId);
          if (asset) assetMap.set(assetId, library.assets.put(asset.bytes, asset.mime).id);
        }
        return library.issues.insertTree(remapAssetIds(tree, assetMap));
      }),
    );
  } finally {
    pkg?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
