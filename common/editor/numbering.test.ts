import { describe, expect, it } from 'vitest';
import type { BlockElement, HeadingLevel } from '../model';
import { chineseNumeral } from '../text/chineseNumerals';
import { renumberHeadings, splitHeadingNumber } from './numbering';

const h = (level: HeadingLevel, text: string): BlockElement => ({ type: 'heading', level, children: [{ text }] });
const texts = (blocks: BlockElement[]) => blocks.map((b) => b.children.map((c) => ('text' in c ? c.text : '')).join(''));

describe('chineseNumeral', () => {
  it('writes 1..99 the way headings print them', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九']);
  });
});

describe('splitHeadingNumber', () => {
  it('recognises all four forms, half- and full-width', () => {
    expect(splitHeadingNumber('三、保障措施').prefix).toBe('三、');
    expect(splitHeadingNumber('(二)加强领导').prefix).toBe('(二)');
    expect(splitHeadingNumber('（十二）加强领导').rest).toBe('加强领导');
    expect(splitHeadingNumber('3.摸清底数').prefix).toBe('3.');
    expect(splitHeadingNumber('（4）其他').prefix).toBe('（4）');
    expect(splitHeadingNumber('2024年工作').prefix).toBe('');
    expect(splitHeadingNumber('1.5倍').prefix).toBe('');
  });
});

describe('renumberHeadings', () => {
  it('renumbers after a level-1 heading is inserted in the middle', () => {
    const blocks = [h(1, '一、总体要求'), h(2, '（一）指导思想'), h(1, '新增部分'), h(1, '二、工作任务'), h(2, '（一）摸底')];
    expect(texts(renumberHeadings(blocks))).toEqual(['一、总体要求', '（一）指导思想', '二、新增部分', '三、工作任务', '（一）摸底']);
  });

  it('renumbers when a heading is removed and when levels change', () => {
    const blocks = [h(1, '一、甲'), h(1, '三、丙'), h(2, '（一）子'), h(3, '（一）改成三级'), h(4, '1.改成四级'), h(3, '2.次')];
    expect(texts(renumberHeadings(blocks))).toEqual(['一、甲', '二、丙', '（一）子', '1.改成三级', '（1）改成四级', '2.次']);
  });

  it('restarts at each title and attachment heading and keeps 第X条 alone', () => {
    const blocks: BlockElement[] = [
      h(1, '一、甲'),
      { type: 'attachment-heading', children: [{ text: '附件1' }] },
      { type: 'doc-title', children: [{ text: '方案' }] },
      h(1, '五、乙'),
      h(1, '第一条　总则'),
    ];
    expect(texts(renumberHeadings(blocks))).toEqual(['一、甲', '附件1', '方案', '一、乙', '第一条　总则']);
  });

  it('keeps marks of the first leaf and returns the same array when nothing changes', () => {
    const blocks: BlockElement[] = [{ type: 'heading', level: 2, children: [{ text: '(1)加强', face: 'kai', leadIn: true }, { text: '正文' }] }];
    const out = renumberHeadings(blocks);
    expect(out[0].children[0]).toEqual({ text: '（一）加强', face: 'kai', leadIn: true });
    expect(renumberHeadings(out)).toBe(out);
  });
});
