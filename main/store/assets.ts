/** Images and other binary assets, stored once per content hash. */
import { createHash } from 'node:crypto';
import { newId, nowIso } from '../../common/model/index';
import { transactional, type Db } from './db';
import type { AssetInfo, AssetRecord } from './types';

interface AssetRow {
  id: string;
  sha256: string;
  mime: string;
  size: number;
  bytes: Buffer;
}

export function createAssetsRepo(db: Db) {
  const info = (row: Omit<AssetRow, 'bytes'>): AssetInfo => ({ id: row.id, sha256: row.sha256, mime: row.mime, size: row.size });

  /** Store bytes; the same bytes again return the existing asset. */
  const put = transactional(db, (bytes: Uint8Array, mime: string): AssetInfo => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = db.prepare('SELECT id, sha256, mime, size FROM assets WHERE sha256 = ?').get(sha256) as
      | Omit<AssetRow, 'bytes'>
      | undefined;
    if (existing) return info(existing);
    const id = newId();
    db.prepare('INSERT INTO assets (id, sha256, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      id,
      sha256,
      mime,
      bytes.byteLength,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      nowIso(),
    );
    return { id, sha256, mime, size: bytes.byteLength };
  });

  const get = (id: string): AssetRecord | undefined => {
    const row = db.prepare('SELECT * FROM assets WHERE id = ?').get(id) as AssetRow | undefined;
    return row ? { ...info(row), bytes: new Uint8Array(row.bytes) } : undefined;
  };

  return { put, get };
}

export type AssetsRepo = ReturnType<typeof createAssetsRepo>;
