import { describe, expect, it } from 'vitest';
import type { BlockElement } from '../model';
import { minutesHeadAt } from './minutesHead';

const b = (type: string, text: string) => ({ type, children: [{ text }] }) as BlockElement;
const title = b('doc-title', '格尔木市人民政府常务会议纪要');
const organ = b('signature', '格尔木市人民政府办公室');
const date = b('date-line', '2024年3月5日');
const body = b('paragraph', '会议研究了有关工作。');

describe('minutesHeadAt', () => {
  it("finds a 纪要's 署名 + date right under its title, with or without a 文号", () => {
    expect(minutesHeadAt([title, b('doc-number', '〔2024〕5号'), organ, date, body])).toBe(2);
    expect(minutesHeadAt([title, organ, date, body])).toBe(1);
  });

  it('leaves a 落款 that closes the text, a lone 署名 or date, and other documents alone', () => {
    expect(minutesHeadAt([title, body, organ, date])).toBe(-1);
    expect(minutesHeadAt([title, organ, body])).toBe(-1);
    expect(minutesHeadAt([title, date, body])).toBe(-1);
    expect(minutesHeadAt([b('doc-title', '关于做好冬季道路养护工作的通知'), organ, date, body])).toBe(-1);
    expect(minutesHeadAt([b('attachment-heading', '附件1'), title, organ, date])).toBe(-1);
    expect(minutesHeadAt([])).toBe(-1);
  });
});
