/** PDF post-processing (pdf-lib): metadata, outline, page labels, bleed with crop marks, padding to 4. */
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { BLEED_PT, SLUG_PT, postProcessPdf } from '../main/export/pdfPost';

async function blankPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage([595.28, 841.89]);
  return pdf.save();
}

const base = {
  title: '格尔木市人民政府政务公开信息 2024年第6期',
  subject: '总第191期',
  date: '2024-07-31',
  outline: [
    { title: '关于聘用全市营商环境监督员的通知（格政办〔2024〕9号）', pageIndex: 4 },
    { title: '7月份大事记', pageIndex: 6 },
  ],
  frontLabels: ['封面', '封二'],
};

describe('postProcessPdf', () => {
  it('sets metadata, one bookmark per entry and page labels', async () => {
    const out = await PDFDocument.load(await postProcessPdf(await blankPdf(7), base), { updateMetadata: false });
    expect(out.getTitle()).toBe(base.title);
    expect(out.getProducer()).toMatch(/gazette/);
    const outlines = out.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(outlines.get(PDFName.of('Count'))?.toString()).toBe('2');
    const labels = out.catalog.lookup(PDFName.of('PageLabels'), PDFDict);
    const nums = labels.lookup(PDFName.of('Nums'), PDFArray);
    expect(nums.size()).toBe(6); // 封面, 封二, then decimal from 1
    expect(out.getPageCount()).toBe(7);
    expect(out.getPage(0).getMediaBox().width).toBeCloseTo(595.28, 1);
  });

  it('pads to a multiple of 4 and adds bleed with trim and bleed boxes when asked', async () => {
    const out = await PDFDocument.load(await postProcessPdf(await blankPdf(7), { ...base, bleed: true, padToMultipleOf4: true }));
    expect(out.getPageCount()).toBe(8);
    const page = out.getPage(0);
    expect(page.getTrimBox()).toEqual({ x: 0, y: 0, width: 595.28, height: 841.89 });
    expect(page.getBleedBox().width).toBeCloseTo(595.28 + 2 * BLEED_PT, 3);
    expect(page.getMediaBox().width).toBeCloseTo(595.28 + 2 * (BLEED_PT + SLUG_PT), 3);
  });
});
