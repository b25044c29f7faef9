import { describe, expect, it } from 'vitest';
import { cumulativeLabel, evenRunningHead, issueLabel, tocTitle } from './labels';
import { DEFAULT_PRINT_SETTINGS } from './types';

describe('labels derived from an issue or a document', () => {
  it('takes the TOC override before the derived title, and gives "" when there is neither', () => {
    expect(tocTitle({ title: '关于印发方案的通知', tocTitleOverride: '方案' })).toBe('方案');
    expect(tocTitle({ title: '关于印发方案的通知' })).toBe('关于印发方案的通知');
    expect(tocTitle({ title: '', tocTitleOverride: '' })).toBe('');
  });

  it('names the issue and its cumulative number as printed on the cover', () => {
    expect(issueLabel({ year: 2024, number: 6 })).toBe('2024年第6期');
    expect(cumulativeLabel(191)).toBe('总第191期');
  });

  it('fills every placeholder of the even running head, however often it appears', () => {
    const issue = { journalName: '政务公开信息', year: 2024, number: 6, settings: DEFAULT_PRINT_SETTINGS };
    expect(evenRunningHead(issue)).toBe('政务公开信息　2024年第6期');
    const twice = { ...issue, settings: { ...DEFAULT_PRINT_SETTINGS, evenRunningHead: '{year}/{number} {journal} {year}/{number}' } };
    expect(evenRunningHead(twice)).toBe('2024/6 政务公开信息 2024/6');
  });
});
