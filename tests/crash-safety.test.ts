/**
 * The host killed with SIGKILL (power cut, OOM killer, kill -9): every edit the app reported as saved must be
 * in the library when it opens again, and the file must be sound. The host is the real web bridge
 * (`node bin/gazette.mjs web`) in its own process; it is killed the moment its answer arrives, before it can
 * close anything. Also killed in the middle of a big autosave (the file holds the old text or the new one,
 * never a mix) and in the middle of a migration (the library opens, migrated, with its data; no half
 * backup is left looking like a whole one).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, watch } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentPlainText, type IssueTree } from '../common/model/index';
import { isSoundDatabase } from '../main/store/backups';
import { GRAMS_FUNCTION, searchGrams } from '../main/store/grams';
import { MIGRATIONS, LATEST_VERSION } from '../main/store/migrations/index';
import { openLibrary } from '../main/store/index';
import { callApi, ensureBuilt, ROOT, startServer, type RunningServer } from './e2e-support';
import { para, tempDir } from './store-fixtures';

const quiet = { warn: () => {} };
const { dir, cleanup } = tempDir('gazette-crash-');
beforeAll(() => ensureBuilt());
afterAll(cleanup);

/** A contract call the way the app's page makes it; its answer, or `{ ok: false }` with the refusal. */
const post = (server: RunningServer, channel: string, payload: unknown) =>
  callApi(server, channel, payload).then(
    (value) => ({ ok: true, value, error: undefined }),
    (error: Error) => ({ ok: false, value: undefined, error: { message: error.message } }),
  );

async function kill9(server: RunningServer): Promise<void> {
  await server.stop('SIGKILL');
  expect(server.process.signalCode).toBe('SIGKILL');
}

/** A document of `paragraphs` paragraphs of varied text, with `marker` in the first and the last. */
function bigContent(marker: string, paragraphs: number) {
  const blocks = Array.from({ length: paragraphs }, (_, i) =>
    para(`${i === 0 || i === paragraphs - 1 ? marker : ''}第${i + 1}段：为进一步优化营商环境，落实城市体检工作责任，各单位要按照时间节点完成第${(i * 37) % 1009}项任务。`),
  );
  return { schemaVersion: 1, blocks };
}

function firstDocument(file: string): { issueId: string; sectionId: string; documentId: string } {
  const lib = openLibrary(file, { logger: quiet });
  try {
    const issueId = lib.issues.list()[0].id;
    const tree: IssueTree = lib.issues.getTree(issueId);
    return { issueId, sectionId: tree.sections[0].id, documentId: tree.sections[0].documents[0].id };
  } finally {
    lib.close();
  }
}

function reopen<T>(file: string, read: (lib: ReturnType<typeof openLibrary>) => T): T {
  const lib = openLibrary(file, { logger: quiet });
  try {
    expect(String(lib.rawDb.pragma('quick_check', { simple: true }))).toBe('ok');
    return read(lib);
  } finally {
    lib.close();
  }
}

describe('the web bridge killed with SIGKILL right after it answered', () => {
  it('keeps a save, a big autosave and an import batch it reported as done', async () => {
    const file = path.join(dir, 'bridge', 'library.sqlite');
    // A new library starts with the sample issue.
    let server = await startServer(file);
    await server.stop('SIGTERM');
    const { documentId, sectionId } = firstDocument(file);

    // 1. One small save, killed the moment the answer is in.
    server = await startServer(file);
    const saved = await post(server, 'documents.save', { documentId, content: { schemaVersion: 1, blocks: [para('断电前确认保存的修改')] } });
    await kill9(server);
    expect(saved.ok, JSON.stringify(saved.error)).toBe(true);
    reopen(file, (lib) => {
      expect(contentPlainText(lib.documents.get(documentId).content)).toBe('断电前确认保存的修改');
      expect(lib.search('断电前确认保存').map((h) => h.documentId)).toContain(documentId);
    });

    // 2. The autosave of a big document (4,000 paragraphs, ~0.5 MB of text).
    server = await startServer(file);
    const big = bigContent('大文件自动保存标记', 4000);
    const autosaved = await post(server, 'documents.save', { documentId, content: big });
    await kill9(server);
    expect(autosaved.ok, JSON.stringify(autosaved.error)).toBe(true);
    reopen(file, (lib) => {
      const content = lib.documents.get(documentId).content;
      expect(content.blocks).toHaveLength(4000);
      expect(contentPlainText(content)).toBe(contentPlainText(big as never));
    });

    // 3. An import batch of three files.
    server = await startServer(file);
    const uploads = ['一', '二', '三'].map((n, i) => ({
      fileName: `通知${i + 1}.txt`,
      dataBase64: Buffer.from(`关于做好第${n}批次安全检查工作的通知\n\n各单位：\n现将第${n}批次安全检查工作有关事项通知如下。\n\n市政府办公室\n2024年6月${i + 1}日\n`).toString('base64'),
    }));
    const imported = await post(server, 'documents.importFiles', { sectionId, uploads });
    await kill9(server);
    expect(imported.ok, JSON.stringify(imported.error)).toBe(true);
    const importedIds = (imported.value as { documents: Array<{ id: string }> }).documents.map((d) => d.id);
    expect(importedIds).toHaveLength(3);
    reopen(file, (lib) => {
      const titles = importedIds.map((id) => lib.documents.get(id).title);
      expect(titles).toEqual(['关于做好第一批次安全检查工作的通知', '关于做好第二批次安全检查工作的通知', '关于做好第三批次安全检查工作的通知']);
    });
  }, 240_000);

  it('killed in the middle of a big autosave: the old text or the new, whole, never a mix', async () => {
    const file = path.join(dir, 'midsave', 'library.sqlite');
    let server = await startServer(file);
    await server.stop('SIGTERM');
    const { documentId } = firstDocument(file);
    const before = reopen(file, (lib) => contentPlainText(lib.documents.get(documentId).content));

    server = await startServer(file);
    const big = bigContent('写到一半被终止', 6000);
    // Killed as soon as the library's write-ahead log changes after the request went out: mid-transaction
    // or just after the commit, whichever the machine's load makes it.
    const folder = path.dirname(file);
    let killed = false;
    const watcher = watch(folder, (_event, name) => {
      if (killed || name !== 'library.sqlite-wal') return;
      killed = true;
      server.process.kill('SIGKILL');
    });
    const answer = post(server, 'documents.save', { documentId, content: big }).catch(() => null);
    await new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
    watcher.close();
    const reply = await answer;
    expect(killed).toBe(true);

    const after = reopen(file, (lib) => contentPlainText(lib.documents.get(documentId).content));
    const newText = contentPlainText(big as never);
    expect([before, newText]).toContain(after);
    // An answered save is never lost.
    if (reply?.ok) expect(after).toBe(newText);
  }, 240_000);
});

/** A library at schema `version` with `documents` documents, written as that version's app left it. */
function libraryAtVersion(file: string, version: number, documents: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.function(GRAMS_FUNCTION, { deterministic: true }, (text: unknown) => searchGrams(typeof text === 'string' ? text : null));
  for (const m of MIGRATIONS.filter((m) => m.version <= version)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  db.exec(`INSERT INTO issues VALUES ('i1', '政务公开信息', 2024, 5, 190, '2024-06-30', 'draft', '{}', '{}', 48, 't', 't');
           INSERT INTO sections VALUES ('s1', 'i1', '市政府文件', 0);`);
  const insert = db.prepare(
    `INSERT INTO documents (id, section_id, kind, title, doc_number, position, content, plain_text, updated_at) VALUES (?, 's1', 'notice', ?, '', ?, ?, ?, 't')`,
  );
  db.transaction(() => {
    for (let i = 0; i < documents; i++) {
      const text = `迁移中被终止的第${i}号文件，各单位要按照时间节点完成第${(i * 37) % 1009}项任务，落实城市体检工作责任。`.repeat(8);
      insert.run(`d${i}`, `第${i}号通知`, i, JSON.stringify({ schemaVersion: 1, blocks: [para(text)] }), text);
    }
  })();
  db.close();
}

describe('the CLI killed with SIGKILL in the middle of a migration', () => {
  it('the library opens again, migrated, with every document; no half backup is left as a whole one', async () => {
    const work = path.join(dir, 'migrate');
    const file = path.join(work, 'library.sqlite');
    mkdirSync(work, { recursive: true });
    const from = 3; // before the search-index migrations (004, 006), which rewrite every document
    libraryAtVersion(file, from, 3000);

    // `gazette list` opens the library, which backs it up, then migrates it. Killed twice: first as soon as
    // the backup is being written, then as soon as it is in place (the migrations under way).
    const killOn = async (when: (name: string) => boolean) => {
      const child = spawn(process.execPath, ['bin/gazette.mjs', 'list', '--db', file], {
        cwd: ROOT,
        stdio: 'ignore',
        env: { ...process.env, GAZETTE_LOG_DIR: path.join(work, 'logs') },
      });
      let killed = false;
      const watcher = watch(work, (_event, name) => {
        if (killed || !name || !when(name)) return;
        killed = true;
        child.kill('SIGKILL');
      });
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      watcher.close();
      expect(killed, `exit ${code}`).toBe(true);
    };
    await killOn((name) => name.includes('.bak'));
    for (const name of readdirSync(work).filter((n) => n.endsWith('.bak'))) expect(isSoundDatabase(path.join(work, name)), name).toBe(true);
    const before = new Set(readdirSync(work));
    await killOn((name) => name.endsWith('.bak') && !before.has(name));

    // Whatever was on disk when it died: each backup that looks finished is a sound database.
    for (const name of readdirSync(work).filter((n) => n.endsWith('.bak'))) expect(isSoundDatabase(path.join(work, name)), name).toBe(true);

    reopen(file, (lib) => {
      expect(Number(lib.rawDb.pragma('user_version', { simple: true }))).toBe(LATEST_VERSION);
      expect((lib.rawDb.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(3000);
      expect(lib.search('迁移中被终止的第2999号').map((h) => h.documentId)).toEqual(['d2999']);
    });
    // The next open finished the job: each backup is whole; what a killed backup left is marked unfinished.
    const left = readdirSync(work).filter((n) => n !== 'logs' && n !== 'backups' && n !== 'library.sqlite' && !n.startsWith('library.sqlite-'));
    expect(left.filter((n) => !n.endsWith('.bak') && !/\.bak\.tmp(-journal)?$/.test(n))).toEqual([]);
    expect(left.filter((n) => n.endsWith('.bak')).length).toBeGreaterThan(0);
    for (const name of left.filter((n) => n.endsWith('.bak'))) expect(isSoundDatabase(path.join(work, name)), name).toBe(true);
    expect(existsSync(file)).toBe(true);
  }, 240_000);
});
