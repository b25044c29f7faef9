import { describe, expect, it } from 'vitest';
import type { BlockElement } from '../model';
import { attachmentItemName, blockTypeAfter, enterOpensLineAbove, headingNumberBackspace, isTypedAttachmentLabel, isTypedIndent, typedHeadingLevel } from './paragraphFlow';

const b = (type: string, text = 'x') => ({ type, children: [{ text }] }) as unknown as BlockElement;

describe('paragraph flow', () => {
  it('follows 标题 with 文号 while the document has none, then 主送, then 正文', () => {
    expect(blockTypeAfter([b('doc-title')], 0)).toBe('doc-number');
    expect(blockTypeAfter([b('doc-title'), b('doc-number')], 0)).toBe('paragraph');
    expect(blockTypeAfter([b('doc-title'), b('doc-number')], 1)).toBe('addressee');
    expect(blockTypeAfter([b('doc-title'), b('addressee')], 1)).toBe('paragraph');
    expect(blockTypeAfter([b('heading')], 0)).toBe('paragraph');
    expect(blockTypeAfter([b('signature')], 0)).toBe('date-line');
    expect(blockTypeAfter([b('paragraph')], 0)).toBeUndefined();
    // An attachment's title is followed by 正文, never by a 文号.
    expect(blockTypeAfter([b('doc-title'), b('paragraph'), b('attachment-heading'), b('doc-title')], 3)).toBe('paragraph');
    expect(blockTypeAfter([b('attachment-heading')], 0)).toBe('doc-title');
  });

  it('recognises the four typed heading numbers and nothing else', () => {
    expect(typedHeadingLevel('一、')).toBe(1);
    expect(typedHeadingLevel('十二、')).toBe(1);
    expect(typedHeadingLevel('（三）')).toBe(2);
    expect(typedHeadingLevel('(三)')).toBe(2);
    expect(typedHeadingLevel('1.')).toBe(3);
    expect(typedHeadingLevel('2．')).toBe(3);
    expect(typedHeadingLevel('（1）')).toBe(4);
    expect(typedHeadingLevel('2024.')).toBeUndefined();
    expect(typedHeadingLevel('一')).toBeUndefined();
    expect(typedHeadingLevel('正文一、')).toBeUndefined();
  });

  it('recognises 附件： and cleans item names', () => {
    expect(isTypedAttachmentLabel('附件：')).toBe(true);
    expect(isTypedAttachmentLabel('附件:')).toBe(true);
    expect(isTypedAttachmentLabel('附件1')).toBe(false);
    expect(attachmentItemName('附件：1.格尔木市实施方案')).toBe('格尔木市实施方案');
    expect(attachmentItemName('2．评分表')).toBe('评分表');
  });

  it('drops spaces typed before a paragraph’s text, which the print indents already', () => {
    const body = { type: 'paragraph', children: [{ text: '' }] } as BlockElement;
    expect(isTypedIndent(body, '', '\u3000')).toBe(true);
    expect(isTypedIndent(body, '\u3000', '\u3000')).toBe(true);
    expect(isTypedIndent(body, '', ' ')).toBe(true);
    expect(isTypedIndent({ type: 'heading', level: 1, children: [{ text: '' }] }, '', '\u3000')).toBe(true);
    expect(isTypedIndent(body, '现将', '\u3000')).toBe(false);
    expect(isTypedIndent(body, '', '现')).toBe(false);
    expect(isTypedIndent({ type: 'paragraph', indent: false, children: [{ text: '' }] }, '', '\u3000')).toBe(false);
    expect(isTypedIndent({ type: 'signature', children: [{ text: '' }] } as BlockElement, '', '\u3000')).toBe(false);
  });

  it('Backspace drops a heading’s number when the caret is at its start or just after the number', () => {
    const h = { type: 'heading', level: 2, children: [{ text: '（一）指导思想' }] } as BlockElement;
    expect(headingNumberBackspace(h, '')).toBe('（一）');
    expect(headingNumberBackspace(h, '（一）')).toBe('（一）');
    expect(headingNumberBackspace(h, '（一')).toBeUndefined();
    expect(headingNumberBackspace(h, '（一）指')).toBeUndefined();
    expect(headingNumberBackspace({ type: 'heading', level: 1, children: [{ text: '第一章 总则' }] }, '')).toBeUndefined();
    expect(headingNumberBackspace({ type: 'paragraph', children: [{ text: '一、总则' }] }, '')).toBeUndefined();
  });

  it('opens a 正文 line above a heading, 标题 or 署名 on Enter at its start (after a heading number too)', () => {
    const h = { type: 'heading', level: 1, children: [{ text: '一、总体要求' }] } as BlockElement;
    expect([enterOpensLineAbove(h, ''), enterOpensLineAbove(h, '一、'), enterOpensLineAbove(h, '一'), enterOpensLineAbove(h, '一、总')]).toEqual([true, true, false, false]);
    for (const type of ['doc-title', 'doc-number', 'addressee', 'signature', 'date-line', 'attachment-heading']) expect(enterOpensLineAbove(b(type), ''), type).toBe(true);
    for (const type of ['paragraph', 'chronicle-entry', 'checkbox']) expect(enterOpensLineAbove(b(type), ''), type).toBe(false);
    expect(enterOpensLineAbove(b('heading', ''), '')).toBe(false);
  });
});

