/**
 * Where the print page and its assets live on disk, and how a request path maps to a file, with strict
 * containment (no `..` escapes). The Chromium engine serves these through request interception; the
 * Electron shell can serve the same tree through its app:// protocol.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from '../appRoot';


/** The built renderer (Vite output): dist/renderer, containing print/print.html and assets/. */
export function rendererDist(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}

export function printPagePath(): string {
  return path.join(rendererDist(), 'print', 'print.html');
}

export function assertPrintPageBuilt(): void {
  if (!existsSync(printPagePath())) {
    throw new Error(`the print page is not built (${printPagePath()} missing): run \`npm run build\``);
  }
}

/** Map a URL path (/print/print.html, /assets/x.woff2) to a file under dist/renderer, or null. */
export function resolveRendererFile(urlPath: string): string | null {
  const root = rendererDist();
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return existsSync(file) ? file : null;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};
