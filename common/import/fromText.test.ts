import { describe, expect, it } from 'vitest';
import { contentPlainText, deriveTitleAndNumber, squeezeWhitespace, withoutInvisibles, type IssueTree } from '../model';
import { deriveIssueDate, importDocumentFromText, importIssueFromText } from './fromText';
import { frontMatterToText } from './frontMatterText';

function allText(tree: IssueTree): string {
  const parts = [frontMatterToText(tree.issue.frontMatter)];
  for (const s of tree.sections) for (const d of s.documents) parts.push(contentPlainText(d.content));
  return squeezeWhitespace(parts.join('\n'));
}

/** Every non-empty line of the source (whitespace ignored) is in the issue. */
function expectNothingLost(source: string, tree: IssueTree) {
  const haystack = allText(tree);
  const missing = source
    .split(/\r\n|\r|\n/)
    .map((l) => squeezeWhitespace(l))
    .filter((l) => l && !haystack.includes(l));
  expect(missing).toEqual([]);
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOTICE = `格尔木市人民政府办公室 关于做好某项工作的通知

格政办〔2024〕5号

各乡镇人民政府：

一、总体要求

（一）加强领导。各部门要明确责任，建立工作机制，单位主要负责同志亲自研究、亲自部

署，认真把关。

2024年7月5日`;

describe('importDocumentFromText', () => {
  it('structures a pasted notice', () => {
    const { content, warnings } = importDocumentFromText(NOTICE);
    expect(warnings).toEqual([]);
    expect(content.blocks.map((b) => b.type)).toEqual(['doc-title', 'doc-number', 'addressee', 'heading', 'heading', 'date-line']);
    expect(deriveTitleAndNumber(content)).toEqual({ title: '格尔木市人民政府办公室关于做好某项工作的通知', docNumber: '格政办〔2024〕5号' });
    expect(contentPlainText(content)).toContain('亲自部署，认真把关。');
  });
  it('imports a document with no 文号: title only', () => {
    const { content } = importDocumentFromText('关于某事的通知\n\n各单位：\n\n正文。');
    expect(deriveTitleAndNumber(content)).toEqual({ title: '关于某事的通知', docNumber: '' });
    expect(content.blocks.map((b) => b.type)).toEqual(['doc-title', 'addressee', 'paragraph']);
  });
  it('warns when no title can be found and keeps the text', () => {
    const { content, warnings } = importDocumentFromText('这是一段没有标题的正文，直接开始叙述。\n第二段。');
    expect(warnings.map((w) => w.code)).toEqual(['title-not-found']);
    expect(contentPlainText(content)).toBe('这是一段没有标题的正文，直接开始叙述。\n第二段。');
  });
});

describe('importIssueFromText robustness', () => {
  it('imports an empty string to an empty, valid issue', () => {
    const { tree, warnings } = importIssueFromText('');
    expect(tree.sections).toEqual([]);
    expect(warnings).toEqual([]);
    expect(tree.issue.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it('survives binary garbage and keeps its text', () => {
    const r = random(7);
    // Random bytes decoded as UTF-8 (as a binary file opened as text would be): control
    // characters, tabs, line ends and U+FFFD replacement characters.
    const bytes = Uint8Array.from({ length: 200_000 }, () => Math.floor(r() * 256));
    const garbage = new TextDecoder('utf-8').decode(bytes);
    const { tree } = importIssueFromText(garbage);
    expect(tree.sections.length).toBeGreaterThan(0);
    const haystack = squeezeWhitespace(tree.sections.flatMap((s) => s.documents.map((d) => contentPlainText(d.content))).join('\n'));
    const missing = garbage
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\r|\n/)
      .map((l) => l.replace(/^[ \t]{0,3}- (?=\S)/, ''))
      .flatMap((l) => l.split('\t'))
      // Control and format characters are not text: every document drops them (normalize.ts withoutInvisibles).
      .map((piece) => squeezeWhitespace(withoutInvisibles(piece.replace(/\*\*/g, ''))))
      .filter((piece) => piece && !haystack.includes(piece));
    expect(missing).toEqual([]);
  });
  it('keeps a text that is only a TOC: sections plus one placeholder per entry', () => {
    const toc = '目 录\n\n市政府办公室文件\n\n格尔木市人民政府办公室关于聘用全市营商环境监督员的通知\n格政办〔2024〕9号……………（3）\n\n大事记\n\n7月份大事记……………（54）';
    const { tree, warnings } = importIssueFromText(toc);
    expect(tree.sections.map((s) => [s.name, s.documents.map((d) => `${d.title}|${d.docNumber}`)])).toEqual([
      ['市政府办公室文件', ['格尔木市人民政府办公室关于聘用全市营商环境监督员的通知|格政办〔2024〕9号']],
      ['大事记', ['7月份大事记|']],
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['toc-entry-not-found', 'toc-entry-not-found']);
  });
  it('reads CRLF text exactly like LF text', () => {
    const lf = importIssueFromText(NOTICE + '\n\n' + NOTICE.replace('5号', '6号'));
    const crlf = importIssueFromText((NOTICE + '\n\n' + NOTICE.replace('5号', '6号')).replace(/\n/g, '\r\n'));
    const shape = (t: IssueTree) => t.sections.map((s) => s.documents.map((d) => d.content));
    expect(shape(crlf.tree)).toEqual(shape(lf.tree));
    expect(lf.tree.sections[0].documents.map((d) => d.docNumber)).toEqual(['格政办〔2024〕5号', '格政办〔2024〕6号']);
  });
  it('imports documents without a TOC into sections by kind, and one without 文号', () => {
    const text = `${NOTICE}\n\n格尔木市人民政府\n\n关于李润等同志职务任免的通知\n\n格政人〔2024〕11号\n\n各单位：\n\n李润同志任副主任；\n\n7月份大事记\n\n7月1日，会议召开。`;
    const { tree } = importIssueFromText(text);
    expect(tree.sections.map((s) => [s.name, s.documents.map((d) => d.kind)])).toEqual([
      ['市政府办公室文件', ['notice']],
      ['人事任免', ['personnel']],
      ['大事记', ['chronicle']],
    ]);
    expectNothingLost(text, tree);
  });
  it('imports 10 MB of random CJK text without losing any of it', () => {
    const r = random(42);
    const parts: string[] = [];
    let size = 0;
    while (size < 10 * 1024 * 1024) {
      const len = 1 + Math.floor(r() * 300);
      let line = '';
      for (let i = 0; i < len; i++) line += r() < 0.05 ? '，。、；'[Math.floor(r() * 4)] : String.fromCharCode(0x4e00 + Math.floor(r() * 0x51a5));
      parts.push(line, r() < 0.5 ? '' : '\n');
      size += line.length * 3 + 1;
    }
    const text = parts.join('\n');
    const started = performance.now();
    const { tree } = importIssueFromText(text);
    console.log(`10 MB random CJK: ${(performance.now() - started).toFixed(0)} ms`);
    const out = squeezeWhitespace(tree.sections.flatMap((s) => s.documents.map((d) => contentPlainText(d.content))).join(''));
    // Nothing in random CJK is markup, so the output is exactly the input without whitespace.
    expect(out).toBe(squeezeWhitespace(text));
  });
  it('keeps front-matter lines it cannot place at the top of the first document, with a warning', () => {
    const text = `政务公开信息\n\n本刊唯一刊物\n\n2024年第6期\n\n主管：某单位\n主办：某办公室\n\n印刷：某印刷厂\n某行不知所云\n\n目 录\n\n大事记\n\n7月份大事记……（54）\n\n7月份大事记\n\n7月1日，会议召开。`;
    const { tree, warnings } = importIssueFromText(text);
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['unplaced-line', 11]]);
    expect(tree.issue.frontMatter.tagline).toBe('本刊唯一刊物');
    expect(tree.issue.frontMatter.colophon).toEqual([{ label: '印刷', value: '某印刷厂' }]);
    const first = tree.sections[0].documents[0];
    expect(contentPlainText(first.content).split('\n')[0]).toBe('某行不知所云');
    expect(first.title).toBe('7月份大事记');
  });
  it('files a document missing from the TOC under the section of the document before it', () => {
    const text = `目 录\n\n人事任免\n\n关于甲的通知\n格政人〔2024〕1号……（3）\n\n关于甲的通知\n\n格政人〔2024〕1号\n\n甲同志任主任；\n\n关于乙的通知\n\n格政人〔2024〕2号\n\n乙同志任主任；`;
    const { tree, warnings } = importIssueFromText(text);
    expect(tree.sections.map((s) => [s.name, s.documents.map((d) => d.docNumber)])).toEqual([['人事任免', ['格政人〔2024〕1号', '格政人〔2024〕2号']]]);
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['document-not-in-toc', 14]]);
  });
  it('never throws on values that are not strings', () => {
    const hostile = { toString: () => { throw new Error('no'); } };
    expect(() => importIssueFromText(hostile as unknown as string)).not.toThrow();
    expect(() => importDocumentFromText(undefined as unknown as string)).not.toThrow();
  });
});

describe('deriveIssueDate', () => {
  it('takes the latest closing date or the end of the 大事记 month', () => {
    const date = (text: string) => ({ schemaVersion: 1, blocks: [{ type: 'date-line' as const, children: [{ text }] }] });
    const chronicle = { schemaVersion: 1, blocks: [{ type: 'doc-title' as const, children: [{ text: '2月份大事记' }] }] };
    expect(deriveIssueDate([date('2024年7月5日'), date('2024年7月31日')], 2024)).toBe('2024-07-31');
    expect(deriveIssueDate([date('2024年1月5日'), chronicle], 2024)).toBe('2024-02-29');
    expect(deriveIssueDate([], 2024)).toBe('2024-01-01');
  });
});
