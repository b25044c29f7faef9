import { describe, expect, it } from 'vitest';
import { importIssueFromHtml } from '../common/import/fromHtml';
import { linkedomEnvironment } from '../main/import/linkedomEnvironment';

function firstDocument(html: string) {
  const result = importIssueFromHtml(html, linkedomEnvironment());
  if (!result.ok) throw new Error(result.error.message);
  const docs = result.tree.sections.flatMap((s) => s.documents);
  return { doc: docs[0], count: docs.length, warnings: result.warnings };
}

const BODY = '<p>各乡镇人民政府，市政府各部门：</p><p>现将有关事项通知如下，请认真贯彻执行。</p><p align="right">格尔木市人民政府办公室</p><p align="right">2026年3月5日</p>';

describe('a 文号 set above the centred title of a page', () => {
  it('is the 文号, not a stray line before the title', () => {
    const { doc, count, warnings } = firstDocument(`<html><body><p>格政办〔2026〕12号</p><p align="center">关于加强城市管理工作的通知</p>${BODY}</body></html>`);
    expect(count).toBe(1);
    expect([doc.title, doc.docNumber]).toEqual(['关于加强城市管理工作的通知', '格政办〔2026〕12号']);
    expect(doc.content.blocks.slice(0, 2).map((b) => b.type)).toEqual(['doc-title', 'doc-number']);
    expect(warnings.some((w) => w.code === 'unplaced-line')).toBe(false);
  });

  it('is the 文号 when set flush right under a 版头, a breadcrumb above still the page\'s', () => {
    const { doc } = firstDocument(
      `<html><body><p>首页 &gt; 政务公开 &gt; 政府文件</p><p align="center">格尔木市人民政府办公室文件</p><p style="text-align:right">格政办〔2026〕12号</p><p style="text-align:center">关于加强城市管理工作的通知</p>${BODY}</body></html>`,
    );
    expect([doc.title, doc.docNumber]).toEqual(['关于加强城市管理工作的通知', '格政办〔2026〕12号']);
    expect(doc.content.meta?.masthead).toEqual(['格尔木市人民政府办公室文件']);
  });
});
