/// <reference lib="dom" />
/**
 * Renders build/icon.png (1024×1024), the app icon electron-builder.yml names: a red seal-like square with
 * 政 and 公开信息 in the bundled Noto Serif SC, drawn by the system Chromium. `npx tsx scripts/make-icon.ts`.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const chromiumPath = () => [process.env.GAZETTE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => p && existsSync(p));
const ROOT = path.resolve(import.meta.dirname, '..');
const css = pathToFileURL(path.join(ROOT, 'node_modules/@fontsource/noto-serif-sc/700.css')).href;
const html = `<!doctype html><html><head><link rel="stylesheet" href="${css}"><style>
html, body { margin: 0; width: 1024px; height: 1024px; background: transparent; }
.tile { position: absolute; inset: 40px; border-radius: 200px; background: linear-gradient(160deg, #d42a22, #a8120f);
  box-shadow: inset 0 0 0 18px #a8120f, inset 0 0 0 30px #f6e7c8; }
.main { position: absolute; left: 0; right: 0; top: 150px; text-align: center; font: 700 540px/1 'Noto Serif SC'; color: #fff8ea; }
.sub { position: absolute; left: 0; right: 0; top: 742px; text-align: center; font: 700 120px/1 'Noto Serif SC'; color: #fff8ea; letter-spacing: 24px; text-indent: 24px; }
.rule { position: absolute; left: 260px; right: 260px; top: 712px; height: 8px; background: #f6e7c8; }
</style></head><body><div class="tile"></div><div class="main">政</div><div class="rule"></div><div class="sub">公开信息</div></body></html>`;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--allow-file-access-from-files'] });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
  // A file: page, so the file: font CSS may load.
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gazette-icon-')), 'icon.html');
  writeFileSync(file, html);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(path.join(ROOT, 'build'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'build', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log('build/icon.png written');
