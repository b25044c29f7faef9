/**
 * Real documents with a body font of their own: a gov.cn page (CSS `font-family: 宋体`, 楷体 spans) turned into
 * Word by LibreOffice, the same page imported as HTML, and a Word file typed with Word's defaults (宋体 body,
 * a phrase in 楷体_GB2312 and one in 黑体). Through `gazette import` and `gazette export --pdf`: the body prints
 * in the journal's 仿宋 (FandolFang), numbered sentences (一、同意…；…。) are body text, not 黑体 headings, and
 * a deliberate 楷体 phrase stays 楷体 (LXGW WenKai in the PDF).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import type { BlockElement, DocumentContent, TextLeaf } from '../common/model';
import { main } from '../main/cli';
import { findSoffice } from '../main/import/importDocx';
import { openLibrary } from '../main/store/index';

const soffice = findSoffice();
if (!soffice) console.warn('[import-body-font] LibreOffice (soffice) not found: skipping the LibreOffice conversion.');
const dir = mkdtempSync(join(tmpdir(), 'gazette-body-font-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const corpus = join(__dirname, 'fixtures', 'corpus', 'govcn');

async function gazette(db: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...argv, '--db', db], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), env: { ...process.env, GAZETTE_LIBRARY: db } });
  return { code, out, err };
}

/** Import one file into a fresh library: its issue id and its one document's content. */
async function importOne(file: string): Promise<{ db: string; issueId: string; content: DocumentContent }> {
  const db = join(dir, `${file.split('/').pop()}.sqlite`);
  const imported = await gazette(db, 'import', file);
  expect(imported.code, imported.err).toBe(0);
  const { issueId } = JSON.parse(imported.out) as { issueId: string };
  const library = openLibrary(db);
  try {
    const documents = library.issues.getTree(issueId).sections.flatMap((s) => s.documents);
    expect(documents).toHaveLength(1);
    return { db, issueId, content: documents[0].content };
  } finally {
    library.close();
  }
}

const textOf = (b: BlockElement): string => ('children' in b ? (b.children as Array<{ text?: string }>).map((c) => c.text ?? '').join('') : '');

/** `type face text` for every leaf with a face, table cells included. */
function facedLeaves(content: DocumentContent): string[] {
  const out: string[] = [];
  const walk = (node: { type?: string; children?: unknown[] } & Partial<TextLeaf>, type: string) => {
    if (typeof node.text === 'string') {
      if (node.face) out.push(`${type} ${node.face} ${node.text}`);
      return;
    }
    for (const child of (node.children ?? []) as Array<{ type?: string }>) walk(child, child.type ?? type);
  };
  for (const block of content.blocks) walk(block as never, block.type);
  return out;
}

/** Export the issue to PDF; the fonts (pdffonts) of the pages whose text holds `marker`. */
async function documentPageFonts(db: string, issueId: string, marker: string): Promise<string[]> {
  const pdf = join(dir, `${issueId}.pdf`);
  const exported = await gazette(db, 'export', '--issue', issueId, '--pdf', pdf);
  expect(exported.code, exported.err).toBe(0);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const fonts = new Set<string>();
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
    if (!text.replace(/\s/g, '').includes(marker)) continue;
    const table = execFileSync('pdffonts', ['-f', String(p), '-l', String(p), pdf], { encoding: 'utf8' });
    for (const line of table.split('\n').slice(2)) if (line.trim()) fonts.add(line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
  }
  return [...fonts];
}

describe.skipIf(!soffice)('a gov.cn page turned into Word by LibreOffice', () => {
  it('prints 国办函〔1996〕14号 in 仿宋: its numbered points are body text, no face comes from the page font', async () => {
    const html = join(dir, '43_guobanhan_1996_14.html');
    copyFileSync(join(corpus, '43_guobanhan_1996_14.html'), html);
    execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, html], { stdio: 'ignore', timeout: 240_000 });
    const { db, issueId, content } = await importOne(join(dir, '43_guobanhan_1996_14.docx'));
    expect(content.blocks.map((b) => b.type).slice(0, 3)).toEqual(['doc-title', 'doc-number', 'addressee']);
    const points = content.blocks.filter((b) => /^[一二三四]、/.test(textOf(b)));
    expect(points.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(facedLeaves(content)).toEqual([]);
    expect(content.blocks.slice(-3).map((b) => b.type)).toEqual(['signature', 'date-line', 'paragraph']);

    const fonts = await documentPageFonts(db, issueId, '中国气象局：');
    expect(fonts.some((f) => /FandolFang/.test(f))).toBe(true);
    // 黑体 (Noto Sans SC) printed no point of the body. (宋体, Noto Serif SC Regular, is the running head's and folio's.)
    expect(fonts.filter((f) => /NotoSansSC/.test(f))).toEqual([]);
  }, 480_000);
});

describe('a gov.cn page imported as HTML', () => {
  it('keeps the 楷体 phrases of 国办发〔2018〕128号 and drops its 宋体 body font', async () => {
    const { content } = await importOne(join(corpus, '07_guobanfa_2018_128.html'));
    const faced = facedLeaves(content);
    expect(faced.every((f) => / kai /.test(f))).toBe(true);
    // The page sets its 牵头/指导 notes in 楷体 at the end of paragraphs: they stay 楷体.
    expect(faced).toContain('paragraph kai （自然资源部、工业和信息化部指导）');
    expect(faced).toContain('paragraph kai 坚持问题导向，注重创新驱动。');
    // Never on the title or the 文号, although the page sets the 文号 in 楷体.
    expect(faced.filter((f) => /^doc-/.test(f))).toEqual([]);
  }, 120_000);
});

describe('a Word file typed with Word\'s defaults', () => {
  it('prints the 宋体 body in 仿宋 and keeps a 楷体 and a 黑体 phrase', async () => {
    // What Word or WPS writes: the document default font 宋体 小四, and runs that name 宋体 again (WPS).
    const song = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
    const p = (text: string | TextRun[], opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; bold?: boolean; size?: number } = {}) =>
      new Paragraph({ alignment: opts.align, children: typeof text === 'string' ? [new TextRun({ text, font: song, bold: opts.bold, size: opts.size })] : text });
    const doc = new Document({
      styles: { default: { document: { run: { font: '宋体', size: 24 } } } },
      sections: [
        {
          children: [
            p('格尔木市人民政府办公室关于做好2025年防汛工作的通知', { align: AlignmentType.CENTER, bold: true, size: 44 }),
            p('格政办〔2025〕7号', { align: AlignmentType.CENTER }),
            p('各乡镇人民政府，市政府各部门：'),
            p('为做好今年防汛工作，确保人民群众生命财产安全，现就有关事项通知如下：'),
            p('一、提高思想认识'),
            p([
              new TextRun({ text: '各单位要坚持人民至上、生命至上，把防汛工作摆在突出位置，', font: song }),
              new TextRun({ text: '（市应急管理局牵头）', font: { eastAsia: '楷体_GB2312' } }),
              new TextRun({ text: '认真落实防汛责任。', font: song }),
            ]),
            p('二、加强值班值守'),
            p([
              new TextRun({ text: '汛期实行24小时值班和领导带班制度，', font: song }),
              new TextRun({ text: '严禁脱岗漏岗', font: { eastAsia: '黑体' } }),
              new TextRun({ text: '，发现险情及时报告。', font: song }),
            ]),
            p('格尔木市人民政府办公室', { align: AlignmentType.RIGHT }),
            p('2025年5月6日', { align: AlignmentType.RIGHT }),
          ],
        },
      ],
    });
    const file = join(dir, 'word-defaults.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const { db, issueId, content } = await importOne(file);
    expect(content.blocks.map((b) => b.type)).toEqual(['doc-title', 'doc-number', 'addressee', 'paragraph', 'heading', 'paragraph', 'heading', 'paragraph', 'signature', 'date-line']);
    expect(facedLeaves(content)).toEqual(['paragraph kai （市应急管理局牵头）', 'paragraph hei 严禁脱岗漏岗']);

    const fonts = await documentPageFonts(db, issueId, '各乡镇人民政府');
    expect(fonts.some((f) => /FandolFang/.test(f))).toBe(true);
    expect(fonts.some((f) => /WenKai/i.test(f))).toBe(true);
  }, 480_000);
});
