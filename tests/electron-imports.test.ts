/**
 * Electron's binary cannot run here and is downloaded lazily: only the Electron entry (main/index.ts,
 * main/electron/**) and the preload may import it at runtime. Everything the tests, the CLI and the web
 * bridge load must use `import type` only.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const ALLOWED = [/^main\/index\.ts$/, /^main\/electron\//, /^preload\//];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx|mts|mjs)$/.test(name)) out.push(rel);
  }
  return out;
}

/** Runtime imports of electron: `import x from 'electron'`, `import 'electron'`, require/import() calls. */
export function runtimeElectronImports(code: string): string[] {
  const hits: string[] = [];
  const patterns = [/^\s*import\s+(?!type\b)[^;]*?from\s+['"]electron['"]/gm, /^\s*import\s+['"]electron['"]/gm, /require\(\s*['"]electron['"]\s*\)/g, /import\(\s*['"]electron['"]\s*\)/g];
  for (const p of patterns) for (const m of code.matchAll(p)) hits.push(m[0].trim());
  return hits;
}

describe('electron stays out of everything but the Electron entry', () => {
  it('recognises runtime imports and ignores type imports', () => {
    expect(runtimeElectronImports("import { app } from 'electron';")).toHaveLength(1);
    expect(runtimeElectronImports("import type { App } from 'electron';")).toHaveLength(0);
    expect(runtimeElectronImports("const e = require('electron');")).toHaveLength(1);
  });

  it('no source outside main/index.ts, main/electron and preload imports electron at runtime', () => {
    const offenders = ['common', 'main', 'renderer', 'scripts', 'tests', 'bin']
      .flatMap(sources)
      .filter((file) => !ALLOWED.some((a) => a.test(file)) && file !== 'tests/electron-imports.test.ts')
      .filter((file) => runtimeElectronImports(readFileSync(path.join(ROOT, file), 'utf8')).length > 0);
    expect(offenders).toEqual([]);
  });

  it('loading the CLI, the handlers and the web bridge never resolves electron', () => {
    // A resolve hook that fails loudly on 'electron', then import the modules the app runs outside Electron.
    const hook = `
      import { register } from 'node:module';
      register('data:text/javascript,' + encodeURIComponent(\`
        export async function resolve(specifier, context, next) {
          if (specifier === 'electron') throw new Error('electron was imported by ' + context.parentURL);
          return next(specifier, context);
        }\`));
      const { register: tsx } = await import('tsx/esm/api');
      tsx();
      await import('./main/cli.ts');
      await import('./main/handlers/index.ts');
      await import('./main/handlers/export.ts');
      await import('./main/web/server.ts');
      await import('./main/commands/web.ts');
      console.log('clean');
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', hook], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).not.toContain('electron was imported');
    expect(result.stdout.trim()).toBe('clean');
  });
});
