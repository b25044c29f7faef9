/**
 * Electron-only smoke test: start the built app with a temp userData and check it stays up. Skipped with a
 * message where the Electron binary is not installed (it downloads on first use; the build machines have
 * no network for it).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const pathFile = path.join(ROOT, 'node_modules/electron/path.txt');
const binary = existsSync(pathFile) ? path.join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()) : '';
const hasElectron = binary !== '' && existsSync(binary);

if (!hasElectron) console.warn('electron smoke tests skipped: no Electron binary (node_modules/electron/dist). Run `npx electron --version` once with network to fetch it.');

describe.skipIf(!hasElectron)('Electron shell (needs the Electron binary)', () => {
  it('starts the app and keeps running with a fresh library', async () => {
    expect(existsSync(path.join(ROOT, 'dist/main/index.cjs'))).toBe(true);
    const home = mkdtempSync(path.join(tmpdir(), 'gazette-electron-'));
    const child = spawn(binary, ['.', '--no-sandbox'], { cwd: ROOT, env: { ...process.env, XDG_CONFIG_HOME: home, APPDATA: home, ELECTRON_ENABLE_LOGGING: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 8000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    child.kill();
    expect(exited, stderr).toBeNull();
    expect(existsSync(path.join(home, 'gazette', 'library.sqlite'))).toBe(true);
  });
});
