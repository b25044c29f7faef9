import { describe, expect, it } from 'vitest';
import { cleanBodyText, parseCell, parseInline, squeezeTitle, stripInline } from './inline';

describe('parseInline', () => {
  it('turns markdown bold pairs into bold leaves', () => {
    expect(parseInline('1. **申报。**东城区')).toEqual([{ text: '1. ' }, { text: '申报。', bold: true }, { text: '东城区' }]);
  });
  it('drops an unpaired marker (conversion artefact) and keeps the text', () => {
    expect(parseInline('备注：**')).toEqual([{ text: '备注：' }]);
    expect(stripInline('a**b**c**')).toBe('abc');
  });
});

describe('squeezeTitle', () => {
  it('removes spaces that marked print line breaks and letter-spacing between CJK characters', () => {
    expect(squeezeTitle('格尔木市人民政府办公室 关于印发2024年城市体检工作实施方案的 通 知')).toBe(
      '格尔木市人民政府办公室关于印发2024年城市体检工作实施方案的通知',
    );
    expect(squeezeTitle('格尔木市 2024 年度藜麦产业扶持资金补贴 申报表')).toBe('格尔木市2024年度藜麦产业扶持资金补贴申报表');
    expect(squeezeTitle('7 月 份 大 事 记')).toBe('7月份大事记');
  });
  it('keeps a space between two Latin words', () => {
    expect(squeezeTitle('CIM Platform 建设')).toBe('CIM Platform建设');
  });
});

describe('cleanBodyText', () => {
  it('removes spaces between CJK and digits, collapses runs of spaces', () => {
    expect(cleanBodyText('  按照到 2025 年城市   目标 ')).toBe('按照到2025年城市 目标');
  });
});

describe('parseCell', () => {
  it('splits <p> paragraphs and keeps their alignment', () => {
    expect(parseCell('<p>1. 刻制印章。</p> <p style="text-align: right;">年 月 日</p>')).toEqual([
      { text: '1. 刻制印章。' },
      { text: '年 月 日', align: 'right' },
    ]);
  });
  it('prints check boxes as □', () => {
    expect(parseCell('<input type="checkbox"/> 现场领取 <input type="checkbox"/> 邮寄')).toEqual([{ text: '□ 现场领取 □ 邮寄' }]);
  });
  it('keeps text outside <p> elements', () => {
    expect(parseCell('前<p>中</p>后').map((p) => p.text)).toEqual(['前', '中', '后']);
  });
});
