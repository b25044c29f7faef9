/** The main-process log file: where it is, rotation, what `gazette` commands write, and no document text. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleCall } from '../main/handlers/index';
import { createFileLogger, describeDetail, logDir } from '../main/log';
import { openLibrary } from '../main/store/index';
import { ROOT } from './e2e-support';
import { makeTree, tempDir } from './store-fixtures';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('gazette-log-')));
afterEach(() => cleanup());

describe('the log file', () => {
  it('lives in the app data folder unless GAZETTE_LOG_DIR says otherwise', () => {
    expect(logDir({ XDG_CONFIG_HOME: '/xdg' })).toBe(path.join('/xdg', 'gazette', 'logs'));
    expect(logDir({ GAZETTE_LOG_DIR: '/var/tmp/g' })).toBe('/var/tmp/g');
  });

  it('rotates at its size limit and keeps three old files', () => {
    const log = createFileLogger('test', { dir, maxBytes: 2000 });
    for (let i = 0; i < 200; i++) log.warn(`line ${i} ${'x'.repeat(50)}`);
    expect(existsSync(path.join(dir, 'gazette.log.1'))).toBe(true);
    expect(existsSync(path.join(dir, 'gazette.log.3'))).toBe(true);
    expect(existsSync(path.join(dir, 'gazette.log.4'))).toBe(false);
    expect(readFileSync(log.file, 'utf8')).toContain('line 199');
    expect(readFileSync(log.file, 'utf8')).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z WARN test\[\d+\] line/);
  });

  it('describes errors by name, code, message and frames, and other values by type only', () => {
    const error = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(describeDetail(error)).toMatch(/^Error SQLITE_BUSY: database is locked \| at /);
    expect(describeDetail({ content: '机密正文' })).toBe('(object)');
  });

  it('gets every `gazette` failure, so 详情已写入日志 is true', () => {
    const empty = path.join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    const logs = path.join(dir, 'logs');
    const run = spawnSync(process.execPath, ['bin/gazette.mjs', 'search', '机密的检索词', '--db', empty], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, GAZETTE_LOG_DIR: logs },
    });
    expect(run.status).not.toBe(0);
    const text = readFileSync(path.join(logs, 'gazette.log'), 'utf8');
    expect(text).toContain('ERROR cli[');
    expect(text).toContain('gazette search failed');
    expect(text).toContain('这个文件是空的');
    expect(text).not.toContain('机密的检索词');
  });

  it('logs why a payload was refused or a save failed, without the document text', async () => {
    const file = path.join(dir, 'library.sqlite');
    const setup = openLibrary(file, { logger: { warn: () => {} } });
    const documentId = setup.issues.toc(setup.issues.insertTree(makeTree()))[0].documentId;
    setup.close();
    const library = openLibrary(file, { logger: { warn: () => {} }, readOnly: true });
    const log = createFileLogger('test', { dir });
    const secret = '这是不应出现在日志里的机密正文';
    try {
      const refused = await handleCall('documents.save', { documentId, content: { schemaVersion: 1, blocks: 'x', note: secret } }, { deps: { library, logger: log } });
      expect(refused.ok).toBe(false);
      const failed = await handleCall('documents.save', { documentId, content: { schemaVersion: 1, blocks: [{ type: 'paragraph', children: [{ text: secret }] }] } }, { deps: { library, logger: log } });
      expect(failed).toMatchObject({ ok: false, error: { code: 'read-only' } });
    } finally {
      library.close();
    }
    const text = readFileSync(log.file, 'utf8');
    expect(text).toContain('refused documents.save');
    expect(text).toContain('documents.save failed: read-only');
    expect(text).not.toContain(secret);
  });
});
