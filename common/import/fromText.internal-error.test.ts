import { describe, expect, it, vi } from 'vitest';
import { contentPlainText } from '../model';

// Make the body builder fail to prove the top level catches it and keeps every line.
vi.mock('./blocks', async (importOriginal) => {
  const original = await importOriginal<typeof import('./blocks')>();
  return { ...original, buildBody: () => { throw new Error('boom'); } };
});

const { importDocumentFromText, importIssueFromText } = await import('./fromText');

describe('an internal error', () => {
  it('gives one document with every line as a paragraph and an internal-error warning', () => {
    const { tree, warnings } = importIssueFromText('关于某事的通知\n\n格政办〔2024〕5号\n\n正文一。\n正文二。');
    expect(warnings.map((w) => w.code)).toEqual(['internal-error']);
    expect(tree.sections).toHaveLength(1);
    expect(contentPlainText(tree.sections[0].documents[0].content)).toBe('关于某事的通知\n格政办〔2024〕5号\n正文一。\n正文二。');
  });
  it('does the same for a single document', () => {
    const { content, warnings } = importDocumentFromText('甲\n乙');
    expect(warnings[0].code).toBe('internal-error');
    expect(contentPlainText(content)).toBe('甲\n乙');
  });
});
