import { defineConfig } from 'vitest/config';

/**
 * Test tiers. `npm run test:unit` (GAZETTE_TESTS=unit): pure functions, the store and the handlers without
 * a browser or LibreOffice, under a minute. `npm run test:e2e` (GAZETTE_TESTS=e2e): everything that drives
 * Chromium, LibreOffice, the CLI or the Word worker. `npm test` runs both, as CI does.
 */
const ALL = ['common/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'tests/**/*.test.ts'];
// Not here although they need no browser: tests/electron-imports.test.ts and tests/log.test.ts start Node
// processes that compile main/ through tsx (27 s and 13 s of the unit tier's 123 s at load average 20).
const UNIT = [
  'common/**/*.test.ts',
  'renderer/**/*.test.ts',
  'renderer/**/*.test.tsx',
  'main/store/**/*.test.ts',
  'main/web/**/*.test.ts',
  'main/import/importFiles.test.ts',
  'main/import/docxFaces.test.ts',
  'main/export/pageReuse.test.ts',
  'main/export/pdfArtifacts.test.ts',
  'main/export/pdfLigatures.test.ts',
  'main/export/layoutCache.test.ts',
  'tests/search-grams.test.ts',
  'main/export/printService.test.ts',
  'main/hostServices.test.ts',
  'tests/store-library.test.ts',
  'tests/store-handlers.test.ts',
  'tests/store-paths.test.ts',
  'tests/import-reference.test.ts',
  'tests/import-sample.test.ts',
  'tests/import-html.test.ts',
  'tests/contract-paths.test.ts',
  'tests/bad-payloads.test.ts',
  'tests/docx-export.test.ts',
  'tests/front-matter-unset.test.ts',
  'tests/print-toHtml.test.ts',
  'tests/preview-unit.test.ts',
  'tests/electron-builder-config.test.ts',
  'tests/fonts-cmap.test.ts',
  'tests/typeset-check.test.ts',
  'tests/pdf-text.test.ts',
  'tests/volume-errors.test.ts',
  'tests/timeout-margins.test.ts',
];
const tier = process.env.GAZETTE_TESTS;

export default defineConfig({
  test: {
    include: tier === 'unit' ? UNIT : ALL,
    exclude: tier === 'e2e' ? [...UNIT, '**/node_modules/**'] : ['**/node_modules/**'],
    // PDF export and end-to-end tests drive a real Chromium; 2-core machines are slow. At load average 26 on
    // 2 cores the slowest test on the default took 45 % of it; a test that needs more says so with its own
    // limit. `npm run timeout-margins -- REPORT.json` lists every test's share of its limit.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Word imports run a worker: bundled once per run here instead of compiled by tsx in every worker.
    globalSetup: ['tests/setup/docxWorker.ts'],
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
