import { describe, expect, it } from 'vitest';
import { splitLines } from './lines';
import { matchTitleAt, segmentDocuments } from './segment';
import type { TocEntry } from './toc';

const BODY = `格尔木市人民政府

关于李润等同志职务任免的通知

格政人〔2024〕11号

各单位：

正文。

关于某事的通知

格政办〔2024〕5号

正文二。

7 月 份 大 事 记

7月1日，会议。`;

const entry = (title: string, docNumber = ''): TocEntry => ({ title, docNumber, sectionIndex: 0, line: 1 });

describe('matchTitleAt', () => {
  it('matches a title split over lines with blank lines between', () => {
    const lines = splitLines(BODY);
    expect(matchTitleAt(lines, 0, '格尔木市人民政府关于李润等同志职务任免的通知', lines.length)).toBe(3);
    expect(matchTitleAt(lines, 0, '格尔木市人民政府关于别的通知', lines.length)).toBe(-1);
  });
});

describe('segmentDocuments', () => {
  const lines = splitLines(BODY);
  it('finds TOC entries in order, and documents not in the TOC by their 文号 line', () => {
    const { segments, missing } = segmentDocuments(lines, 0, [entry('格尔木市人民政府关于李润等同志职务任免的通知'), entry('7月份大事记'), entry('不存在的文件')]);
    expect(segments.map((s) => [lines[s.start].no, lines[s.titleEnd - 1].no, s.entry?.title ?? null])).toEqual([
      [1, 3, '格尔木市人民政府关于李润等同志职务任免的通知'],
      [11, 11, null],
      [17, 17, '7月份大事记'],
    ]);
    expect(segments.map((s) => s.end)).toEqual([10, 16, lines.length]);
    expect(missing.map((m) => m.title)).toEqual(['不存在的文件']);
  });
  it('without a TOC relies on 文号 lines and the 大事记 title', () => {
    const { segments } = segmentDocuments(lines, 0, []);
    expect(segments.map((s) => lines[s.start].no)).toEqual([1, 11, 17]);
  });
});

describe('document starts without blank lines (Word files whose paragraphs have no empty ones between)', () => {
  it('takes neither a TOC line nor a table row above the title into the title', () => {
    const lines = splitLines(
      ['大事记', '7月份大事记……………（54）', '格尔木市人民政府办公室关于聘用全市营商环境监督员的通知', '格政办〔2024〕9号', '各单位：', '正文。',
        '刻章日期\t年 月 日', '刻章店确认意见 (加盖公章)\t\t\t', '格尔木市人民政府办公室关于印发打击盗采砂金专项整治行动工作方案的通知', '格政办发〔2024〕69号', '正文二。'].join('\n'),
    );
    const { segments } = segmentDocuments(lines, 0, []);
    expect(segments.map((s) => lines.slice(s.start, s.titleEnd).map((l) => l.text))).toEqual([
      ['格尔木市人民政府办公室关于聘用全市营商环境监督员的通知'],
      ['格尔木市人民政府办公室关于印发打击盗采砂金专项整治行动工作方案的通知'],
    ]);
  });
});
