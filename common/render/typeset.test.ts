import { describe, expect, it } from 'vitest';
import { DEFAULT_PRINT_SETTINGS, type TableElement } from '../model';
import { squeezePositions } from './squeeze';
import { leaderLabelEm, leaderListWithoutRowSpans, runInLeaves, titleBreakOffsets, titleLines, titleWordsHtml } from './typeset';
import { renderBlocks, renderLeaves, renderTable } from './toHtml';

describe('punctuation squeezing', () => {
  it('takes the blank half of the first of two marks, or of an opening mark after one', () => {
    expect([...squeezePositions('（一）。')]).toEqual([[2, 'right']]);
    expect([...squeezePositions('“甲”“乙”')]).toEqual([[2, 'right']]);
    expect([...squeezePositions('方案》（西农')]).toEqual([[2, 'right']]);
    expect([...squeezePositions('吗？“好”')]).toEqual([[2, 'left']]);
    expect([...squeezePositions('没有成对的标点，也不挤压。')]).toEqual([]);
  });
  it('keeps the pair on one line and squeezes across runs', () => {
    expect(renderLeaves([{ text: '（集团）。下' }])).toBe('（集团<span class="gz-nobr"><span class="gz-sq">）</span>。</span>下');
    const html = renderLeaves([{ text: '（一）补贴对象。', leadIn: true, face: 'kai' }, { text: '（以三调为准）' }]);
    expect(html).toContain('<span class="gz-sq">。</span></span>（以三调');
  });
});

describe('table cells', () => {
  it('keep marks with their neighbours; header brackets are half width', () => {
    const cell = (text: string) => ({ type: 'table-cell' as const, children: [{ type: 'paragraph' as const, children: [{ text }] }] });
    const table: TableElement = {
      type: 'table',
      headerRows: 1,
      children: [
        { type: 'table-row', children: [cell('序号'), cell('涉及人数（人）')] },
        { type: 'table-row', children: [cell('1'), cell('甲（乙）')] },
      ],
    };
    const html = renderTable(table, DEFAULT_PRINT_SETTINGS, 't');
    expect(html).toContain('涉及人数<span class="gz-nobr"><span class="gz-sq-open">（</span>人<span class="gz-sq">）</span></span>');
    expect(html).toContain('甲<span class="gz-nobr">（乙）</span>');
    // 序号 numbers centred; the last column draws no rule of its own.
    expect(html).toMatch(/<td class="gz-align-center"><p>1<\/p><\/td>/);
    expect(html).toContain('<th class="gz-lc gz-align-center">');
  });
});

describe('（一）-level run-in headings', () => {
  it('marks the phrase up to the first 。 as the lead-in', () => {
    expect(runInLeaves([{ text: '（一）调查摸底阶段（2024年8月）。一是依法。' }])).toEqual([
      { text: '（一）调查摸底阶段（2024年8月）。', leadIn: true },
      { text: '一是依法。' },
    ]);
    expect(runInLeaves([{ text: '（五）补贴程序。' }])).toEqual([{ text: '（五）补贴程序。' }]);
  });
  it('prints only the lead-in in 楷体: the heading is a run-in, a whole heading has its inner run', () => {
    const doc = (children: unknown[]) =>
      ({ id: 'd', kind: 'notice', title: '', docNumber: '', position: 0, sectionId: 's', updatedAt: '', content: { schemaVersion: 1, blocks: [{ type: 'heading', level: 2, children }] } }) as never;
    const runIn = renderBlocks(doc([{ text: '（一）补贴对象。', leadIn: true, face: 'kai' }, { text: '格尔木市' }]), DEFAULT_PRINT_SETTINGS);
    expect(runIn).toContain('class="gz-h gz-h2 gz-runin"');
    expect(runIn).toContain('<span class="gz-face-kai gz-leadin">（一）补贴对象。</span>格尔木市');
    const whole = renderBlocks(doc([{ text: '（五）补贴程序。' }]), DEFAULT_PRINT_SETTINGS);
    expect(whole).toContain('<span class="gz-hrun">（五）补贴程序。</span>');
  });
});

describe('title breaks', () => {
  it('allows breaks between words only, never inside terms or single characters', () => {
    const text = '关于印发2024年城市体检工作实施方案的通知';
    const breaks = titleBreakOffsets(text);
    const pieces = breaks.map((b, i) => text.slice(i ? breaks[i - 1] : 0, b));
    expect(pieces).toContain('体检');
    // Never 体/检, 城/市, 印/发, 2024/年度.
    for (const bad of ['体检', '城市', '印发', '实施方案']) {
      const at = text.indexOf(bad);
      for (let k = at + 1; k < at + bad.length; k++) expect(breaks).not.toContain(k);
    }
    expect(titleBreakOffsets('关于印发2024年度藜麦产业').includes('关于印发2024'.length)).toBe(false);
    expect(titleWordsHtml('格尔木市打击非法集资')).toBe('格尔木市<wbr>打击<wbr>非法<wbr>集资');
    expect(titleWordsHtml('<甲>')).toBe('&lt;甲&gt;');
  });

  it('keeps a short name in 《》 or “” whole (国发〔2004〕18号: not 《国务院 / 工作规则》)', () => {
    const inside = (text: string, name: string) => {
      const at = text.indexOf(name);
      return titleBreakOffsets(text).filter((b) => b > at && b < at + name.length);
    };
    expect(inside('国务院关于印发《国务院工作规则》的通知', '《国务院工作规则》')).toEqual([]);
    expect(inside('国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见', '“双随机、一公开”')).toEqual([]);
    // Its edges stay breaks: the title can still break before the name.
    expect(titleBreakOffsets('国务院关于印发《国务院工作规则》的通知')).toContain('国务院关于印发'.length);
    // A name too long for one line may still break inside.
    expect(inside('关于贯彻实施《中华人民共和国个人所得税法实施条例若干问题的规定》的通知', '《中华人民共和国个人所得税法实施条例若干问题的规定》').length).toBeGreaterThan(0);
  });
});

describe('leader lists', () => {
  const cell = (text: string, rowSpan?: number) => ({ type: 'table-cell' as const, rowSpan, children: [{ type: 'paragraph' as const, children: [{ text }] }] });
  const table: TableElement = {
    type: 'table',
    variant: 'leader-list',
    headerRows: 0,
    children: [
      { type: 'table-row', children: [cell('成员：', 3), cell('甲'), cell('局长')] },
      { type: 'table-row', children: [cell('乙'), cell('副局长')] },
      { type: 'table-row', children: [cell('丙'), cell('主任')] },
    ],
  };
  it('drop row spans: the label stays in the first row, the rows below get an empty cell', () => {
    const flat = leaderListWithoutRowSpans(table);
    expect(flat.children.map((r) => r.children.length)).toEqual([3, 3, 3]);
    expect(flat.children[0].children[0].rowSpan).toBeUndefined();
    const html = renderTable(table, DEFAULT_PRINT_SETTINGS, 't');
    expect(html).not.toContain('rowspan');
  });
});

describe('leader list label column', () => {
  const cell = (text: string) => ({ type: 'table-cell' as const, children: [{ type: 'paragraph' as const, children: [{ text }] }] });
  const list = (...labels: string[]): TableElement => ({
    type: 'table',
    variant: 'leader-list',
    headerRows: 0,
    children: labels.map((label) => ({ type: 'table-row' as const, children: [cell(label), cell('王建国'), cell('市长')] })),
  });
  it('is 4 em, wider for a longer label (副召集人： wrapped after three characters), at most 6 em', () => {
    expect(leaderLabelEm(list('组　长：', '成　员：'))).toBe(4);
    expect(leaderLabelEm(list('召集人：', '副召集人：'))).toBe(5);
    expect(leaderLabelEm(list('领导小组常务副组长：'))).toBe(6);
    expect(renderTable(list('召集人：', '副召集人：'), DEFAULT_PRINT_SETTINGS, 't')).toContain('<col style="width:5em"><col style="width:4em"><col>');
  });
});

describe('title lines for Word', () => {
  it('break between words, in the fewest and most even lines of at most 19 characters', () => {
    expect(titleLines('国务院关于印发国家职业教育改革实施方案的通知')).toEqual(['国务院关于印发国家职业教育', '改革实施方案的通知']);
    expect(titleLines('关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告')).toEqual(['关于湖北省巴东县官渡口镇马鬃', '山村地质险情调研情况的报告']);
    expect(titleLines('关于开展安全生产大检查的通知')).toEqual(['关于开展安全生产大检查的通知']);
    for (const line of titleLines('最高人民法院最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释（法释〔2016〕29号）') ?? []) {
      expect(line.length).toBeLessThanOrEqual(19);
    }
    // No word boundary within 19 characters: Word breaks by itself.
    expect(titleLines(`关于${'1'.repeat(50)}的通知`)).toBeNull();
  });
});
