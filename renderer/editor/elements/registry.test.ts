import { describe, expect, it } from 'vitest';
import { pluginOf, plugins } from './index';

describe('editor element registry', () => {
  it('files each plugin under the element type it renders', () => {
    for (const [type, plugin] of Object.entries(pluginOf)) expect(plugin.type).toBe(type);
    expect(new Set(plugins.map((p) => p.type)).size).toBe(plugins.length);
  });
});
