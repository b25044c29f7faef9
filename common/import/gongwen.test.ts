/** One test per general pattern of the 公文 recogniser (GB/T 9704 elements and the variants offices write). */
import { describe, expect, it } from 'vitest';
import { contentPlainText, deriveTitleAndNumber } from '../model';
import { importDocumentFromText, importIssueFromText } from './fromText';
import { chineseToNumber } from '../text/chineseNumerals';
import {
  decreeMasthead,
  docNumberInNote,
  endsLikeTitle,
  isColophonLine,
  isMasthead,
  isNote,
  isOrganName,
  isPersonSignature,
  matchAttachmentHeading,
  matchDocNumber,
  parseDateLine,
} from './gongwen';
import { recognisedFields } from './report';

describe('patterns', () => {
  it('reads dates in Arabic and Chinese numerals, 〇 and 零 alike', () => {
    expect(parseDateLine('2019年1月24日')).toBe('2019-01-24');
    expect(parseDateLine('二〇〇四年八月十二日')).toBe('2004-08-12');
    expect(parseDateLine('二零零六年十二月三十日')).toBe('2006-12-30');
    expect(parseDateLine(' 一九九六年六月二十九日 ')).toBe('1996-06-29');
    expect(parseDateLine('2019年13月1日')).toBeUndefined();
    expect(parseDateLine('自2019年1月1日起施行。')).toBeUndefined();
    expect(chineseToNumber('二十三')).toBe(23);
    expect(chineseToNumber('十')).toBe(10);
  });

  it('knows every 文号 form and normalises brackets with a flag', () => {
    expect(matchDocNumber('国发〔2019〕5号')).toEqual({ text: '国发〔2019〕5号', bracketsChanged: false });
    expect(matchDocNumber('临政办函[2013]89号')).toEqual({ text: '临政办函〔2013〕89号', bracketsChanged: true });
    expect(matchDocNumber('格政人（2024）11号')?.text).toBe('格政人〔2024〕11号');
    expect(matchDocNumber('京政字【2004】第3号')?.text).toBe('京政字〔2004〕3号');
    expect(matchDocNumber('国办发明电〔2019〕1号')?.text).toBe('国办发明电〔2019〕1号');
    expect(matchDocNumber('国令第707号')?.text).toBe('国令第707号');
    expect(matchDocNumber('中华人民共和国国务院令第376号')?.text).toBe('国务院令第376号');
    expect(matchDocNumber('国发〔2019〕5号　　签发人：李克强')?.text).toBe('国发〔2019〕5号');
    expect(matchDocNumber('关于印发方案的通知')).toBeUndefined();
  });

  it('takes the 文号 out of a regulation 题注', () => {
    expect(docNumberInNote('1994年3月26日 中华人民共和国国务院令第152号发布')).toBe('国务院令第152号');
    expect(docNumberInNote('2005年6月7日 中华人民共和国国务院、中华人民共和国中央军事委员会令第436号公布')).toBe('国务院、中央军事委员会令第436号');
    expect(docNumberInNote('2003年8月18日 食品药品监管局、海关总署第4号令公布')).toBe('食品药品监管局、海关总署第4号令');
    expect(docNumberInNote('1985年3月7日 国务院批准')).toBeUndefined();
  });

  it('tells 版头, organs, 署名, 附注 and 版记 apart', () => {
    expect(isMasthead('格尔木市人民政府文件')).toBe(true);
    expect(isMasthead('中华人民共和国国务院令')).toBe(true);
    expect(decreeMasthead('中华人民共和国国务院令')).toBe('国务院令');
    expect(isMasthead('关于加强管理的命令')).toBe(false);
    expect(isOrganName('中共某某市委组织部')).toBe(true);
    expect(isOrganName('国务院办公厅　中央军委办公厅')).toBe(true);
    expect(isOrganName('现将有关事项通知如下')).toBe(false);
    expect(isPersonSignature('总理　　李克强')).toBe(true);
    // A post with its organ in front (主席令, 国务院令 as the 法律出版社 prints them).
    expect(isPersonSignature('中华人民共和国主席 胡锦涛')).toBe(true);
    expect(isPersonSignature('国务院总理　李克强')).toBe(true);
    expect(isPersonSignature('现将有关事项通知 如下')).toBe(false);
    expect(isNote('（此件公开发布）')).toBe(true);
    expect(isNote('（此件有删减）')).toBe(true);
    expect(isNote('（联系人：张三，电话：1234567）')).toBe(true);
    expect(isNote('（一）总体要求')).toBe(false);
    expect(isColophonLine('抄送：市委各部门，市人大常委会办公室。')).toBe(true);
    expect(isColophonLine('格尔木市人民政府办公室　　2024年7月5日印发')).toBe(true);
  });

  it('reads every attachment heading form', () => {
    expect(matchAttachmentHeading('附件')).toEqual({ n: 0, label: '附件' });
    expect(matchAttachmentHeading('附件1')).toEqual({ n: 1, label: '附件1' });
    expect(matchAttachmentHeading('附件 2.')).toEqual({ n: 2, label: '附件2' });
    expect(matchAttachmentHeading('附件3：')).toEqual({ n: 3, label: '附件3' });
    expect(matchAttachmentHeading('附件一')).toEqual({ n: 1, label: '附件一' });
    expect(matchAttachmentHeading('附件1：查处酒后驾驶操作规程')).toEqual({ n: 1, label: '附件1', title: '查处酒后驾驶操作规程' });
    expect(matchAttachmentHeading('附件：1.名单')).toBeUndefined(); // the 附件说明, not a heading
    expect(matchAttachmentHeading('附件：')).toBeUndefined();
  });

  it('ends titles at a 文种 word', () => {
    expect(endsLikeTitle('国务院关于印发国家职业教育改革实施方案的通知')).toBe(true);
    expect(endsLikeTitle('国务院关于印发国家职业教育改革')).toBe(false);
  });
});

describe('documents', () => {
  it('keeps a title of three lines whole above its 文号 (one document, not two)', () => {
    const text = '国务院办公厅关于全面推行\n行政执法公示制度执法全过程记录制度\n重大执法决定法制审核制度的指导意见\n国办发〔2018〕118号\n各省、自治区、直辖市人民政府：\n正文。\n国务院办公厅\n2018年12月5日\n（此件公开发布）\n';
    const { tree } = importIssueFromText(text);
    const docs = tree.sections.flatMap((s) => s.documents);
    expect(docs).toHaveLength(1);
    expect(docs[0].title).toBe('国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见');
    expect(docs[0].docNumber).toBe('国办发〔2018〕118号');
    const fields = recognisedFields(docs[0].content);
    expect(fields).toMatchObject({ addressee: '各省、自治区、直辖市人民政府：', signature: ['国务院办公厅'], date: '2018-12-05' });
    // 附注 is a paragraph, never a title.
    expect(docs[0].content.blocks.filter((b) => b.type === 'doc-title')).toHaveLength(1);
  });

  it('ends an unanchored title at its 文种 word, with a warning', () => {
    const { content, warnings } = importDocumentFromText('某某市关于印发\n城市管理办法的通知\n第一条　为了规范管理，制定本办法。\n');
    expect(deriveTitleAndNumber(content).title).toBe('某某市关于印发城市管理办法的通知');
    expect(warnings.map((w) => w.code)).toContain('title-joined');
  });

  it('reads a 令: its 版头 is metadata, 第N号 the 文号, the decreed text gives the title', () => {
    const text = '中华人民共和国国务院令\n第707号\n现公布修订后的《某某条例》，自2019年1月1日起施行。\n总理　　李克强\n2018年12月18日\n某某条例\n第一条　为了……，制定本条例。\n';
    const { content, warnings } = importDocumentFromText(text);
    expect(deriveTitleAndNumber(content)).toEqual({ title: '某某条例', docNumber: '国务院令第707号' });
    expect(content.meta?.masthead).toEqual(['中华人民共和国国务院令']);
    expect(recognisedFields(content).signature).toEqual(['总理李克强']);
    expect(warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['masthead-kept', 'decree-title']));
  });

  it('reads a 主席令: number in brackets and Chinese numerals as its 文号, its 版头 as title when it decrees no text, the organ-prefixed post as 署名', () => {
    const text = '中华人民共和国主席令\n\n(第四十号)\n\n根据某次会议的决定：\n\n免去某某的某部部长职务；\n\n任命某某为某部部长。\n中华人民共和国主席 胡锦涛\n\n2010年12月25日\n';
    const { content } = importDocumentFromText(text);
    // It decrees no text of its own, so its 版头 is its title; a 令 has no 主送.
    expect(deriveTitleAndNumber(content)).toEqual({ title: '中华人民共和国主席令', docNumber: '主席令第四十号' });
    expect(content.blocks.some((b) => b.type === 'addressee')).toBe(false);
    // The 令号 as printed stays with the 版头 metadata, so nothing of it is lost.
    expect(content.meta?.masthead).toEqual(['中华人民共和国主席令', '(第四十号)']);
    expect(content.blocks.filter((b) => b.type === 'signature').length).toBe(1);
    expect(recognisedFields(content).date).toBe('2010-12-25');
  });

  it('reads a 文号 above the title and a red 版头 as metadata, never as the title', () => {
    const text = '中共某某市委组织部\n某组发〔2024〕3号\n关于某某同志任职的通知\n各县委组织部：\n经研究，决定：\n某某同志任某某职务。\n中共某某市委组织部\n2024年3月1日\n抄送：市委办公室。\n中共某某市委组织部办公室　　2024年3月1日印发\n';
    const { content } = importDocumentFromText(text);
    expect(deriveTitleAndNumber(content)).toEqual({ title: '关于某某同志任职的通知', docNumber: '某组发〔2024〕3号' });
    expect(content.meta).toEqual({ masthead: ['中共某某市委组织部'], colophon: ['抄送：市委办公室。', '中共某某市委组织部办公室2024年3月1日印发'] });
    expect(contentPlainText(content)).not.toContain('抄送');
  });

  it('reads 署名 of several organs and a Chinese-numeral date', () => {
    const { content } = importDocumentFromText('某某的通知\n国办发〔1996〕25号\n各省：\n正文。\n国务院办公厅　中央军委办公厅\n一九九六年六月二十九日\n');
    expect(recognisedFields(content)).toMatchObject({ signature: ['国务院办公厅', '中央军委办公厅'], date: '1996-06-29' });
  });

  it('starts attachments at every heading form and counts them', () => {
    const text = '某某的通知\n某发〔2024〕1号\n各单位：\n正文。\n附件：1.名单\n      2.表格\n某某局\n2024年1月2日\n附件1\n名单\n张三\n附件二\n表格\n内容\n';
    const { content } = importDocumentFromText(text);
    expect(recognisedFields(content).attachments).toBe(2);
    expect(content.blocks.filter((b) => b.type === 'attachment-heading').map((b) => contentPlainText({ schemaVersion: 1, blocks: [b] }))).toEqual(['附件1', '附件二']);
  });

  it('keeps a document’s own 目录 inside it (no page numbers: not an issue TOC)', () => {
    const text = '国务院办公厅关于印发国家粮食应急预案的函\n国办函〔2005〕57号\n各省：\n现印发给你们。\n国务院办公厅\n二〇〇五年六月十一日\n国家粮食应急预案\n目　　录\n1　总则\n1.1　编制目的\n2　组织\n1　总则\n1.1　编制目的\n为了……。\n';
    const { tree } = importIssueFromText(text);
    expect(tree.issue.journalName).toBe('');
    const docs = tree.sections.flatMap((s) => s.documents);
    expect(docs).toHaveLength(1);
    expect(contentPlainText(docs[0].content).replace(/\s/g, '')).toContain('目录');
  });
});
