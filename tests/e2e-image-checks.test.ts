/**
 * The 检查 panel tells of a picture larger than the type area (it prints smaller than the editor asked):
 * in the open document's findings and in 全刊检查 when another document is open. Through the browser bridge,
 * on a fresh library (the sample issue) with a 600 × 1600 px picture set 通栏 (420 pt) in its first document.
 * `GAZETTE_SHOTS=DIR` keeps screenshots of the panel at 1920×1080 and 1280×720.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { callApi, ensureBuilt, freshDbPath, launchBrowser, startServer } from './e2e-support';

type Doc = { id: string; title: string };
type Content = { schemaVersion: number; blocks: unknown[] };

const dir = mkdtempSync(path.join(tmpdir(), 'gazette-image-checks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('lists a picture scaled down to fit as a finding of its document and of the issue', async () => {
  ensureBuilt();
  const server = await startServer(freshDbPath());
  const browser = await launchBrowser();
  try {
    const file = path.join(dir, 'x.png');
    execFileSync('convert', ['-size', '600x1600', 'gradient:#c00000-#0040c0', file]);
    const { assetId } = await callApi<{ assetId: string }>(server, 'assets.put', { mime: 'image/png', dataBase64: readFileSync(file).toString('base64') });
    const issueId = (await callApi<Array<{ id: string }>>(server, 'issues.list', {}))[0].id;
    const tree = await callApi<{ sections: Array<{ documents: Doc[] }> }>(server, 'issues.getTree', { issueId });
    const [first, second] = tree.sections.flatMap((s) => s.documents);
    const { content } = await callApi<{ content: Content }>(server, 'documents.get', { documentId: first.id });
    const image = { type: 'image', assetId, width: 420, alt: 'x.png', children: [{ text: '' }] };
    await callApi(server, 'documents.save', { documentId: first.id, content: { ...content, blocks: [...content.blocks, image] } });

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${server.url}#/issue/${issueId}/doc/${first.id}`);
    await page.waitForSelector('[data-testid=editor] [data-type=paragraph]');
    await page.click('[data-testid=tab-checks]');
    const own = page.locator('[data-testid=checks-panel] > ul [data-testid=finding][data-code=image-scaled]');
    await own.waitFor({ timeout: 120_000 });
    expect(await own.innerText()).toContain('图片“x.png”超出版心，印刷时缩小到 57%');
    // For a person to look at, at the two sizes the other screenshots use.
    for (const [width, height] of process.env.GAZETTE_SHOTS ? [[1920, 1080], [1280, 720]] : []) {
      await page.setViewportSize({ width, height });
      await own.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(process.env.GAZETTE_SHOTS!, `checks-image-scaled-${width}x${height}.png`) });
    }

    // Another document open: 全刊检查 names the first one's picture.
    await page.goto(`${server.url}#/issue/${issueId}/doc/${second.id}`);
    await page.waitForSelector('[data-testid=editor] [data-type=paragraph]');
    await page.click('[data-testid=tab-checks]');
    const other = page.locator('[data-testid=issue-checks]', { hasText: '图片“x.png”超出版心' });
    await other.waitFor({ timeout: 120_000 });
    expect(await other.innerText()).toContain('缩小到 57%');
  } finally {
    await browser.close();
    await server.stop();
  }
}, 300_000);
