import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two pages: the app (renderer/index.html) and the print page that Paged.js runs in (renderer/print/print.html).
const root = resolve(import.meta.dirname, 'renderer');
const pages = {
  app: resolve(root, 'index.html'),
  print: resolve(root, 'print/print.html'),
};
const input = Object.fromEntries(Object.entries(pages).filter(([, file]) => existsSync(file)));

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  // slate-react's lodash debounce/throttle, with flush() that clears its timer (renderer/editor/lodash-debounce.ts).
  resolve: {
    alias: {
      'lodash/debounce': resolve(root, 'editor/lodash-debounce.ts'),
      'lodash/throttle': resolve(root, 'editor/lodash-throttle.ts'),
    },
  },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    rollupOptions: { input },
    chunkSizeWarningLimit: 4000,
    minify: process.env.GAZETTE_NO_MINIFY ? false : 'esbuild',
  },
});
