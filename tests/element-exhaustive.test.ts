/**
 * A new element type must not compile until every layer handles it. This copies common/ and renderer/ to
 * a temporary project, adds a dummy block type to the model's BlockElement union, type-checks the layers
 * and expects an error naming the dummy type in each of them (a registry missing its entry or a switch
 * reaching assertNever). CONTRIBUTING.md lists the same places.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

/** Every layer that must handle each element type: where the registry or the exhaustive switch lives. */
const LAYERS = [
  'common/model/text.ts', // plain text (search, integrity checks)
  'common/model/normalize.ts', // normalisation on every load and import
  'common/render/toHtml.ts', // print HTML
  'common/render/docx/blocks.ts', // DOCX
  'common/render/toWeb.ts', // web edition
  'renderer/editor/elements/index.ts', // editor plugins
];

const dir = mkdtempSync(path.join(tmpdir(), 'gazette-exhaustive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('adding an element type', () => {
  it('fails type checking in every renderer, normalisation and the editor until each handles it', () => {
    for (const folder of ['common', 'renderer']) {
      cpSync(path.join(root, folder), path.join(dir, folder), { recursive: true, filter: (src) => !/\.test\.tsx?$/.test(src) });
    }
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');

    const typesFile = path.join(dir, 'common/model/types.ts');
    const types = readFileSync(typesFile, 'utf8');
    const patched = types.replace(
      'export type BlockElement =\n',
      "export interface DummyElement {\n  type: 'dummy-element';\n  children: TextLeaf[];\n}\n\nexport type BlockElement =\n  | DummyElement\n",
    );
    expect(patched).not.toBe(types);
    writeFileSync(typesFile, patched);

    const base = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    const { composite: _c, emitDeclarationOnly: _e, declaration: _d, ...options } = base.compilerOptions;
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...options, noEmit: true, lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: [] }, files: LAYERS }),
    );

    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', dir, '--pretty', 'false'], {
      cwd: dir,
      encoding: 'utf8',
    });
    const errors = tsc.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(tsc.status).not.toBe(0);
    for (const layer of LAYERS) {
      const mine = errors.filter((line) => line.startsWith(layer + '('));
      expect(mine.some((line) => /dummy-element|DummyElement/.test(line)), `${layer} accepts the new type silently:\n${errors.join('\n')}`).toBe(true);
    }
    // Nothing else broke: every error names the dummy type.
    expect(errors.filter((line) => !/dummy-element|DummyElement/.test(line))).toEqual([]);
  });
});
