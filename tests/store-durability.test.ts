import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { contentPlainText } from '../common/model/index';
import { openLibrary } from '../main/store/index';
import { makeTree, tempDir } from './store-fixtures';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

it('keeps a confirmed save when the process is killed right after it (SIGKILL, no close)', async () => {
  const file = path.join(dir, 'library.sqlite');
  const setup = openLibrary(file, { logger: { warn: () => {} } });
  const issueId = setup.issues.insertTree(makeTree());
  const documentId = setup.issues.toc(issueId)[0].documentId;
  setup.close();

  const store = pathToFileURL(path.resolve(import.meta.dirname, '..', 'main', 'store', 'index.ts')).href;
  const child = path.join(dir, 'child.mjs');
  writeFileSync(
    child,
    `const { openLibrary } = await import(${JSON.stringify(store)});
const lib = openLibrary(${JSON.stringify(file)}, { logger: { warn() {} } });
for (let i = 1; i <= 5; i++) {
  lib.documents.save(${JSON.stringify(documentId)}, [{ type: 'paragraph', children: [{ text: '确认保存的第' + i + '版' }] }]);
  process.stdout.write('saved ' + i + '\\n');
}
setInterval(() => {}, 1000); // stay alive until killed
`,
  );
  const proc = spawn(process.execPath, ['--import', 'tsx', child], { cwd: path.resolve(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('saved 5')) {
        proc.kill('SIGKILL');
        resolve();
      }
    });
    proc.on('exit', (code) => (out.includes('saved 5') ? resolve() : reject(new Error(`child exited early: ${code}`))));
  });
  await new Promise((resolve) => proc.on('close', resolve));

  const reopened = openLibrary(file, { logger: { warn: () => {} } });
  try {
    expect(contentPlainText(reopened.documents.get(documentId).content)).toBe('确认保存的第5版');
    expect(reopened.revisions.list(documentId)[0]).toMatchObject({ kind: 'save', chars: '确认保存的第5版'.length });
    expect(reopened.search('确认保存的第5版').map((h) => h.documentId)).toEqual([documentId]);
  } finally {
    reopened.close();
  }
});
