import { describe, expect, it } from 'vitest';
import { isTableLine, splitLines } from './lines';

describe('splitLines', () => {
  it('numbers lines from 1 and accepts LF, CRLF and CR line ends and a BOM', () => {
    expect(splitLines('\uFEFFa\r\nb\rc\nd').map((l) => [l.no, l.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
    ]);
  });
  it('strips the conversion\'s "- " list marker (also indented) and remembers it', () => {
    const [a, b, c] = splitLines('- 附件：1. 名单\n - 2.表\n-1 不是标记');
    expect([a.text, a.listMarker]).toEqual(['附件：1. 名单', true]);
    expect([b.text, b.listMarker]).toEqual(['2.表', true]);
    expect([c.text, c.listMarker]).toEqual(['-1 不是标记', false]);
  });
  it('keeps trailing tabs (they are empty table cells) but drops trailing spaces', () => {
    const [line] = splitLines('高 静\t法人代表\t\t  ');
    expect(line.text).toBe('高 静\t法人代表\t\t');
    expect(isTableLine(line)).toBe(true);
    expect(isTableLine(splitLines('\t\t')[0])).toBe(false);
  });
});
