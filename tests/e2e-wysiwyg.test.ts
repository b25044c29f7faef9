/**
 * What you see is what prints: one document holding every element type and mark is opened in the editor
 * (web bridge, Chromium) and laid out by the live preview (the print page, journal.css). For each element the
 * editor must show what the print sets: alignment, first-line indent, face (仿宋/楷体/黑体/宋体/小标宋),
 * weight, size relative to the body text, a table's column widths, merges, and header/number cell alignment;
 * and the preview must hold the editor's text, character for character, before and after an edit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, chromiumPath, ensureBuilt, freshDbPath, launchBrowser, startServer, type RunningServer } from './e2e-support';
import { makeJpeg } from './image-fixtures';

const hasChromium = !!chromiumPath();
const POLL = { timeout: 60_000 };

type Leaf = { text: string; [mark: string]: unknown };
const T = (text: string, marks: Record<string, unknown> = {}): Leaf => ({ text, ...marks });
const P = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'paragraph', ...extra, children: [T(text)] });
const cell = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'table-cell', ...extra, children: [P(text)] });

/** Every element type and mark the print styles apart (own wording). */
const BLOCKS = [
  { type: 'doc-title', issuer: '某某县人民政府办公室', children: [T('某某县人民政府办公室关于做好冬季道路养护工作的通知')] },
  { type: 'doc-number', children: [T('某政办〔2026〕9号')] },
  { type: 'addressee', children: [T('各乡镇人民政府，县政府各部门：')] },
  P('为保障冬季道路安全畅通，现就有关事项通知如下。'),
  { type: 'paragraph', children: [T('正文里有'), T('加粗的要求', { bold: true }), T('和'), T('楷体的说明', { face: 'kai' }), T('，还有'), T('黑体的条目', { face: 'hei' }), T('。')] },
  { type: 'heading', level: 1, children: [T('一、总体要求')] },
  { type: 'heading', level: 2, children: [T('（一）加强组织领导。各单位要明确责任人，落实值班制度。')] },
  { type: 'heading', level: 2, children: [T('（二）强化物资保障')] },
  { type: 'heading', level: 3, children: [T('1.储备融雪剂')] },
  { type: 'heading', level: 4, children: [T('（1）按路段分配')] },
  P('第一章　总　则', { align: 'center', indent: false }),
  P('居中的一行说明文字', { align: 'center' }),
  P('右对齐的一行', { align: 'right' }),
  P('不缩进的一行文字。', { indent: false }),
  {
    type: 'table',
    headerRows: 1,
    children: [
      { type: 'table-row', children: [cell('序号'), cell('路段名称'), cell('责任单位'), cell('里程（公里）')] },
      { type: 'table-row', children: [cell('1'), cell('县城至甲镇至乙乡至丙村的县道'), cell('交通运输局', { rowSpan: 2 }), cell('12.5')] },
      { type: 'table-row', children: [cell('2'), cell('甲镇至乙乡'), cell('30')] },
      { type: 'table-row', children: [cell('合计', { colSpan: 2 }), cell('—'), cell('42.5')] },
    ],
  },
  { type: 'paragraph', role: 'table-note', children: [T('注：里程以实测为准。')] },
  { type: 'attachment-list', children: [{ type: 'attachment-item', number: '1.', children: [T('养护责任分工表')] }, { type: 'attachment-item', number: '2.', children: [T('应急物资储备清单')] }] },
  { type: 'signature', children: [T('某某县人民政府办公室')] },
  { type: 'date-line', children: [T('2026年11月20日')] },
  { type: 'attachment-heading', children: [T('附件1')] },
  // An issuer kept from the import whose words the editor cut off the title: nothing of it may print.
  { type: 'doc-title', issuer: '某某县交通运输局', children: [T('养护责任分工表')] },
  P('附件的正文。'),
];

/** Text snippets whose look is compared, each unique in the document. */
const PROBES = [
  '关于做好冬季道路养护工作的通知',
  '某政办〔2026〕9号',
  '各乡镇人民政府',
  '为保障冬季道路安全畅通',
  '加粗的要求',
  '楷体的说明',
  '黑体的条目',
  '一、总体要求',
  '（一）加强组织领导。',
  '各单位要明确责任人',
  '（二）强化物资保障',
  '1.储备融雪剂',
  '（1）按路段分配',
  '第一章',
  '居中的一行说明文字',
  '右对齐的一行',
  '不缩进的一行文字',
  '路段名称',
  '县城至甲镇至乙乡至丙村的县道',
  '交通运输局',
  '12.5',
  '合计',
  '注：里程以实测为准',
  '养护责任分工表',
  '某某县人民政府办公室',
  '2026年11月20日',
  '附件1',
  '附件的正文',
];

interface Look {
  probe: string;
  align: string;
  indentEm: number;
  face: string;
  bold: boolean;
  size: number;
}

/**
 * The look of each probe in a document (the editor or a print page): the deepest element holding the text,
 * its face, weight and size relative to the body text (the probe `body`), and its block's alignment and
 * first-line indent. Runs in the page.
 */
function looksIn(root: Element, { probes, body, skip }: { probes: string[]; body: string; skip: string }): Look[] {
  const squeeze = (s: string) => s.replace(/[\s\u3000\u200b]+/g, '');
  const holder = (text: string): HTMLElement | null => {
    let best: HTMLElement | null = null;
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
      if (el.closest(skip)) continue;
      if (squeeze(el.textContent ?? '').includes(squeeze(text))) best = el; // document order: deeper comes later
    }
    return best;
  };
  const face = (style: CSSStyleDeclaration): string => {
    const first = style.fontFamily.split(',')[0].trim().replace(/["']/g, '');
    if (/Fandol|仿宋|FangSong/i.test(first)) return 'fang';
    if (/WenKai|GZ Quotes|楷体|KaiTi/i.test(first)) return 'kai';
    if (/Sans|黑体|SimHei/i.test(first)) return 'hei';
    if (/XiaoBiaoSong|小标宋/.test(first)) return 'title';
    if (/Serif|宋体|SimSun/i.test(first)) return Number(style.fontWeight) >= 600 ? 'title' : 'song';
    return first;
  };
  const blockOf = (el: HTMLElement): HTMLElement => {
    let at: HTMLElement = el;
    while (at.parentElement && !/^(block|table-cell|list-item|flow-root|flex)$/.test(getComputedStyle(at).display)) at = at.parentElement;
    return at;
  };
  const bodySize = parseFloat(getComputedStyle(holder(body)!).fontSize);
  return probes.map((probe) => {
    const el = holder(probe);
    if (!el) return { probe, align: 'missing', indentEm: 0, face: 'missing', bold: false, size: 0 };
    const style = getComputedStyle(el);
    const block = blockOf(el);
    const blockStyle = getComputedStyle(block);
    const align = blockStyle.textAlign === 'center' ? 'center' : /right|end/.test(blockStyle.textAlign) ? 'right' : 'left';
    return {
      probe,
      align,
      indentEm: Math.round((parseFloat(blockStyle.textIndent) / parseFloat(blockStyle.fontSize)) * 2) / 2,
      face: face(style),
      // 黑体 is the print's bold (a weight over 600 in another face is synthesised bold, which never prints).
      bold: Number(style.fontWeight) >= 600 && face(style) !== 'title',
      size: Math.round((parseFloat(style.fontSize) / bodySize) * 10) / 10,
    };
  });
}

/** Column widths (fractions of the table) of the row holding `rowText`, and every row's cells with spans. */
function tableIn(root: Element, { rowText, skip }: { rowText: string; skip: string }): { widths: number[]; spans: string[] } {
  const table = Array.from(root.querySelectorAll('table')).find((t) => !t.closest(skip) && (t.textContent ?? '').includes(rowText))!;
  const row = Array.from(table.querySelectorAll('tr')).find((r) => (r.textContent ?? '').includes(rowText))!;
  const total = table.getBoundingClientRect().width;
  return {
    widths: Array.from(row.children).map((c) => Math.round((c.getBoundingClientRect().width / total) * 100) / 100),
    spans: Array.from(table.querySelectorAll('tr')).map((r) => Array.from(r.children).map((c) => `${(c as HTMLTableCellElement).rowSpan}x${(c as HTMLTableCellElement).colSpan}`).join(' ')),
  };
}

/** A document's text as shown, white space removed: the editor's (without its own labels) or the print's (without page furniture). */
function shownText(root: Element, skip: string): string {
  const copy = root.cloneNode(true) as Element;
  copy.querySelectorAll(skip).forEach((el) => el.remove());
  return (copy.textContent ?? '').replace(/[\s\u3000\u200b]+/g, '');
}

/** What the editor draws that is not the document: the page-break label, image tools. */
const EDITOR_CHROME = '.page-break-line, .image-tools, .image-placeholder';
/** Page furniture and copies the print page adds: running heads, folios, repeated table headers. */
const PRINT_FURNITURE = '.gz-head, .gz-folio, .gz-repeat, .gz-toc-sidebar';

describe.skipIf(!hasChromium)('what you see is what prints', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let documentId: string;
  let issueId: string;

  const printFrame = async (): Promise<Frame> => (await (await page.$('[data-testid=preview-frame]'))!.contentFrame())!;
  /** The preview's laid-out pages once they show the document's last words and the layout is done. */
  const previewReady = async (mustHold: string) => {
    await expect
      .poll(async () => {
        if ((await page.locator('[data-testid=preview-status]').getAttribute('data-state')) !== 'done') return false;
        const frame = await printFrame();
        return frame.evaluate((text) => (document.body.textContent ?? '').replace(/\s+/g, '').includes(text), mustHold);
      }, POLL)
      .toBe(true);
    return printFrame();
  };

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer(freshDbPath());
    const issues = await callApi<Array<{ id: string }>>(server, 'issues.list', {});
    issueId = issues[0].id;
    const tree = await callApi<{ sections: Array<{ id: string }> }>(server, 'issues.getTree', { issueId });
    ({ documentId } = await callApi<{ documentId: string }>(server, 'documents.add', { sectionId: tree.sections[0].id, kind: 'notice', content: { schemaVersion: 1, blocks: BLOCKS }, position: 0 }));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}#/issue/${issueId}/doc/${documentId}`);
    await page.waitForSelector('[data-testid=editor] [data-type=date-line]');
  }, 150_000);

  const scratch = mkdtempSync(path.join(tmpdir(), 'gazette-wysiwyg-'));
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('shows every element with the print’s alignment, indent, face, weight and relative size', { timeout: 120_000 }, async () => {
    const frame = await previewReady('附件的正文');
    await page.evaluate(() => document.fonts.ready);
    const body = '为保障冬季道路安全畅通';
    const editor = await page.locator('[data-testid=editor]').evaluate(looksIn, { probes: PROBES, body, skip: EDITOR_CHROME });
    const print = await frame.locator('body').evaluate(looksIn, { probes: PROBES, body, skip: PRINT_FURNITURE });
    // Sanity: the print page's own look is what the format says (so the comparison compares something).
    const printed = new Map(print.map((l) => [l.probe, l]));
    expect(printed.get('居中的一行说明文字')).toMatchObject({ align: 'center', indentEm: 0 });
    expect(printed.get('一、总体要求')).toMatchObject({ face: 'hei', indentEm: 2 });
    expect(printed.get('各单位要明确责任人')).toMatchObject({ face: 'fang' });
    expect(printed.get('路段名称')).toMatchObject({ face: 'hei', align: 'center' });
    // Sizes may differ by a tenth of the body size (the editor rounds to whole pixels less finely).
    const differences = editor.flatMap((seen, i) => {
      const want = print[i];
      const off: string[] = [];
      if (seen.align !== want.align) off.push(`align ${seen.align} ≠ ${want.align}`);
      if (Math.abs(seen.indentEm - want.indentEm) > 0.5) off.push(`indent ${seen.indentEm}em ≠ ${want.indentEm}em`);
      if (seen.face !== want.face) off.push(`face ${seen.face} ≠ ${want.face}`);
      if (seen.bold !== want.bold) off.push(`bold ${seen.bold} ≠ ${want.bold}`);
      if (Math.abs(seen.size - want.size) > 0.1 + 1e-9) off.push(`size ${seen.size} ≠ ${want.size}`);
      return off.length ? [`${seen.probe}: ${off.join(', ')}`] : [];
    });
    expect(differences).toEqual([]);
  });

  it('shows a table with the print’s column widths and merged cells', { timeout: 120_000 }, async () => {
    const frame = await previewReady('附件的正文');
    // The editor works the print's widths out once the table is drawn: poll until they show.
    const print = await frame.locator('body').evaluate(tableIn, { rowText: '县城至甲镇', skip: PRINT_FURNITURE });
    expect(print.spans).toEqual(['1x1 1x1 1x1 1x1', '1x1 1x1 2x1 1x1', '1x1 1x1 1x1', '1x2 1x1 1x1']);
    await expect
      .poll(async () => {
        const seen = await page.locator('[data-testid=editor]').evaluate(tableIn, { rowText: '县城至甲镇', skip: EDITOR_CHROME });
        return seen.spans.join('|') === print.spans.join('|') && seen.widths.every((w, i) => Math.abs(w - print.widths[i]) <= 0.03);
      }, POLL)
      .toBe(true);
  });

  it('prints every character the editor shows, in order, and nothing else; after an edit too', { timeout: 120_000 }, async () => {
    let frame = await previewReady('附件的正文');
    const editorText = () => page.locator('[data-testid=editor]').evaluate(shownText, EDITOR_CHROME);
    const printText = (f: Frame) => f.locator('body').evaluate(shownText, PRINT_FURNITURE);
    expect(await printText(frame)).toBe(await editorText());
    // An edit: words typed at the end of the last paragraph reach the preview, and the texts agree again.
    const last = page.locator('[data-testid=editor] [data-type=paragraph]').last();
    await last.click();
    await page.keyboard.press('End');
    await page.keyboard.type('补充一句');
    await expect.poll(() => editorText(), POLL).toContain('附件的正文。补充一句');
    frame = await previewReady('附件的正文。补充一句');
    expect(await printText(frame)).toBe(await editorText());
  });

  it('shows a picture without a set width at its printed width, a share of the type area', { timeout: 120_000 }, async () => {
    // 500 × 100 px, no width chosen: printed at 375 pt of the 420 pt type area (common/render/figureSize.ts),
    // whatever the width of the editor's paper.
    await page.locator('[data-testid=editor] [data-type=paragraph]').last().click();
    await page.setInputFiles('input[data-role=image-input]', { name: 'band.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(makeJpeg(scratch, 500, 100)) });
    await page.waitForSelector('[data-testid=editor] .el-image img[src^="data:image/jpeg;base64,"]', { timeout: 30_000 });
    const frame = await printFrame();
    const printed = frame.locator('.gz-figure img[src^="data:image/jpeg;base64,"]');
    await printed.first().waitFor({ timeout: 60_000 });
    const share = (img: HTMLImageElement, area: string) => img.getBoundingClientRect().width / img.closest(area)!.getBoundingClientRect().width;
    const near = (x: number) => Math.abs(x - 375 / 420) < 0.02;
    await expect.poll(async () => near(await printed.first().evaluate(share, '.pagedjs_page_content')), POLL).toBe(true);
    await expect.poll(async () => near(await page.locator('[data-testid=editor] .el-image img').first().evaluate(share, '[data-testid=editor]')), POLL).toBe(true);
  });
});
