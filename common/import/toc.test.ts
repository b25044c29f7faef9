import { describe, expect, it } from 'vitest';
import { splitLines } from './lines';
import { parseToc } from './toc';

const TEXT = `目 录

市政府办公室文件

格尔木市人民政府办公室关于聘用全市营商环境监督员的通知
格政办〔2024〕9号……………（3）

本刊所登公文与正式
文件具有同等效力

传达政令
宣传政策

格尔木市人民政府
政务公开信息

格尔木市人民政府办公室关于印发格尔木市打击非法
集资专项行动工作方案的通知

格政办发〔2024〕71号……………（44）

人事任免

格尔木市人民政府关于张光利等同志职务任免的通
知

格政人〔2024〕12号……………（53）

大事记

7月份大事记……………（54）

格尔木市人民政府办公室 关于聘用全市营商环境监督员的通知

格政办〔2024〕9号`;

describe('parseToc', () => {
  const lines = splitLines(TEXT);
  const toc = parseToc(lines, 1, '格尔木市人民政府政务公开信息');

  it('reads section names and entries, joining wrapped titles', () => {
    expect(toc.sections).toEqual(['市政府办公室文件', '人事任免', '大事记']);
    expect(toc.entries.map((e) => [e.sectionIndex, e.title, e.docNumber, e.page])).toEqual([
      [0, '格尔木市人民政府办公室关于聘用全市营商环境监督员的通知', '格政办〔2024〕9号', 3],
      [0, '格尔木市人民政府办公室关于印发格尔木市打击非法集资专项行动工作方案的通知', '格政办发〔2024〕71号', 44],
      [1, '格尔木市人民政府关于张光利等同志职务任免的通知', '格政人〔2024〕12号', 53],
      [2, '7月份大事记', '', 54],
    ]);
  });
  it('separates the interleaved sidebar from the entries', () => {
    expect(toc.sidebarNotice).toEqual(['本刊所登公文与正式', '文件具有同等效力']);
    expect(toc.sidebarSlogans).toEqual(['传达政令', '宣传政策']);
  });
  it('ends where the first document title appears again', () => {
    expect(lines[toc.end].text).toBe('格尔木市人民政府办公室 关于聘用全市营商环境监督员的通知');
    expect(toc.unplaced).toEqual([]);
  });
  it('runs to the end of a text that is only a TOC, keeping a title without 文号 as incomplete', () => {
    const only = parseToc(splitLines('目录\n\n大事记\n\n关于某事的通知'), 1, '');
    expect(only.end).toBe(5);
    expect(only.incomplete.map((e) => e.title)).toEqual(['关于某事的通知']);
  });
});
