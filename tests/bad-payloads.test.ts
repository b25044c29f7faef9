/**
 * Bad payloads of any shape through the one call wrapper every host uses (Electron IPC, the web bridge, the
 * CLI): refused as bad-request with a logged reason, never a crash or an internal error. (The bridge's
 * HTTP side — nesting before parsing, body size, content type — is in main/web/server.test.ts.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { handleCall } from '../main/handlers/index';
import { openLibrary, type Library } from '../main/store/index';
import { makeTree } from './store-fixtures';

let library: Library;
let documentId: string;
const warned: string[] = [];
const errors: string[] = [];
const logger = { warn: (m: string) => warned.push(m), error: (m: string) => errors.push(m) };

beforeAll(() => {
  library = openLibrary(':memory:', { logger: { warn: () => {} } });
  documentId = library.issues.toc(library.issues.insertTree(makeTree()))[0].documentId;
});
afterAll(() => library.close());

function nested(depth: number): unknown {
  let value: unknown = { type: 'paragraph', children: [{ text: 'x' }] };
  for (let i = 0; i < depth; i++) value = { type: 'paragraph', children: [value] };
  return value;
}

it.each([
  ['deep nesting', () => ({ documentId, content: { schemaVersion: 1, blocks: [nested(100_000)] } })],
  ['a huge array', () => ({ documentId, content: { schemaVersion: 1, blocks: new Array(1_000_000).fill({ type: 'paragraph' }) } })],
  ['wrong types', () => ({ documentId: 42, content: 'text' })],
  ['an array for the payload', () => [documentId]],
  ['extra fields', () => ({ documentId, content: { schemaVersion: 1, blocks: [] }, path: '/etc/passwd' })],
  ['a string', () => 'documents.save'],
  ['a throwing getter', () => Object.defineProperty({ content: { schemaVersion: 1, blocks: [] } }, 'documentId', { enumerable: true, get: () => { throw new Error('boom'); } })],
])('refuses %s with bad-request and logs why', async (_, payload) => {
  warned.length = 0;
  const result = await handleCall('documents.save', payload(), { deps: { library, logger } });
  expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  expect(warned).toHaveLength(1);
  expect(warned[0]).toMatch(/^refused documents\.save/);
  expect(errors).toEqual([]);
}, 60_000);
