import { describe, expect, it } from 'vitest';
import { deriveTitleAndNumber, plainText, type IssueTree, type TableElement } from '../common/model';
import { importIssueFromText } from '../common/import/fromText';
import { canonical, issuePlainText, readReference } from './import-helpers';

const text = readReference();
const started = performance.now();
const { tree, warnings } = importIssueFromText(text);
const elapsed = performance.now() - started;

function tables(t: IssueTree): TableElement[] {
  return t.sections.flatMap((s) => s.documents.flatMap((d) => d.content.blocks.filter((b): b is TableElement => b.type === 'table')));
}

describe('importing the reference issue (2024年第6期)', () => {
  it('reports the import time (measured, not asserted)', () => {
    console.log(`reference import: ${elapsed.toFixed(1)} ms (first run, cold JIT)`);
    expect(elapsed).toBeGreaterThan(0);
  });

  it('has the TOC of the reference: 10 entries with full titles and 文号 under 3 sections, in order', () => {
    const toc = tree.sections.map((s) => ({
      section: s.name,
      entries: s.documents.map((d) => {
        const { title, docNumber } = deriveTitleAndNumber(d.content);
        return docNumber ? `${title} ${docNumber}` : title;
      }),
    }));
    const office = '格尔木市人民政府办公室';
    expect(toc).toEqual([
      {
        section: '市政府办公室文件',
        entries: [
          `${office}关于聘用全市营商环境监督员的通知 格政办〔2024〕9号`,
          `${office}关于印发2024年度藜麦产业扶持资金补贴项目实施方案的通知 格政办发〔2024〕62号`,
          `${office}关于印发砂石行业“亮剑”专项整治行动工作方案的通知 格政办发〔2024〕63号`,
          `${office}关于印发2024年城市体检工作实施方案的通知 格政办发〔2024〕66号`,
          `${office}关于印发新开办企业首套印章免费刻制实施方案的通知 格政办发〔2024〕68号`,
          `${office}关于印发打击盗采砂金专项整治行动工作方案的通知 格政办发〔2024〕69号`,
          `${office}关于印发格尔木市打击非法集资专项行动工作方案的通知 格政办发〔2024〕71号`,
        ],
      },
      {
        section: '人事任免',
        entries: ['格尔木市人民政府关于李润等同志职务任免的通知 格政人〔2024〕11号', '格尔木市人民政府关于张光利等同志职务任免的通知 格政人〔2024〕12号'],
      },
      { section: '大事记', entries: ['7月份大事记'] },
    ]);
    // The record fields agree with the content, and the kinds follow the sections.
    const docs = tree.sections.flatMap((s) => s.documents);
    for (const d of docs) expect({ title: d.title, docNumber: d.docNumber }).toEqual(deriveTitleAndNumber(d.content));
    expect(docs.map((d) => d.kind)).toEqual([...Array(7).fill('notice'), 'personnel', 'personnel', 'chronicle']);
  });

  it('keeps the issuer prefix of each title separately, the title text whole', () => {
    const first = tree.sections[0].documents[0].content.blocks[0];
    expect(first).toEqual({
      type: 'doc-title',
      issuer: '格尔木市人民政府办公室',
      children: [{ text: '格尔木市人民政府办公室关于聘用全市营商环境监督员的通知' }],
    });
    const personnel = tree.sections[1].documents[0].content.blocks[0];
    expect(personnel.type === 'doc-title' && personnel.issuer).toBe('格尔木市人民政府');
  });

  it('fills the front matter and the issue numbers', () => {
    const { issue } = tree;
    expect({ journalName: issue.journalName, year: issue.year, number: issue.number, cumulativeNumber: issue.cumulativeNumber, date: issue.date }).toEqual({
      journalName: '格尔木市人民政府政务公开信息',
      year: 2024,
      number: 6,
      cumulativeNumber: 191,
      date: '2024-07-31',
    });
    expect(issue.frontMatter).toEqual({
      journalNameLines: ['格尔木市人民政府', '政务公开信息'],
      tagline: '格尔木市人民政府公布规范性文件唯一刊物',
      supervisor: '格尔木市人民政府',
      sponsor: '格尔木市人民政府办公室',
      permitNumber: '青6328011',
      committeeTitle: '编辑委员会',
      committeeRoles: [
        { label: '名誉主任', names: ['冉清'] },
        { label: '主任', names: ['肖军'] },
        { label: '副主任', names: ['刘新甫'] },
      ],
      membersNote: '以姓氏笔画为序',
      members: [
        ...['马建伟', '马媛', '马伟力', '王义', '王宏伟', '王素文', '王世贞', '毛永平', '朱祥福', '孙龙海', '李渝君', '李明', '辛之德', '张有瑾'],
        ...['张翠云', '韩群', '杨庆国', '周文良', '罗海芳', '欧阳磊', '胡炜军', '胡文娟', '赵维胜', '祝显胜', '顾庆初', '强峰', '淮军强', '谢瑞芳'],
      ],
      staff: [
        { label: '主编', names: ['刘新甫'] },
        { label: '编辑部主任', names: ['刘宏伟'] },
        { label: '责任编辑', names: ['邓海军'] },
        { label: '编辑', names: ['黄凌慧'] },
      ],
      colophon: [
        { label: '编辑出版', value: '《格尔木市人民政府政务公开信息》编辑部' },
        { label: '地址', value: '格尔木市新区哈西亚图路25号' },
        { label: '邮编', value: '816099' },
        { label: '电话', value: '(0979) 8411326' },
        { label: '网址', value: 'http://www.geermu.gov.cn' },
        { label: '准印证号', value: '青6328011' },
      ],
      sidebarNotice: ['本刊所登公文与正式', '文件具有同等效力'],
      sidebarSlogans: ['传达政令', '宣传政策', '指导工作', '服务人民'],
    });
  });

  it('loses no text: every line (every cell of table lines) is found in the imported issue', () => {
    const haystack = canonical(issuePlainText(tree));
    const lines = text.split(/\r?\n/);
    // Exceptions, each with its reason:
    // - lines 48-69 and 80-99 are the text's own TOC (目 录, section labels, entries with leaders and
    //   page numbers): dropped by design, the app generates its TOC; the sidebar lines between them
    //   (70-79) are front matter and must be found.
    const tocLines = (n: number) => (n >= 48 && n <= 69) || (n >= 80 && n <= 99);
    const missing: string[] = [];
    lines.forEach((raw, i) => {
      const no = i + 1;
      if (tocLines(no) || raw.trim() === '') return;
      // The conversion's "- " list markers are artefacts, not text.
      let line = raw.replace(/^[ \t]{0,3}- (?=\S)/, '');
      // 附件： is printed by the attachment-list element itself; its items are the text.
      line = line.replace(/^附件[：:]/, '');
      const pieces = line.includes('\t') ? line.split('\t') : [line];
      for (const piece of pieces) {
        const needle = canonical(piece);
        if (needle && !haystack.includes(needle)) missing.push(`${no}: ${piece.slice(0, 40)}`);
      }
    });
    expect(missing).toEqual([]);
  });

  it('reports a stable list of warnings', () => {
    const summary = warnings.map((w) => `${w.code}@${w.line}`);
    expect(summary.filter((w) => !w.startsWith('halfwidth-punctuation'))).toEqual([
      'table-sublabel-merged@613',
      // 附件2, second part: row 15 lost its label cell and is moved under 序号; the 重点监测指标 rows glued to it
      // are another table (its cells one per line 728–730, then 维度 | 指标项 rows).
      'table-aligned@727',
      'table-split@728',
      'table-irregular@728',
      'attachment-missing@861',
      'attachment-missing@1117',
    ]);
    // Half-width , ; : ( ) between Chinese characters were made full-width, one warning per document (62号 … 71号).
    expect(warnings.filter((w) => w.code === 'halfwidth-punctuation').map((w) => /(\d+) 处/.exec(w.message)?.[1])).toEqual(['12', '67', '536', '4', '154']);
    // Lines 652–656 print a sub-dimension column (功能完善/特色活力) before 序号; it joins the 维度 cell.
    expect(warnings[0].message).toContain('4 行');
    expect(warnings.find((w) => w.code === 'attachment-missing' && w.line === 861)?.message).toContain('附件3');
    expect(warnings.find((w) => w.code === 'attachment-missing' && w.line === 1117)?.message).toContain('附件5');
  });

  it('finds the tables with their shapes; the indicator table keeps one header row', () => {
    const shapes = tables(tree).map((t) => `${t.variant}:${t.children.length}x${Math.max(...t.children.map((r) => r.children.reduce((n, c) => n + (c.colSpan ?? 1), 0)))}/h${t.headerRows}`);
    expect(shapes).toEqual([
      'name-list:22x4/h0',
      'data:11x2/h0',
      'form:15x5/h0',
      'form:11x5/h1',
      'form:12x11/h2',
      'leader-list:14x3/h0',
      'data:56x9/h1',
      'data:21x4/h1',
      'data:7x5/h1',
      'data:7x2/h0',
      'data:8x6/h1',
      'form:9x3/h0',
      'form:15x5/h1',
      'form:12x4/h0',
      'leader-list:12x3/h0',
      'leader-list:4x3/h0',
      'form:1x5/h1',
      'form:22x6/h2',
      'form:8x16/h2',
    ]);
    // The print repeated the 城市体检 header on each of its 11 pages; one header row remains.
    const indicator = tables(tree)[6];
    const headerLike = indicator.children.filter((r) => r.children[0].children[0].children[0].text === '维度');
    expect(headerLike).toHaveLength(1);
    expect(indicator.headerRows).toBe(1);
    // 附件2's second part takes its header back and holds only its own rows: 序号 11–15, each under 序号.
    const grid = (t: TableElement) => t.children.map((r) => r.children.map((c) => plainText(c)));
    const continued = tables(tree)[8];
    expect(grid(continued)[0]).toEqual(['', '序号', '指标项', '数据提供单位', '指标解释/数据内容']);
    expect(grid(continued).slice(1).map((r) => r.find((c) => /^\d+$/.test(c)))).toEqual(['11', '12', '13', '14', undefined, '15']);
    expect(grid(continued)[6][0]).toBe('15');
    // The 重点监测指标 rows are a table of their own, under no header.
    const monitored = tables(tree)[9];
    expect(monitored.headerRows).toBe(0);
    expect(grid(monitored).map((r) => r[0])).toEqual(['重点监测指标', '指标项', '维度', '住房', '小区（社区）', '街区', '城区（城市）']);
    expect(grid(monitored)[3][1]).toMatch(/^存在楼道安全隐患的住宅数量/);
  });
});
