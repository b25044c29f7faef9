import { describe, expect, it } from 'vitest';
import { DEFAULT_PRINT_SETTINGS } from '../../common/model/index';
import { settingsFrom } from './rows';

describe('settingsFrom', () => {
  it('fills missing settings with the defaults and drops keys that no longer exist', () => {
    const stored = JSON.stringify({ fonts: 'office', bleed: true, wideTables: 'landscape' });
    expect(settingsFrom(stored)).toEqual({ ...DEFAULT_PRINT_SETTINGS, fonts: 'office', bleed: true });
  });
  it('survives unreadable JSON', () => {
    expect(settingsFrom('{not json')).toEqual(DEFAULT_PRINT_SETTINGS);
  });
});
