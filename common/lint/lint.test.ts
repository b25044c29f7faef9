import { describe, expect, it } from 'vitest';
import { normalizeContent, plainText, type BlockElement } from '../model';
import { applyFix, fixDate, fixHalfWidthPunctuation, lintDocument } from './index';

const block = (type: string, text: string, extra: Record<string, unknown> = {}) => ({ type, ...extra, children: [{ text }] });
const content = (...blocks: unknown[]) => normalizeContent({ blocks });
const codes = (blocks: unknown[], override?: string) => lintDocument({ content: content(...blocks), tocTitleOverride: override }).map((f) => f.code);

describe('文号', () => {
  it('accepts the correct form and fixes brackets, 第 and leading zeros', () => {
    expect(codes([block('doc-number', '格政办发〔2024〕62号')])).toEqual([]);
    const c = content(block('doc-number', '格政办发[2024]第062号'));
    const [finding] = lintDocument({ content: c });
    expect(finding.code).toBe('doc-number-form');
    expect(plainText(applyFix(c, finding.fix!).blocks[0])).toBe('格政办发〔2024〕62号');
  });
  it('accepts a 纪要 number without 代字 (〔2024〕9号) and still flags it elsewhere', () => {
    expect(codes([block('doc-title', '市政府第9次常务会议纪要'), block('doc-number', '〔2024〕9号')])).toEqual([]);
    const c = content(block('doc-title', '市政府第9次常务会议纪要'), block('doc-number', '[2024]第09号'));
    const [finding] = lintDocument({ content: c });
    expect(finding.code).toBe('doc-number-form');
    expect(plainText(applyFix(c, finding.fix!).blocks[1])).toBe('〔2024〕9号');
    expect(codes([block('doc-title', '关于开展安全检查的通知'), block('doc-number', '〔2024〕9号')])).toEqual(['doc-number-form']);
    expect(codes([block('doc-number', '〔2024〕9号')])).toEqual(['doc-number-form']);
  });
  it('flags a two-digit year without offering a fix', () => {
    const [finding] = lintDocument({ content: content(block('doc-number', '格政办发〔24〕62号')) });
    expect(finding.code).toBe('doc-number-year');
    expect(finding.fix).toBeUndefined();
  });
});

describe('half-width punctuation', () => {
  it('converts punctuation after Chinese text and keeps numbers', () => {
    expect(fixHalfWidthPunctuation('各部门,请于10:30前报送(书面材料);谢谢!')).toBe('各部门，请于10:30前报送（书面材料）；谢谢！');
    expect(fixHalfWidthPunctuation('共1,000元')).toBe('共1,000元');
  });
  it('offers a one-click fix that keeps marks', () => {
    const c = content({ type: 'paragraph', children: [{ text: '一、总体要求,', bold: true }, { text: '如下:' }] });
    const [finding] = lintDocument({ content: c });
    expect(finding.code).toBe('halfwidth-punctuation');
    const fixed = applyFix(c, finding.fix!).blocks[0] as BlockElement;
    expect(fixed.children).toEqual([{ text: '一、总体要求，', bold: true }, { text: '如下：' }]);
  });
});

describe('heading levels', () => {
  it('flags a skipped level and the fix moves it up and renumbers', () => {
    const c = content(block('heading', '一、甲', { level: 1 }), block('heading', '1.乙', { level: 3 }));
    const [finding] = lintDocument({ content: c });
    expect(finding.code).toBe('heading-skip');
    const fixed = applyFix(c, finding.fix!).blocks[1];
    expect(fixed).toMatchObject({ type: 'heading', level: 2 });
    expect(plainText(fixed)).toBe('（一）乙');
  });
  it('counts a numbered item kept as a paragraph (一、同意…。) as its level', () => {
    expect(codes([block('paragraph', '一、同意市应急局与气象局合建3个自动气象站；与水务局合建2个水文站。'), block('heading', '（一）建设内容', { level: 2 })])).not.toContain('heading-skip');
    expect(codes([block('paragraph', '同意市应急局与气象局合建3个自动气象站。'), block('heading', '（一）建设内容', { level: 2 })])).toContain('heading-skip');
  });
  it('restarts at attachments', () => {
    expect(codes([block('heading', '一、甲', { level: 1 }), block('attachment-heading', '附件'), block('heading', '（一）乙', { level: 2 })])).toContain('heading-skip');
  });
});

describe('dates', () => {
  it('fixes date lines and zero-padded dates in text', () => {
    expect(fixDate('2024-07-05')).toBe('2024年7月5日');
    expect(fixDate('2024年07月05日')).toBe('2024年7月5日');
    expect(codes([block('date-line', '2024年7月5日')])).toEqual([]);
    const c = content(block('paragraph', '定于2024年07月05日召开'));
    const [finding] = lintDocument({ content: c });
    expect(finding.code).toBe('date-form');
    expect(plainText(applyFix(c, finding.fix!).blocks[0])).toBe('定于2024年7月5日召开');
  });
});

describe('attachments', () => {
  const list = (numbers: string[]) => ({
    type: 'attachment-list',
    children: numbers.map((number, i) => ({ type: 'attachment-item', number, children: [{ text: `名称${i}` }] })),
  });
  it('flags a count mismatch between the list and the attachments', () => {
    expect(codes([list(['1.', '2.']), block('attachment-heading', '附件1')])).toContain('attachment-count');
  });
  it('renumbers the list in one click', () => {
    const c = content(list(['1.', '3.']), block('attachment-heading', '附件1'), block('attachment-heading', '附件2'));
    const finding = lintDocument({ content: c }).find((f) => f.code === 'attachment-numbering')!;
    const fixed = applyFix(c, finding.fix!).blocks[0];
    expect(fixed.type === 'attachment-list' && fixed.children.map((i) => i.number)).toEqual(['1.', '2.']);
  });
  it('checks each attachment heading against its position', () => {
    const c = content(list(['1.', '2.']), block('attachment-heading', '附件1'), block('attachment-heading', '附件3'));
    const finding = lintDocument({ content: c }).find((f) => f.code === 'attachment-numbering')!;
    expect(plainText(applyFix(c, finding.fix!).blocks[2])).toBe('附件2');
  });
});

describe('TOC title', () => {
  it('flags an override that differs from the title', () => {
    expect(codes([block('doc-title', '关于甲的通知')], '关于乙的通知')).toEqual(['toc-title-differs']);
    expect(codes([block('doc-title', '关于甲的通知')], '关于甲的通知')).toEqual([]);
  });
});

describe('全刊检查', () => {
  it('lists each finding with its document and counts them per document', async () => {
    const { lintIssue, countByDocument, issueFindingKey } = await import('./issue');
    const doc = (id: string, date: string) => ({
      id,
      sectionId: 's',
      kind: 'notice' as const,
      title: `文件${id}`,
      docNumber: '',
      position: 0,
      updatedAt: '',
      content: { schemaVersion: 1, blocks: [{ type: 'doc-title' as const, children: [{ text: `文件${id}` }] }, { type: 'date-line' as const, children: [{ text: date }] }] },
    });
    const tree = { issue: {} as never, sections: [{ id: 's', issueId: 'i', name: '栏目', position: 0, documents: [doc('a', '2024年7月31日'), doc('b', '2024年07月31日')] }] };
    const found = lintIssue(tree);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ documentId: 'b', title: '文件b', finding: { code: 'date-form' } });
    expect(countByDocument(found)).toEqual({ b: 1 });
    expect(issueFindingKey(found[0])).toContain('date-form');
  });
});

describe('a document without title', () => {
  const untitled = [block('addressee', '各乡镇人民政府，市政府各部门：'), block('paragraph', '现将有关事项通知如下。')];

  it('is a warning in 全刊检查 (its TOC entry would print only a page number) until it has a title or a TOC title', async () => {
    const { lintIssue } = await import('./issue');
    const doc = (blocks: unknown[], tocTitleOverride?: string) => ({ id: 'u', sectionId: 's', kind: 'notice' as const, title: '', tocTitleOverride, docNumber: '', position: 0, updatedAt: '', content: content(...blocks) });
    const tree = (d: ReturnType<typeof doc>) => ({ issue: {} as never, sections: [{ id: 's', issueId: 'i', name: '栏目', position: 0, documents: [d] }] });
    expect(lintIssue(tree(doc(untitled)))).toEqual([
      { documentId: 'u', title: '', finding: { code: 'title-missing', severity: 'warning', blockIndex: 0, excerpt: '各乡镇人民政府，市政府各部门：', params: {} } },
    ]);
    expect(lintIssue(tree(doc(untitled, '关于做好供暖工作的通知')))).toEqual([]);
    expect(lintIssue(tree(doc([block('doc-title', '关于做好供暖工作的通知'), ...untitled])))).toEqual([]);
    expect(lintIssue(tree(doc([block('doc-title', '  '), ...untitled]))).map((f) => f.finding.code)).toEqual(['title-missing']);
  });

  it('is found in the open document too, and not in a fragment checked on its own', () => {
    expect(lintDocument({ content: content(...untitled), requireTitle: true }).map((f) => f.code)).toEqual(['title-missing']);
    expect(codes(untitled)).toEqual([]);
  });
});

describe('pictures larger than the type area', () => {
  const tall = { width: 600, height: 1600 };
  const blocks = [block('doc-title', '关于图片的通知'), { type: 'image', assetId: 'tall', width: 420, alt: 'x.png', children: [{ text: '' }] }];

  it('are found only when their pixel size is known, at their block, with how small they print', () => {
    expect(codes(blocks)).toEqual([]);
    const found = lintDocument({ content: content(...blocks), imagePixels: (id) => (id === 'tall' ? tall : undefined) });
    expect(found).toEqual([{ code: 'image-scaled', severity: 'warning', blockIndex: 1, excerpt: '图片“x.png”', params: { name: '图片“x.png”', percent: 57 } }]);
  });

  it('show in 全刊检查 with their document once the sizes are known', async () => {
    const { lintIssue } = await import('./issue');
    const doc = { id: 'p', sectionId: 's', kind: 'notice' as const, title: '关于图片的通知', docNumber: '', position: 0, updatedAt: '', content: content(...blocks) };
    const tree = { issue: {} as never, sections: [{ id: 's', issueId: 'i', name: '栏目', position: 0, documents: [doc] }] };
    expect(lintIssue(tree)).toEqual([]);
    expect(lintIssue(tree, () => tall)).toMatchObject([{ documentId: 'p', finding: { code: 'image-scaled', blockIndex: 1, params: { percent: 57 } } }]);
  });
});
