import { describe, expect, it } from 'vitest';
import { isFolioLine, stripPrintedPageLines } from './printedPage';
import { splitLines } from './lines';
import { importDocumentFromText, importIssueFromText } from './fromText';

const texts = (lines: Array<{ text: string }>) => lines.map((l) => l.text);

describe('text copied from a printed PDF', () => {
  it('knows a folio in the forms print and PDF viewers give it', () => {
    for (const f of ['— 3 —', '－3－', '- 12 -', '—3—', '第 3 页', '第3页 共5页', '第2页，共7页']) expect(isFolioLine(f), f).toBe(true);
    for (const t of ['3', '一、总体要求', '第三条', '— 以下无正文 —', '2024—2025']) expect(isFolioLine(t), t).toBe(false);
  });

  it('drops folios and the issue head at a page top, and keeps a short body line at a page foot', () => {
    const lines = splitLines(['结合居民意愿，合理确定', '— 1 —', '格尔木市人民政府公报　　　2024年第5期', '改造内容和标准。', '上述工作第3期', '— 2 —'].join('\n'));
    const { lines: kept, dropped } = stripPrintedPageLines(lines);
    expect(texts(kept)).toEqual(['结合居民意愿，合理确定', '改造内容和标准。', '上述工作第3期']);
    expect(dropped.map((l) => l.no)).toEqual([2, 3, 6]);
  });

  it('drops a bare page number only from a centred line (a Word or web line), never from plain text', () => {
    const lines = [
      { no: 1, text: '各单位要按照属地管理原则，', listMarker: false },
      { no: 2, text: ' 1 ', listMarker: false, align: 'center' as const },
      { no: 3, text: '认真组织开展自查自纠。', listMarker: false },
      { no: 4, text: '12', listMarker: false },
    ];
    expect(texts(stripPrintedPageLines(lines).lines)).toEqual(['各单位要按照属地管理原则，', '认真组织开展自查自纠。', '12']);
  });

  it('drops a head repeated beside two or more folios, at a page top or foot', () => {
    const lines = splitLines(['第一段文字，', '某某县人民政府文件汇编', '— 1 —', '第二段文字，', '某某县人民政府文件汇编', '— 2 —', '完。'].join('\n'));
    expect(texts(stripPrintedPageLines(lines).lines)).toEqual(['第一段文字，', '第二段文字，', '完。']);
  });

  it('joins a sentence a page cut, in an issue import and in a pasted document, saying what it left out', () => {
    const text = ['格尔木市人民政府办公室关于做好防汛工作的通知', '格政办〔2024〕50号', '各乡镇人民政府：', '各地要落实防汛责任，严格执行24小时值班和领导带', '— 1 —', '某某市人民政府公报　2024年第6期', '班制度，确保信息畅通。', '格尔木市人民政府办公室', '2024年6月1日', '— 2 —'].join('\n');
    const issue = importIssueFromText(text);
    const doc = issue.tree.sections[0].documents[0];
    expect(issue.tree.sections.flatMap((s) => s.documents)).toHaveLength(1);
    const para = doc.content.blocks.find((b) => b.type === 'paragraph');
    expect(para && 'children' in para ? para.children.map((c) => ('text' in c ? c.text : '')).join('') : '').toBe('各地要落实防汛责任，严格执行24小时值班和领导带班制度，确保信息畅通。');
    expect(issue.warnings.some((w) => w.code === 'print-page-lines-dropped' && w.text === '— 1 —')).toBe(true);
    const pasted = importDocumentFromText(text);
    expect(JSON.stringify(pasted.content)).not.toContain('— 1 —');
    expect(JSON.stringify(pasted.content)).not.toContain('公报');
  });
});
