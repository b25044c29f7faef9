/**
 * Several programs writing one library at once: two web bridges (two windows of the app), a second process
 * calling the handlers directly, and the CLI importing issues. Every write must succeed (BEGIN IMMEDIATE
 * waits for the write lock within the busy timeout) and every acknowledged write must be in the file.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentPlainText } from '../common/model/index';
import { openLibrary } from '../main/store/index';
import { ensureBuilt, ROOT, startServer, type RunningServer } from './e2e-support';
import { makeTree, para, tempDir } from './store-fixtures';

const TOTAL_WRITES = 500;
const CLI_IMPORTS = 8;

const doc = (text: string) => ({ schemaVersion: 1, blocks: [para(text)] });

type Outcome = { ok: true } | { ok: false; message: string };

async function post(server: RunningServer, channel: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const response = await fetch(`${server.base}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-gazette-token': server.token, origin: server.base },
    body: JSON.stringify(payload),
  });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
}

describe('two bridges, a second process and the CLI writing one library', () => {
  let dir: string;
  let cleanup: () => void;
  let file: string;
  let servers: RunningServer[] = [];
  let sectionIds: string[];
  let documentIds: string[];

  beforeAll(async () => {
    ensureBuilt();
    ({ dir, cleanup } = tempDir('gazette-concurrency-'));
    file = path.join(dir, 'library.sqlite');
    const setup = openLibrary(file, { logger: { warn: () => {} } });
    const issueId = setup.issues.insertTree(makeTree());
    const tree = setup.issues.getTree(issueId);
    sectionIds = tree.sections.map((s) => s.id);
    documentIds = tree.sections.flatMap((s) => s.documents.map((d) => d.id));
    setup.close();
    servers = [await startServer(file), await startServer(file)];
  });

  afterAll(async () => {
    for (const s of servers) await s.stop();
    cleanup?.();
  });

  it('loses and fails no write', async () => {
    expect(documentIds.length).toBeGreaterThanOrEqual(2);
    const perWriter = Math.floor((TOTAL_WRITES - CLI_IMPORTS) / 3);
    const added = new Map<string, string>(); // text -> documentId, for every acknowledged add
    const lastSaved = new Map<string, string>(); // documentId -> the last acknowledged content text
    const failures: string[] = [];

    /** A bridge writer: alternately adds a document and saves its own document (a read, then a write). */
    const bridgeWriter = async (name: string, server: RunningServer, ownDocument: string, count: number) => {
      for (let i = 0; i < count; i++) {
        const text = `${name}写入第${i}次`;
        const result =
          i % 2 === 0
            ? await post(server, 'documents.add', { sectionId: sectionIds[i % sectionIds.length], content: doc(text) })
            : await post(server, 'documents.save', { documentId: ownDocument, content: doc(text) });
        if (!result.ok) failures.push(`${name} ${i}: ${result.error?.message}`);
        else if (i % 2 === 0) added.set(text, (result.value as { documentId: string }).documentId);
        else lastSaved.set(ownDocument, text);
      }
    };

    /** A second process with the library open (as a second app window would be), calling the handlers. */
    const handlerProcess = (count: number) =>
      new Promise<Array<{ text: string; outcome: Outcome & { documentId?: string } }>>((resolve, reject) => {
        const script = path.join(dir, 'writer.mjs');
        const handlers = pathToFileURL(path.join(ROOT, 'main/handlers/index.ts')).href;
        const store = pathToFileURL(path.join(ROOT, 'main/store/index.ts')).href;
        writeFileSync(
          script,
          `const { handleCall } = await import(${JSON.stringify(handlers)});
const { openLibrary } = await import(${JSON.stringify(store)});
const library = openLibrary(${JSON.stringify(file)}, { logger: { warn() {} } });
const results = [];
for (let i = 0; i < ${count}; i++) {
  const text = '进程写入第' + i + '次';
  const r = await handleCall('documents.add', { sectionId: ${JSON.stringify(sectionIds[0])}, content: { schemaVersion: 1, blocks: [{ type: 'paragraph', children: [{ text }] }] } }, { deps: { library, logger: { warn() {}, error() {} } } });
  results.push({ text, outcome: r.ok ? { ok: true, documentId: r.value.documentId } : { ok: false, message: r.error.message } });
}
library.close();
process.stdout.write(JSON.stringify(results));
`,
        );
        const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`writer exited ${code}`))));
      });

    /** The CLI: `gazette import` of a small text file, one issue per run. */
    const cliWriter = async () => {
      const imported: string[] = [];
      for (let i = 0; i < CLI_IMPORTS; i++) {
        const text = path.join(dir, `cli-${i}.txt`);
        writeFileSync(text, `关于命令行第${i}次导入的通知\n\n各单位：\n命令行导入的正文第${i}段。\n`);
        const run = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
          const child = spawn(process.execPath, ['bin/gazette.mjs', 'import', text, '--db', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          let err = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.on('data', (d: Buffer) => (err += d.toString()));
          child.on('exit', (code) => resolve({ code, out, err }));
        });
        if (run.code !== 0) failures.push(`cli ${i}: ${run.err.trim()}`);
        else imported.push((JSON.parse(run.out) as { issueId: string }).issueId);
      }
      return imported;
    };

    const [, , processResults, cliIssues] = await Promise.all([
      bridgeWriter('甲窗口', servers[0], documentIds[0], perWriter),
      bridgeWriter('乙窗口', servers[1], documentIds[1], perWriter),
      handlerProcess(TOTAL_WRITES - CLI_IMPORTS - 2 * perWriter),
      cliWriter(),
    ]);
    for (const r of processResults) {
      if (!r.outcome.ok) failures.push(`process: ${r.outcome.message}`);
      else added.set(r.text, r.outcome.documentId!);
    }
    const writes = 2 * perWriter + processResults.length + CLI_IMPORTS;
    expect(writes).toBe(TOTAL_WRITES);
    expect(failures).toEqual([]);

    // Every acknowledged write is in the file, as acknowledged.
    const check = openLibrary(file, { logger: { warn: () => {} } });
    try {
      let lost = 0;
      for (const [text, documentId] of added) if (contentPlainText(check.documents.get(documentId).content) !== text) lost++;
      for (const [documentId, text] of lastSaved) if (contentPlainText(check.documents.get(documentId).content) !== text) lost++;
      const issues = new Set(check.issues.list().map((i) => i.id));
      lost += cliIssues.filter((id) => !issues.has(id)).length;
      expect(lost).toBe(0);
      expect(cliIssues).toHaveLength(CLI_IMPORTS);
      expect(String(check.rawDb.pragma('quick_check', { simple: true }))).toBe('ok');
      console.log(`concurrency: ${writes} writes by 4 writers (2 bridges, 1 process, CLI), ${failures.length} failed, ${lost} lost`);
    } finally {
      check.close();
    }
  }, 600_000);
});

