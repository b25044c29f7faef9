import { describe, expect, it } from 'vitest';
import { importIssueFromText } from './fromText';
import { splitLines } from './lines';
import { segmentDocuments } from './segment';

/** A 公文 on the red-head template: 版头 (XX文件), 文号, then the title below it. */
const redHead = (n: number, title = '关于加强城市管理工作的通知') => `格尔木市人民政府文件

格政〔2024〕${n}号

格尔木市人民政府
${title}

各乡镇人民政府，市政府各部门：
为进一步加强城市管理工作，现将有关事项通知如下。

格尔木市人民政府
2024年3月5日
`;

const OTHER = `关于印发某某办法的通知
格政办〔2024〕3号
各单位：
现将《某某办法》印发给你们，请认真贯彻执行。

格尔木市人民政府办公室
2024年3月1日
`;

function documents(text: string) {
  const { tree, warnings } = importIssueFromText(text);
  return { docs: tree.sections.flatMap((s) => s.documents), warnings };
}

describe('a red-head document in an issue', () => {
  it('starts a document at its 版头 when another document comes before it', () => {
    const { docs, warnings } = documents(`${OTHER}\n${redHead(12)}`);
    expect(docs.map((d) => [d.title, d.docNumber])).toEqual([
      ['关于印发某某办法的通知', '格政办〔2024〕3号'],
      ['格尔木市人民政府关于加强城市管理工作的通知', '格政〔2024〕12号'],
    ]);
    expect(docs[1].content.meta?.masthead).toEqual(['格尔木市人民政府文件']);
    expect(docs[0].content.blocks.some((b) => b.children.some((c) => 'text' in c && c.text.includes('文件')))).toBe(false);
    expect(warnings.filter((w) => w.code === 'masthead-kept').map((w) => w.text)).toEqual(['格尔木市人民政府文件']);
  });

  it('reads two red-head documents in a row as two documents, 密级 and 紧急程度 in the second 版头', () => {
    const { docs } = documents(`${redHead(12)}\n机密★1年\n特急\n${redHead(13, '关于做好防汛工作的通知')}`);
    expect(docs.map((d) => [d.title, d.docNumber])).toEqual([
      ['格尔木市人民政府关于加强城市管理工作的通知', '格政〔2024〕12号'],
      ['格尔木市人民政府关于做好防汛工作的通知', '格政〔2024〕13号'],
    ]);
    expect(docs[1].content.meta?.masthead).toEqual(['机密★1年', '特急', '格尔木市人民政府文件']);
  });

  it('moves a TOC-found title\'s start up to the 版头 and 文号 above it', () => {
    const text = `${OTHER}\n${redHead(12)}`;
    const lines = splitLines(text);
    const { segments } = segmentDocuments(lines, 0, [{ title: '格尔木市人民政府关于加强城市管理工作的通知', docNumber: '格政〔2024〕12号', sectionIndex: 0, line: 1 }]);
    const second = segments.find((s) => s.entry)!;
    expect(lines[second.start].text).toBe('格尔木市人民政府文件');
  });

  it('does not take a title line ending with 文件 for a 版头', () => {
    const { docs, warnings } = documents(`${OTHER}\n国务院办公厅关于全面推行行政规范性文件\n合法性审核机制的指导意见\n国办发〔2018〕115号\n各省、自治区、直辖市人民政府：\n现提出以下意见。\n`);
    expect(docs[1].title).toBe('国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见');
    expect(warnings.some((w) => w.code === 'masthead-kept')).toBe(false);
  });

  it('reads an organ\'s name alone over the 文号 (the 版头 of a 请示, without 文件) as the 版头 after another document', () => {
    const request = `格尔木市人民政府\n\n格政〔2025〕12号\u3000\u3000\u3000\u3000签发人：王某某\n\n格尔木市人民政府关于申请\n2025年度农村公路建设补助资金的请示\n\n海西州人民政府：\n\u3000\u3000为加快我市农村公路建设，现申请补助资金。\n\u3000\u3000妥否，请批示。\n\n格尔木市人民政府\n2025年4月28日\n`;
    const { docs } = documents(`${OTHER}\n${request}`);
    expect(docs.map((d) => [d.title, d.docNumber])).toEqual([
      ['关于印发某某办法的通知', '格政办〔2024〕3号'],
      ['格尔木市人民政府关于申请2025年度农村公路建设补助资金的请示', '格政〔2025〕12号'],
    ]);
    expect(docs[1].content.meta?.masthead).toEqual(['格尔木市人民政府', '签发人：王某某']);
  });
});
