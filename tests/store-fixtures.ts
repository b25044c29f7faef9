/** Small IssueTree fixtures and temp folders for the store, handler and CLI tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEFAULT_PRINT_SETTINGS,
  newId,
  nowIso,
  type BlockElement,
  type DocumentKind,
  type FrontMatter,
  type IssueTree,
} from '../common/model/index';

export function tempDir(prefix = 'gazette-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const frontMatter: FrontMatter = {
  journalNameLines: ['格尔木市人民政府', '政务公开信息'],
  tagline: '格尔木市人民政府公布规范性文件唯一刊物',
  supervisor: '格尔木市人民政府',
  sponsor: '格尔木市人民政府办公室',
  permitNumber: '青6328011',
  committeeTitle: '编辑委员会',
  committeeRoles: [{ label: '主任', names: ['肖军'] }],
  membersNote: '以姓氏笔画为序',
  members: ['马建伟', '马媛'],
  staff: [{ label: '主编', names: ['刘新甫'] }],
  colophon: [{ label: '邮编', value: '816099' }],
  sidebarNotice: ['本刊所登公文与正式', '文件具有同等效力'],
  sidebarSlogans: ['传达政令'],
};

export const para = (text: string): BlockElement => ({ type: 'paragraph', children: [{ text }] });

export function notice(title: string, docNumber: string, body: string[]): BlockElement[] {
  return [
    { type: 'doc-title', children: [{ text: title }] },
    { type: 'doc-number', children: [{ text: docNumber }] },
    { type: 'addressee', children: [{ text: '各乡（镇）人民政府，市政府各部门：' }] },
    ...body.map(para),
  ];
}

interface DocSpec {
  kind?: DocumentKind;
  title: string;
  docNumber?: string;
  body: string[];
}

/** A tree with the reference issue's three sections; each document's content has a title and 文号 when given. */
export function makeTree(spec: { year?: number; number?: number; cumulative?: number; sections?: Array<{ name: string; docs: DocSpec[] }> } = {}): IssueTree {
  const issueId = newId();
  const sections = spec.sections ?? [
    {
      name: '市政府办公室文件',
      docs: [
        { title: '格尔木市人民政府办公室关于聘用全市营商环境监督员的通知', docNumber: '格政办〔2024〕9号', body: ['为进一步优化营商环境，决定聘用监督员。'] },
        {
          title: '格尔木市人民政府办公室关于印发2024年度藜麦产业扶持资金补贴项目实施方案的通知',
          docNumber: '格政办发〔2024〕62号',
          body: ['现将藜麦产业扶持资金补贴项目实施方案印发给你们，请认真组织实施。'],
        },
        { title: '关于开展城市体检工作的通知', docNumber: '格政办发〔2024〕64号', body: ['城市体检是城市更新的基础工作。'] },
      ],
    },
    { name: '人事任免', docs: [{ kind: 'personnel', title: '格尔木市人民政府关于任免工作人员的通知', docNumber: '格政人〔2024〕5号', body: ['任命张三为市水务局局长。'] }] },
    { name: '大事记', docs: [{ kind: 'chronicle', title: '大事记', body: ['6月1日，市长调研藜麦产业。'] }] },
  ];
  return {
    issue: {
      id: issueId,
      journalName: '格尔木市人民政府政务公开信息',
      year: spec.year ?? 2024,
      number: spec.number ?? 6,
      cumulativeNumber: spec.cumulative ?? 191,
      date: '2024-06-30',
      status: 'draft',
      frontMatter,
      settings: { ...DEFAULT_PRINT_SETTINGS },
      updatedAt: nowIso(),
    },
    sections: sections.map((s, si) => {
      const sectionId = newId();
      return {
        id: sectionId,
        issueId,
        name: s.name,
        position: si,
        documents: s.docs.map((d, di) => ({
          id: newId(),
          sectionId,
          kind: d.kind ?? 'notice',
          title: d.title,
          docNumber: d.docNumber ?? '',
          position: di,
          updatedAt: nowIso(),
          content: {
            schemaVersion: 1,
            blocks: d.kind === 'chronicle' ? d.body.map((t) => ({ type: 'chronicle-entry', children: [{ text: t }] }) as BlockElement) : notice(d.title, d.docNumber ?? '', d.body),
          },
        })),
      };
    }),
  };
}
