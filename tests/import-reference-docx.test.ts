/**
 * A whole issue in one Word file splits into its sections and documents: last year's issue as LibreOffice
 * makes it from the text (tests/fixtures/reference-issue-2024-06.libreoffice.docx, made with
 * `soffice --headless --convert-to docx reference-issue-2024-06.txt`), and as our own DOCX export writes it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { squeezeWhitespace } from '../common/model';
import { importIssueFromText } from '../common/import/fromText';
import { toDocx } from '../common/render/toDocx';
import type { IssueTree } from '../common/model';
import { convertDocx } from '../main/import/docxWorker';
import type { DocxWorkerReply } from '../main/import/docxProtocol';
import { readReference } from './import-helpers';

const office = '格尔木市人民政府办公室';
const EXPECTED = [
  ['市政府办公室文件', `${office}关于聘用全市营商环境监督员的通知`, '格政办〔2024〕9号'],
  ['市政府办公室文件', `${office}关于印发2024年度藜麦产业扶持资金补贴项目实施方案的通知`, '格政办发〔2024〕62号'],
  ['市政府办公室文件', `${office}关于印发砂石行业“亮剑”专项整治行动工作方案的通知`, '格政办发〔2024〕63号'],
  ['市政府办公室文件', `${office}关于印发2024年城市体检工作实施方案的通知`, '格政办发〔2024〕66号'],
  ['市政府办公室文件', `${office}关于印发新开办企业首套印章免费刻制实施方案的通知`, '格政办发〔2024〕68号'],
  ['市政府办公室文件', `${office}关于印发打击盗采砂金专项整治行动工作方案的通知`, '格政办发〔2024〕69号'],
  ['市政府办公室文件', `${office}关于印发格尔木市打击非法集资专项行动工作方案的通知`, '格政办发〔2024〕71号'],
  ['人事任免', '格尔木市人民政府关于李润等同志职务任免的通知', '格政人〔2024〕11号'],
  ['人事任免', '格尔木市人民政府关于张光利等同志职务任免的通知', '格政人〔2024〕12号'],
  ['大事记', '7月份大事记', ''],
];

const toc = (reply: DocxWorkerReply) => (reply.documents ?? []).map((d) => [d.section, squeezeWhitespace(d.title), d.docNumber]);

/** The reference issue as our DOCX export writes it (the model made by the text import, with ids). */
async function ownExport(): Promise<Uint8Array> {
  const { tree } = importIssueFromText(readReference());
  const full = {
    ...tree,
    sections: tree.sections.map((s, i) => ({
      ...s,
      id: `s${i}`,
      documents: s.documents.map((d, j) => ({ ...d, id: `d${i}-${j}`, sectionId: `s${i}`, position: j, updatedAt: '2024-07-31T00:00:00.000Z' })),
    })),
  } as unknown as IssueTree;
  return (await toDocx(full)).bytes;
}

describe('a whole issue in one .docx', () => {
  it('LibreOffice copy of the reference text: 10 documents with their titles and 文号 under 3 sections', async () => {
    const reply = await convertDocx(new Uint8Array(readFileSync(new URL('./fixtures/reference-issue-2024-06.libreoffice.docx', import.meta.url))));
    expect(reply.ok).toBe(true);
    expect(toc(reply)).toEqual(EXPECTED);
  }, 120_000);

  it('our own DOCX export of the reference issue: the same 10 documents, cover and TOC not taken for documents', async () => {
    const reply = await convertDocx(await ownExport());
    expect(reply.ok).toBe(true);
    expect(toc(reply)).toEqual(EXPECTED);
    expect(reply.warnings?.map((w) => w.code)).toContain('docx-issue-front-skipped');
    // Body text arrives: the first notice keeps its addressee and its attachment list.
    const first = reply.documents![0].content.blocks.map((b) => b.type);
    expect(first).toContain('addressee');
    expect(first).toContain('attachment-list');
  }, 120_000);
});
