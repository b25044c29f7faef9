/** `gazette web --port N` listens on N (the port was parsed and then ignored). */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, it } from 'vitest';
import { ensureBuilt, freshDbPath, ROOT } from './e2e-support';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

it('honours --port', async () => {
  ensureBuilt();
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/gazette.mjs', 'web', '--db', freshDbPath(), '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0].trim());
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect(new URL(line).port).toBe(String(port));
    expect((await fetch(line)).status).toBe(200);
  } finally {
    child.kill('SIGTERM');
  }
}, 60_000);
