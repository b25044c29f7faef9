import { describe, expect, it } from 'vitest';
import type { BlockElement, DocumentKind, ImportWarning } from '../model';
import { buildBody, continuesAttachmentItem, namesAnotherAttachment, toUnits } from './blocks';
import { splitLines } from './lines';

function body(text: string, kind: DocumentKind = 'notice', hasAddressee = true): BlockElement[] {
  const lines = splitLines(text);
  const warnings: ImportWarning[] = [];
  return buildBody(toUnits(lines, 0, lines.length), kind, warnings, hasAddressee).blocks;
}
const textOf = (b: BlockElement) => ('children' in b ? (b.children as Array<{ text?: string }>).map((c) => c.text ?? '').join('') : '');

describe('joining lines the print broke', () => {
  it('joins a sentence cut at a page end, across the blank line', () => {
    const blocks = body('坚持以习近平生态文明思想为指导，全面贯彻，实现管理有\n\n序、良性发展。\n\n二、整治目标');
    expect(blocks.map(textOf)).toEqual(['坚持以习近平生态文明思想为指导，全面贯彻，实现管理有序、良性发展。', '二、整治目标']);
  });
  it('joins a numbered item cut mid-word, and a 第X条', () => {
    const blocks = body('（一）无证（照）、伪证（照）、超范\n\n围、持过期失效证（照）开采砂石资源的行为；\n\n第九条 营商环境监督员履行工作职责\n\n时，可以表明身份。', 'notice', false);
    expect(blocks.map(textOf)).toEqual(['（一）无证（照）、伪证（照）、超范围、持过期失效证（照）开采砂石资源的行为；', '第九条\u3000营商环境监督员履行工作职责时，可以表明身份。']);
  });
  it('does not join after a heading, a short label, or into a numbered line or a list item', () => {
    const blocks = body('一、指导思想\n\n坚持以习近平新时代中国特色社会主义思想为指导。\n\n完成时限：2024年6月\n\n（二）完成采集。继续。\n\n责任单位：市公安局\n\n配合单位：市数据局', 'notice', false);
    expect(blocks.map(textOf)).toEqual(['一、指导思想', '坚持以习近平新时代中国特色社会主义思想为指导。', '完成时限：2024年6月', '（二）完成采集。继续。', '责任单位：市公安局', '配合单位：市数据局']);
  });
  it('does not join after a sentence that ends with a footnote mark (。[2])', () => {
    const blocks = body('避免将其他有害物质纳入到有毒物质的范围。[2]\n\n有毒有害水污染物名录（第一批）', 'notice', false);
    expect(blocks.map(textOf)).toEqual(['避免将其他有害物质纳入到有毒物质的范围。[2]', '有毒有害水污染物名录（第一批）']);
  });
  it('never joins into a line that carried a list marker', () => {
    const blocks = body('- （四）年满十八周岁、不超过六十周\n- （五）法律规定的其他条件。', 'notice', false);
    expect(blocks).toHaveLength(2);
  });
});

describe('levels and run-in lead-ins', () => {
  it('reads 第X章 as a centred 黑体 line of its own that no line above runs into', () => {
    const blocks = body('2005年7月15日《国务院关于修改〈中华人民共和国防汛条例〉的决定》第一次修订\n\n第一章 总则\n\n第一条　为了做好防汛抗洪工作，制定本条例。\n\n第二节　附　　则', 'notice', false);
    expect(blocks.map(textOf)).toEqual(['2005年7月15日《国务院关于修改〈中华人民共和国防汛条例〉的决定》第一次修订', '第一章\u3000总则', '第一条\u3000为了做好防汛抗洪工作，制定本条例。', '第二节\u3000附　　则']);
    expect(blocks[1]).toEqual({ type: 'paragraph', align: 'center', indent: false, children: [{ text: '第一章\u3000总则', face: 'hei' }] });
    expect(body('第一章的规定适用于本条例。', 'notice', false)[0]).toEqual({ type: 'paragraph', children: [{ text: '第一章的规定适用于本条例。' }] });
  });
  it('keeps 一、 a heading only when it reads as one: a numbered sentence is body text, a run-in phrase a 黑体 lead-in', () => {
    const blocks = body(
      [
        '一、总体要求',
        '二、坚持稳中求进，推动高质量发展',
        '三、同意广东省气象局与香港天文台合建3个自动气象站；与澳门地球物理气象台合建2个自动气象站。',
        '四、自动气象站的建设要尽量避开军事设施和军事设施保护区域。勘察定点要征求军队主管部门的意见。',
        '五、建立煤矿安全生产长效机制。各地区、各部门要把加强煤矿安全生产保障机制建设作为重要内容。',
        '六、关于地方电网建设资金问题。大连市请求，在辽宁省对非居民用电加价。',
        '七、交通警察发现机动车驾驶人所持驾驶证记满12分的，依法扣留机动车驾驶证。',
        '八、制定有关矿产资源开发利用与保护的监督管理规章；',
      ].join('\n\n'),
      'notice',
      false,
    );
    expect(blocks.map((b) => (b.type === 'heading' ? `h${b.level}` : b.type))).toEqual(['h1', 'h1', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(blocks[2]).toEqual({ type: 'paragraph', children: [{ text: '三、同意广东省气象局与香港天文台合建3个自动气象站；与澳门地球物理气象台合建2个自动气象站。' }] });
    expect(blocks[3].children).toEqual([{ text: '四、自动气象站的建设要尽量避开军事设施和军事设施保护区域。勘察定点要征求军队主管部门的意见。' }]);
    expect(blocks[4].children).toEqual([{ text: '五、建立煤矿安全生产长效机制。', face: 'hei', leadIn: true }, { text: '各地区、各部门要把加强煤矿安全生产保障机制建设作为重要内容。' }]);
    expect(blocks[5].children[0]).toEqual({ text: '六、关于地方电网建设资金问题。', face: 'hei', leadIn: true });
    expect(blocks.slice(6).every((b) => b.children.length === 1 && !('face' in b.children[0]))).toBe(true);
  });
  it('gives level 2 a 楷体 lead-in up to the first 。 and normalises (二) to （二）', () => {
    const [b] = body('(二) 补贴作物。藜麦。', 'notice', false);
    expect(b).toEqual({ type: 'heading', level: 2, children: [{ text: '（二）补贴作物。', leadIn: true, face: 'kai' }, { text: '藜麦。' }] });
  });
  it('gives level 3 a bold lead-in, taken from the markdown bold when present', () => {
    const [a, b] = body('1. **申报。**东城区申报。\n\n2.紧盯重点案件。涉案金额千万元以上。', 'notice', false);
    expect(a).toEqual({ type: 'heading', level: 3, children: [{ text: '1.申报。', leadIn: true, bold: true }, { text: '东城区申报。' }] });
    expect(b.type === 'heading' && b.children[0]).toEqual({ text: '2.紧盯重点案件。', leadIn: true, bold: true });
  });
  it('makes a short phrase its own heading block and a numbered sentence a paragraph', () => {
    const blocks = body('（一）适用范围。\n\n（一）具有较强的法治意识和监督意识，以及较强的社会责任感；\n\n（二）其他可能影响公正履行职责的。', 'notice', false);
    expect(blocks.map((b) => (b.type === 'heading' ? `h${b.level}` : b.type))).toEqual(['h2', 'paragraph', 'paragraph']);
  });
  it('sets 第X条 in 黑体 followed by an ideographic space', () => {
    const [b] = body('第一条 本制度所称营商环境监督员。', 'notice', false);
    expect(b).toEqual({ type: 'paragraph', children: [{ text: '第一条', face: 'hei', leadIn: true }, { text: '\u3000本制度所称营商环境监督员。' }] });
  });
});

describe('附件说明 items over several lines', () => {
  it('joins the lines of each wrapped item, and stops at the next number, the 署名 and the date', () => {
    const blocks = body(
      '各相关单位：\n\n正文。\n\n附件：1. 格尔木市人民政府办公室关于印发2024年度藜麦产业扶持资金\n         补贴项目实施方案\n      2. 格尔木市营商环境监督员工作制度\n      3. 格尔木市打击非法集资专项行动\n         工作方案（试行）\n\n格尔木市人民政府办公室\n2024年7月15日',
    );
    const list = blocks.find((b) => b.type === 'attachment-list');
    expect(list && list.type === 'attachment-list' && list.children.map((i) => [i.number, i.children[0].text])).toEqual([
      ['1.', '格尔木市人民政府办公室关于印发2024年度藜麦产业扶持资金补贴项目实施方案'],
      ['2.', '格尔木市营商环境监督员工作制度'],
      ['3.', '格尔木市打击非法集资专项行动工作方案（试行）'],
    ]);
    expect(blocks.map((b) => b.type).slice(-2)).toEqual(['signature', 'date-line']);
  });
  it('continues an item only with a line that starts nothing of its own', () => {
    expect(continuesAttachmentItem('1. 关于印发某某资金', '补贴项目实施方案')).toBe(true);
    expect(continuesAttachmentItem('1. 关于印发某某资金', '2. 工作制度')).toBe(false);
    expect(continuesAttachmentItem('1. 关于印发某某资金', '2024年7月15日')).toBe(false);
    expect(continuesAttachmentItem('1. 关于印发某某资金', '（此件公开发布）')).toBe(false);
    expect(continuesAttachmentItem('1. 某某名单。', '下一段正文')).toBe(false);
  });
});

describe('unnumbered 附件说明 names on two lines', () => {
  const items = (blocks: BlockElement[]) => blocks.filter((b) => b.type === 'attachment-list').flatMap((b) => (b.type === 'attachment-list' ? b.children.map((i) => i.children[0].text) : []));
  const notice = (list: string) => `各单位：\n\n请认真组织实施。\n\n${list}\n\n格尔木市应急管理局\n2025年3月4日`;
  it('reads a name under a whole name as a second attachment, indented under the first or not', () => {
    expect(items(body(notice('附件：道路运输企业安全检查清单\n　　　重点企业联系人名单')))).toEqual(['道路运输企业安全检查清单', '重点企业联系人名单']);
    expect(items(body(notice('附件：应急物资储备点分布图\n乡镇应急值班安排表（2025年版）\n应急队伍联络员名单')))).toEqual(['应急物资储备点分布图', '乡镇应急值班安排表（2025年版）', '应急队伍联络员名单']);
  });
  it('still joins a long name wrapped onto the next line', () => {
    // Cut mid-name, inside 《》, or before a joining word: one name.
    expect(items(body(notice('附件：格尔木市2025年度城乡环境卫生综合整治工作\n　　　实施方案')))).toEqual(['格尔木市2025年度城乡环境卫生综合整治工作实施方案']);
    expect(items(body(notice('附件：关于印发《格尔木市安全生产责任清单\n管理办法》的通知')))).toEqual(['关于印发《格尔木市安全生产责任清单管理办法》的通知']);
    expect(items(body(notice('附件：格尔木市重点项目建设计划表\n　　　及资金分配方案')))).toEqual(['格尔木市重点项目建设计划表及资金分配方案']);
  });
  it('leaves numbered items to their numbers', () => {
    expect(namesAnotherAttachment('附件：1. 格尔木市营商环境监督员名单', '工作制度')).toBe(false);
    expect(namesAnotherAttachment('附件：营商环境监督员名单', '监督员工作制度')).toBe(true);
    expect(namesAnotherAttachment('附件：营商环境监督员名单', '（2025年版）')).toBe(false);
  });
});

describe('a lead sentence broken by Enter before 通知如下：', () => {
  it('joins 通知如下： to the line it finishes, however short that line is', () => {
    expect(body('为做好安全生产工作，经市政府同意，现将有关事项\n通知如下：\n一、检查范围').map(textOf)).toEqual(['为做好安全生产工作，经市政府同意，现将有关事项通知如下：', '一、检查范围']);
    expect(body('经研究，现将有关事项\n\n通知如下：\n\n一、检查范围').map(textOf)).toEqual(['经研究，现将有关事项通知如下：', '一、检查范围']);
    expect(body('根据省政府工作安排\n现将有关事项通知如下：').map(textOf)).toEqual(['根据省政府工作安排现将有关事项通知如下：']);
  });
  it('never joins a paragraph that ended its sentence, nor a heading', () => {
    expect(body('为做好安全生产工作，经市政府同意。\n现将有关事项通知如下：').map(textOf)).toEqual(['为做好安全生产工作，经市政府同意。', '现将有关事项通知如下：']);
    expect(body('一、工作安排\n具体安排如下：').map(textOf)).toEqual(['一、工作安排', '具体安排如下：']);
  });
});

describe('document parts', () => {
  it('reads 主送, 附件 list with continuation items, date, then the issued 方案 title', () => {
    const blocks = body('各相关单位：\n\n正文。\n\n- 附件：1. 格尔木市营商环境监督员名单\n2. 格尔木市营商环境监督员工作制度\n\n2024年7月15日\n\n格尔木市2024年度藜麦产业扶持资金补贴 项目实施方案\n\n为促进全市藜麦产业高质量发展。');
    expect(blocks.map((b) => b.type)).toEqual(['addressee', 'paragraph', 'attachment-list', 'date-line', 'doc-title', 'paragraph']);
    const list = blocks[2];
    expect(list.type === 'attachment-list' && list.children.map((i) => [i.number, i.children[0].text])).toEqual([
      ['1.', '格尔木市营商环境监督员名单'],
      ['2.', '格尔木市营商环境监督员工作制度'],
    ]);
    expect(textOf(blocks[4])).toBe('格尔木市2024年度藜麦产业扶持资金补贴项目实施方案');
  });
  it('reads 附件 1 headings with their titles, contact lines, notes above and below tables', () => {
    const blocks = body('联系人：王慧莉\n\n附件 1\n\n格尔木市 2024 年城市体检指标体系\n\n注：带“*”为核心指标\n\n维度\t序号\n住房\t1\n\n- 备注：**\n1. 本表统计情况。\n 2. 结案数量。', 'notice', false);
    expect(blocks.map((b) => [b.type, b.type === 'paragraph' ? b.role ?? '' : ''])).toEqual([
      ['paragraph', 'contact'],
      ['attachment-heading', ''],
      ['doc-title', ''],
      ['paragraph', 'table-note'],
      ['table', ''],
      ['paragraph', 'table-note'],
      ['paragraph', 'table-note'],
      ['paragraph', 'table-note'],
    ]);
    expect(textOf(blocks[1])).toBe('附件1');
    expect(textOf(blocks[5])).toBe('备注：');
  });
  it('turns a leader list written without tabs into a leader-list table', () => {
    const blocks = body('组 长：龚国庆 副市长\n\n徐 锐 副市长、市公安局局长\n\n副组长：孙龙海 市自然资源局局长\n成员：周文良 东城区行委主任\n\n领导小组办公室设在市自然资源局。', 'notice', false);
    expect(blocks.map((b) => b.type)).toEqual(['table', 'paragraph']);
    expect(blocks[0].type === 'table' && blocks[0].variant).toBe('leader-list');
  });
  it('marks fill-in lines of attachment forms', () => {
    const blocks = body('附件3\n\n申报表\n\n申报时间： 年 月 日\n\n填报人:', 'notice', false);
    expect(blocks.slice(2).map((b) => b.type === 'paragraph' && b.role)).toEqual(['form-line', 'form-line']);
  });
  it('makes every paragraph of a 大事记 an entry, joining entries broken by the print', () => {
    const blocks = body('7月15日，嘉宾来自甘肃省嘉峪关\n\n市、酒泉市等地。\n\n同日，揭牌。', 'chronicle', false);
    expect(blocks.map((b) => [b.type, textOf(b)])).toEqual([
      ['chronicle-entry', '7月15日，嘉宾来自甘肃省嘉峪关市、酒泉市等地。'],
      ['chronicle-entry', '同日，揭牌。'],
    ]);
  });
});

describe('a line cut inside a 《》 name or a quotation', () => {
  it('continues however short it is', () => {
    const blocks = body('《城镇燃气安全管理\n条例》已经国务院常务会议通过，现予公布。\n“十四五”\n时期', 'notice', false);
    expect(blocks.map(textOf)).toEqual(['《城镇燃气安全管理条例》已经国务院常务会议通过，现予公布。', '“十四五”', '时期']);
  });
});
