import { describe, expect, it } from 'vitest';
import { contentPlainText } from '../model';
import { importDocumentFromText, importIssueFromText } from './fromText';
import { docNumberInNote } from './gongwen';

/** The shape of a text a markdown site generator's page was converted from (the cee 纪要 and 条例 texts). */
const CONVERTED = `(2020年12月9日国务院第117次常务会议通过\u30002021年1月24日中华人民共和国国务院令第736号公布\u3000自2021年3月1日起施行)

@tab 章节

[[toc]]

@tab 条例

- 第1~20条：

  [1](#t1)\u3000[2](#t2)\u3000[3](#t3)

---

第一章\u3000总\u3000\u3000则{align=center}

第一条\u3000为了加强排污许可管理，制定本条例。{#t1}

:::

---

https://example.gov.cn/detail.html
`;

describe("a converter's markup", () => {
  it('never reaches the document: directives, rules, in-page links and attribute lists go, with a warning', () => {
    const { tree, warnings } = importIssueFromText(CONVERTED);
    const docs = tree.sections.flatMap((s) => s.documents);
    expect(docs).toHaveLength(1);
    const text = contentPlainText(docs[0].content);
    for (const mark of ['[[toc]]', '@tab', '](#t', '第1~20条', '---', ':::', '{align', '{#t1}']) expect(text).not.toContain(mark);
    expect(text).toContain('第一条');
    expect(text).toContain('为了加强排污许可管理，制定本条例。');
    expect(docs[0].content.blocks.find((b) => b.type === 'paragraph' && b.children.some((c) => 'text' in c && c.text.startsWith('第一章')))).toBeTruthy();
    expect(warnings.some((w) => w.code === 'markup-dropped' && w.message.includes('[[toc]]'))).toBe(true);
    expect(warnings.some((w) => w.code === 'unplaced-line' && w.text === '[[toc]]')).toBe(false);
  });

  it('drops the same markup in a single-document import', () => {
    const { content } = importDocumentFromText('[[toc]]\n\n关于某事的通知\n\n各单位：\n\n现通知如下。\n');
    expect(content.blocks[0]).toMatchObject({ type: 'doc-title', children: [{ text: '关于某事的通知' }] });
    expect(contentPlainText(content)).not.toContain('[[toc]]');
  });

  it('takes the title from the front matter when the text does not print it', () => {
    const md = `---\ntitle: 关于办理环境污染刑事案件有关问题座谈会纪要\ndate: 2019-02-20\ncategory:\n  - 法律解释\n---\n\n::: details 目录\n\n[[toc]]\n\n:::\n\n\u3000\u30002018年12月，五部门在北京联合召开座谈会。纪要如下：\n\n\u3000\u3000一、会议指出，要加大惩治力度。\n`;
    const { tree } = importIssueFromText(md);
    const docs = tree.sections.flatMap((s) => s.documents);
    expect(docs.map((d) => d.title)).toEqual(['关于办理环境污染刑事案件有关问题座谈会纪要']);
    const text = contentPlainText(docs[0].content);
    expect(text).not.toContain('date:');
    expect(text).not.toContain('法律解释');
  });

  it('keeps ordinary text that looks a little like markup', () => {
    const { content } = importDocumentFromText('关于某事的通知\n\n各单位：\n\n第1~20条的规定继续有效。\n\n按{a}类管理。\n');
    const text = contentPlainText(content);
    expect(text).toContain('第1~20条的规定继续有效。');
    expect(text).toContain('按{a}类管理。');
  });
});

describe('a markdown table in a converted text', () => {
  it('is a table with its cells; its alignment row never reaches the document', () => {
    const text = ['关于公布有毒有害污染物名录的通知', '', '各有关单位：', '', '现将名录公布如下。', '', '| 序号 | 　污染物名称　 | CAS号 |', '| :--: | :---------: | :---: |', '| 1 | 二氯甲烷 | 75-09-2 |', '| 2 | 三氯甲烷 | 67-66-3 |', '', '特此通知。'].join('\n');
    const { content, warnings } = importDocumentFromText(text);
    const table = content.blocks.find((b) => b.type === 'table');
    expect(table).toBeTruthy();
    const rows = (table as { children: { children: unknown[] }[] }).children.map((row) => row.children.map((cell) => contentPlainText({ schemaVersion: content.schemaVersion, blocks: (cell as { children: never[] }).children })));
    expect(rows).toEqual([['序号', '污染物名称', 'CAS号'], ['1', '二氯甲烷', '75-09-2'], ['2', '三氯甲烷', '67-66-3']]);
    const plain = contentPlainText(content);
    expect(plain).not.toMatch(/\||:-/);
    expect(plain).toContain('特此通知。');
    expect(warnings.some((w) => w.code === 'markup-dropped')).toBe(true);
  });

  it('leaves a line with pipes but no alignment row as text', () => {
    const { content } = importDocumentFromText(['关于调整工作安排的通知', '', '各单位：', '', '| 本行不是表格 | 只是竖线 |', '', '特此通知。'].join('\n'));
    expect(content.blocks.some((b) => b.type === 'table')).toBe(false);
    expect(contentPlainText(content)).toContain('| 本行不是表格 | 只是竖线 |');
  });
});

describe('the 文号 in a 题注 with two dates', () => {
  it('starts the organ after the second date', () => {
    expect(docNumberInNote('(2020年12月9日国务院第117次常务会议通过\u30002021年1月24日中华人民共和国国务院令第736号公布\u3000自2021年3月1日起施行)')).toBe('国务院令第736号');
  });
});

describe('a 署名 and its date on one line', () => {
  const types = (text: string) => importDocumentFromText(text).content.blocks.map((b) => `${b.type} ${b.children.map((c) => ('text' in c ? c.text : '')).join('')}`);

  it("is the 纪要's issuer and 成文日期 under its number", () => {
    const blocks = types('格尔木市人民政府\n常务会议纪要\n\n〔2024〕5号\n\n格尔木市人民政府办公室\u3000\u3000\u3000\u3000\u3000\u30002024年3月5日\n\n\u3000\u3000会议研究了有关工作。纪要如下：\n');
    expect(blocks.slice(0, 4)).toEqual(['doc-title 格尔木市人民政府常务会议纪要', 'doc-number 〔2024〕5号', 'signature 格尔木市人民政府办公室', 'date-line 2024年3月5日']);
  });

  it('is the closing 署名 and date of a typed text', () => {
    const blocks = types('关于某事的通知\n\n各单位：\n\n\u3000\u3000现通知如下。\n\n格尔木市人民政府          2024年3月5日\n');
    expect(blocks.slice(-2)).toEqual(['signature 格尔木市人民政府', 'date-line 2024年3月5日']);
  });

  it('is not split when the words before the date are no organ', () => {
    const blocks = types('关于某事的通知\n\n各单位：\n\n会议时间\u3000\u30002024年3月5日\n');
    expect(blocks).not.toContain('date-line 2024年3月5日');
  });
});
