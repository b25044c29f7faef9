import { describe, expect, it } from 'vitest';
import { formatChineseDate, parseChineseDate } from './dates';

describe('dates as 2024年7月31日', () => {
  it('formats ISO dates the Chinese way and reads what editors type', () => {
    expect(formatChineseDate('2024-07-31')).toBe('2024年7月31日');
    expect(parseChineseDate('2024年7月31日')).toBe('2024-07-31');
    expect(parseChineseDate('2024-7-5')).toBe('2024-07-05');
    expect(parseChineseDate('2024.07.05')).toBe('2024-07-05');
    expect(parseChineseDate('2024年2月30日')).toBeNull();
    expect(parseChineseDate('七月')).toBeNull();
  });
});
