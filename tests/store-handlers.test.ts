import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../common/ipc/index';
import { handleCall, handlers, type CallContext } from '../main/handlers/index';
import { openLibrary, type Library } from '../main/store/index';
import { makeTree, para, tempDir } from './store-fixtures';

let dir: string;
let cleanup: () => void;
let lib: Library;
let ctx: CallContext;
let logged: string[];

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  lib = openLibrary(path.join(dir, 'library.sqlite'), { logger: { warn: () => {} } });
  logged = [];
  const logger = { warn: (m: string) => logged.push(m), error: (m: string, d?: unknown) => logged.push(`${m} ${String(d)}`) };
  ctx = { deps: { library: lib, logger } };
});
afterEach(() => {
  lib.close();
  cleanup();
});

/** Everything a write could change, to prove a refused call wrote nothing. */
function snapshot() {
  const db = lib.rawDb;
  return ['issues', 'sections', 'documents', 'revisions', 'assets', 'page_maps'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all());
}

const validContent = { schemaVersion: 1, blocks: [{ type: 'doc-title', children: [{ text: '新标题' }] }, para('正文')] };

describe('handleCall', () => {
  it('answers a valid call with { ok: true, value } shaped by the output schema', async () => {
    const issueId = lib.issues.insertTree(makeTree());
    const documentId = lib.issues.toc(issueId)[0].documentId;
    const saved = await handleCall('documents.save', { documentId, content: validContent }, ctx);
    expect(saved).toMatchObject({ ok: true, value: { documentId, title: '新标题', docNumber: '' } });
    const list = await handleCall('issues.list', {}, ctx);
    expect(list.ok && (list.value as Array<{ id: string }>)[0].id).toBe(issueId);
    const toc = await handleCall('issues.toc', { issueId }, ctx);
    expect(toc.ok && (toc.value as Array<{ title: string }>)[0].title).toBe('新标题');
    const hits = await handleCall('search', { query: '新标题' }, ctx);
    expect(hits.ok && (hits.value as unknown[]).length).toBe(1);
  });

  it('refuses a payload of the wrong type and writes nothing', async () => {
    const issueId = lib.issues.insertTree(makeTree());
    const documentId = lib.issues.toc(issueId)[0].documentId;
    const before = snapshot();
    for (const payload of [
      { documentId: 42, content: validContent },
      { documentId, content: 'not content' },
      { documentId, content: { schemaVersion: 1, blocks: 'x' } },
      'a string',
      [documentId],
      null,
    ]) {
      const result = await handleCall('documents.save', payload, ctx);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('bad-request');
        expect(result.error.message).toMatch(/请求参数无效.*documents\.save/);
      }
    }
    const wrongType = await handleCall('documents.save', { documentId: 42, content: validContent }, ctx);
    expect(!wrongType.ok && wrongType.error.message).toContain('documentId');
    expect(snapshot()).toEqual(before);
  });

  it('refuses payloads that are too large and writes nothing', async () => {
    const issueId = lib.issues.insertTree(makeTree());
    const documentId = lib.issues.toc(issueId)[0].documentId;
    const sectionId = lib.sections.list(issueId)[0].id;
    const before = snapshot();
    const huge = 'x'.repeat(9_000_000);
    const big = await handleCall('documents.save', { documentId, content: { schemaVersion: 1, blocks: [para(huge)] } }, ctx);
    expect(!big.ok && big.error).toMatchObject({ code: 'bad-request' });
    expect(!big.ok && big.error.message).toMatch(/content larger than/);
    const longName = await handleCall('sections.rename', { sectionId, name: '栏'.repeat(201) }, ctx);
    expect(!longName.ok && longName.error.message).toMatch(/name/);
    const manyBlocks = await handleCall('documents.save', { documentId, content: { schemaVersion: 1, blocks: Array(50_001).fill({ type: 'page-break' }) } }, ctx);
    expect(!manyBlocks.ok && manyBlocks.error.code).toBe('bad-request');
    const longQuery = await handleCall('search', { query: '查'.repeat(201) }, ctx);
    expect(!longQuery.ok && longQuery.error.code).toBe('bad-request');
    expect(snapshot()).toEqual(before);
  });

  it('refuses unknown fields and writes nothing', async () => {
    const issueId = lib.issues.insertTree(makeTree());
    const documentId = lib.issues.toc(issueId)[0].documentId;
    const before = snapshot();
    const extra = await handleCall('documents.save', { documentId, content: validContent, sql: 'DROP TABLE documents' }, ctx);
    expect(!extra.ok && extra.error.code).toBe('bad-request');
    expect(!extra.ok && extra.error.message).toMatch(/sql/);
    const nested = await handleCall('issues.update', { issueId, settings: { fonts: 'office', bleed: true, padToMultipleOf4: false, evenRunningHead: '', extra: 1 } }, ctx);
    expect(!nested.ok && nested.error.code).toBe('bad-request');
    const extraOnEmpty = await handleCall('issues.list', { all: true }, ctx);
    expect(!extraOnEmpty.ok && extraOnEmpty.error.code).toBe('bad-request');
    expect(snapshot()).toEqual(before);
  });

  it('answers an unknown channel, a missing record and a broken rule with generic errors', async () => {
    expect(await handleCall('shell.exec', {}, ctx)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await handleCall('__proto__', {}, ctx)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const missing = await handleCall('documents.get', { documentId: 'nope' }, ctx);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const issueId = lib.issues.insertTree(makeTree());
    const sectionId = lib.sections.list(issueId)[0].id;
    const wrongOrder = await handleCall('documents.reorder', { sectionId, documentIds: ['a'] }, ctx);
    expect(wrongOrder).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('hides unexpected failures behind a generic message and logs the detail', async () => {
    const issueId = lib.issues.insertTree(makeTree());
    const documentId = lib.issues.toc(issueId)[0].documentId;
    lib.rawDb.exec("CREATE TRIGGER inject BEFORE INSERT ON revisions BEGIN SELECT RAISE(ABORT, 'secret detail'); END");
    const result = await handleCall('documents.save', { documentId, content: validContent }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
    expect(logged.join('\n')).toContain('secret detail');
  });

  it('drives a whole editing session through the contract', async () => {
    const created = await handleCall('issues.create', { year: 2025, number: 1, cumulativeNumber: 198 }, ctx);
    expect(created.ok).toBe(true);
    const issueId = (created as { value: { issueId: string } }).value.issueId;
    const s1 = (await handleCall('sections.add', { issueId, name: '市政府文件' }, ctx)) as { ok: true; value: { sectionId: string } };
    const s2 = (await handleCall('sections.add', { issueId, name: '大事记' }, ctx)) as { ok: true; value: { sectionId: string } };
    const d1 = (await handleCall('documents.add', { sectionId: s1.value.sectionId, content: validContent }, ctx)) as { ok: true; value: { documentId: string } };
    const d2 = (await handleCall('documents.add', { sectionId: s1.value.sectionId, kind: 'other', position: 0 }, ctx)) as { ok: true; value: { documentId: string } };
    expect(lib.documents.list(s1.value.sectionId).map((d) => d.id)).toEqual([d2.value.documentId, d1.value.documentId]);
    await handleCall('documents.move', { documentId: d1.value.documentId, sectionId: s2.value.sectionId, position: 0 }, ctx);
    await handleCall('sections.move', { sectionId: s2.value.sectionId, position: 0 }, ctx);
    const toc = (await handleCall('issues.toc', { issueId }, ctx)) as { ok: true; value: Array<{ section: string; title: string }> };
    expect(toc.value.map((e) => [e.section, e.title])).toEqual([
      ['大事记', '新标题'],
      ['市政府文件', ''],
    ]);
    await handleCall('documents.updateMeta', { documentId: d1.value.documentId, tocTitleOverride: '目录里的标题' }, ctx);
    await handleCall('pageMaps.set', { issueId, pageCount: 8, layoutHash: 'h', pages: { [d1.value.documentId]: 3 } }, ctx);
    const toc2 = (await handleCall('issues.toc', { issueId }, ctx)) as { ok: true; value: Array<{ title: string; page?: number }> };
    expect(toc2.value[0]).toMatchObject({ title: '目录里的标题', page: 3 });
    const png = Buffer.from([137, 80, 78, 71]).toString('base64');
    const asset = (await handleCall('assets.put', { mime: 'image/png', dataBase64: png }, ctx)) as { ok: true; value: { assetId: string } };
    expect(await handleCall('assets.get', { assetId: asset.value.assetId }, ctx)).toEqual({ ok: true, value: { mime: 'image/png', dataBase64: png } });
    const revisions = (await handleCall('revisions.list', { documentId: d1.value.documentId }, ctx)) as { ok: true; value: Array<{ id: number }> };
    expect(revisions.value).toHaveLength(1);
    const exported = (await handleCall('issues.exportPackage', { issueId }, ctx)) as { ok: true; value: { path: string } };
    expect(exported.value.path).toBe(path.join(dir, 'exports', '2025-1.gazette'));
    const next = (await handleCall('issues.createNext', {}, ctx)) as { ok: true; value: { issueId: string } };
    expect(lib.issues.get(next.value.issueId)).toMatchObject({ number: 2, cumulativeNumber: 199 });
    const deleted = (await handleCall('issues.delete', { issueId }, ctx)) as { ok: true; value: { backupPath: string } };
    expect(deleted.value.backupPath).toContain('deleted-issues');
    const { readFileSync } = await import('node:fs');
    const restored = await handleCall('issues.importPackage', { dataBase64: readFileSync(exported.value.path).toString('base64') }, ctx);
    expect(restored).toMatchObject({ ok: true, value: { issueId } });
  });

  it('has a handler for every channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });
});

describe('the contract', () => {
  type Def = { type: string; catchall?: { _zod: { def: { type: string } } }; options?: Array<{ _zod: { def: Def } }> };
  const isStrict = (def: Def): boolean =>
    def.type === 'union' ? (def.options ?? []).every((o) => isStrict(o._zod.def)) : def.type === 'object' && def.catchall?._zod.def.type === 'never';

  it('takes only strict objects as input on every channel (unknown fields refused)', () => {
    const loose = Object.entries(contract)
      .filter(([, spec]) => !isStrict((spec.input as unknown as { _zod: { def: Def } })._zod.def))
      .map(([name]) => name);
    expect(loose).toEqual([]);
  });

  it('bounds every string of every input', () => {
    // A 1 MB string in any top-level field is refused everywhere except where documents or uploads are carried.
    const carriers = new Set(['documents.save', 'documents.add', 'issues.importText', 'issues.importPackage', 'assets.put', 'documents.importWord']);
    const huge = 'x'.repeat(1_000_001);
    for (const [name, spec] of Object.entries(contract)) {
      if (carriers.has(name)) continue;
      const shape = (spec.input as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape ?? {};
      for (const [key, field] of Object.entries(shape)) expect(field.safeParse(huge).success, `${name}.${key}`).toBe(false);
    }
  });
});
