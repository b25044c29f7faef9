/** scripts/timeout-margins.ts: each test's limit read from its source, set against its duration in a vitest JSON report. */
import { describe, expect, it } from 'vitest';
import { declaredLimits, margins } from '../scripts/timeout-margins';

const source = `
const LONG = 600_000;
describe('outer', () => {
  it('own limit', async () => {}, 60_000);
  it('named limit', async () => {}, LONG);
  it('option limit', { timeout: 90_000 }, async () => {
    await page.waitForSelector('x', { timeout: 5_000 }); // a wait inside the test is not its limit
  });
  it.each(['a.docx', 'b.docx'])('%s is read', () => {});
  describe('inner', { timeout: 200_000 }, () => {
    it('inherits', () => {});
  });
});
it('config default', () => {});
beforeAll(async () => {}, 300_000);
`;

describe('timeout margins', () => {
  it('finds the limits of tests, describe blocks and hooks, and no other timeout', () => {
    const found = declaredLimits('x.test.ts', source);
    expect(found.explicit).toBe(5);
    expect(found.hookLimits).toEqual([300_000]);
    expect(found.tests.map((t) => t.timeout)).toEqual([60_000, 600_000, 90_000, undefined, undefined, undefined]);
  });

  it('sets each test against its limit, most of its limit first', () => {
    const test = (ancestorTitles: string[], title: string, duration: number) => ({ ancestorTitles, title, fullName: [...ancestorTitles, title].join(' '), status: 'passed', duration });
    const report = {
      testResults: [
        {
          name: '/repo/tests/x.test.ts',
          startTime: 0,
          endTime: 1,
          assertionResults: [
            test(['outer'], 'own limit', 6_000),
            test(['outer'], 'named limit', 6_000),
            test(['outer'], 'option limit', 9_000),
            test(['outer'], 'b.docx is read', 100_000),
            test(['outer', 'inner'], 'inherits', 150_000),
            test([], 'config default', 12_000),
          ],
        },
      ],
    };
    const result = margins(report, '/repo', () => source, { testMs: 120_000, hookMs: 300_000 });
    expect(result.tests.map((t) => [t.test, t.limitMs, t.limitFrom, Math.round(t.share * 100)])).toEqual([
      ['outer b.docx is read', 120_000, 'config', 83],
      ['outer inner inherits', 200_000, 'describe', 75],
      ['outer own limit', 60_000, 'test', 10],
      ['outer option limit', 90_000, 'test', 10],
      ['config default', 120_000, 'config', 10],
      ['outer named limit', 600_000, 'test', 1],
    ]);
    expect(result.hooks).toEqual([{ file: 'tests/x.test.ts', limitsMs: [300_000] }]);
  });
});
