import { expect, it } from 'vitest';
import type { ParagraphElement } from '../model';
import { isCentredHeadingLine } from './centredHeading';

const para = (children: ParagraphElement['children'], extra: Partial<ParagraphElement> = {}): ParagraphElement => ({ type: 'paragraph', children, ...extra });

it('takes a short centred line wholly in 黑体 for a heading, and nothing else', () => {
  expect(isCentredHeadingLine(para([{ text: '第二章\u3000组成人员职责', face: 'hei' }], { align: 'center', indent: false }))).toBe(true);
  expect(isCentredHeadingLine(para([{ text: '第一章', face: 'hei' }, { text: ' ' }, { text: '总则', face: 'hei' }], { align: 'center' }))).toBe(true);
  // Not centred, not wholly 黑体, too long, empty, or a table note.
  expect(isCentredHeadingLine(para([{ text: '第二章 组成人员职责', face: 'hei' }]))).toBe(false);
  expect(isCentredHeadingLine(para([{ text: '第二章', face: 'hei' }, { text: '组成人员职责' }], { align: 'center' }))).toBe(false);
  expect(isCentredHeadingLine(para([{ text: '一'.repeat(41), face: 'hei' }], { align: 'center' }))).toBe(false);
  expect(isCentredHeadingLine(para([{ text: '', face: 'hei' }], { align: 'center' }))).toBe(false);
  expect(isCentredHeadingLine(para([{ text: '注：单位万元', face: 'hei' }], { align: 'center', role: 'table-note' }))).toBe(false);
});
