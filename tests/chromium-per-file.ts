/** One Chromium for a test file: launched before its tests, closed after them. */
import { afterAll, beforeAll } from 'vitest';
import { ChromiumEngine } from '../main/export/chromium';

export function chromiumPerFile(): { readonly engine: ChromiumEngine } {
  let engine: ChromiumEngine | undefined;
  beforeAll(async () => {
    engine = await ChromiumEngine.launch();
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
  });
  return {
    get engine() {
      if (!engine) throw new Error('Chromium was not launched');
      return engine;
    },
  };
}
