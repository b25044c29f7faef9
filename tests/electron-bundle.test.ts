/**
 * Electron runs main as one CommonJS bundle (dist/main/index.cjs, built by esbuild), where import.meta.url
 * is empty. Bundle the handlers the same way and load the export area inside it: a module that computes
 * paths from import.meta.url without a fallback would fail here, i.e. every export in the desktop app.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleNode } from '../scripts/nodeBundle.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('the CommonJS bundle Electron runs', () => {
  it('loads the export handlers without import.meta', async () => {
    // Inside the project so the bundle resolves its externals (better-sqlite3 …) from node_modules.
    const cache = path.join(ROOT, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const outfile = path.join(mkdtempSync(path.join(cache, 'gazette-bundle-')), 'handlers.cjs');
    // The same esbuild setup as Electron's main (scripts/build.mjs).
    await bundleNode(path.join(ROOT, 'main/handlers/index.ts'), outfile);
    const bundle = createRequire(import.meta.url)(outfile) as {
      handleCall(channel: string, payload: unknown, ctx: unknown): Promise<{ ok: boolean }>;
    };
    const logged: string[] = [];
    const deps = {
      library: { issues: { getTree: () => { throw new Error('reached the handler'); } } },
      logger: { warn: () => undefined, error: (_: string, detail: unknown) => logged.push(String(detail)) },
    };
    const result = await bundle.handleCall('export.docx', { issueId: 'x' }, { deps });
    expect(result.ok).toBe(false);
    expect(logged.join('\n')).toContain('reached the handler');
    expect(logged.join('\n')).not.toContain('ERR_INVALID_ARG_TYPE');
  });
});
