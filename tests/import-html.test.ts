/** HTML files: charset detection (UTF-8, GB2312/GBK/GB18030 by meta tag or content), bad input refused in one sentence. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeFileBytes, repairDoubleEncoded } from '../common/import/decode';
import { importIssueFromHtml } from '../common/import/fromHtml';
import { recognisedFields } from '../common/import/report';
import { linkedomEnvironment } from '../main/import/linkedomEnvironment';

/** GB18030 bytes of a string (Node has no GB encoder: build them from the decoder's table). */
function gbBytes(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

const PAGE = (charsetMeta: string) =>
  `<html><head>${charsetMeta}<title>某市政府</title></head><body><div class="nav">首页 &gt; 政务公开</div>` +
  '<p align="center"><b>某某市人民政府办公室关于做好</b></p><p align="center"><b>防汛工作的通知</b></p>' +
  '<p align="center">某政办〔2024〕9号</p><p>各乡镇人民政府，市政府各部门：</p><p>　　现将有关事项通知如下。</p>' +
  '<p align="right">某某市人民政府办公室</p><p align="right">2024年7月5日</p><p>（此件公开发布）</p></body></html>';

describe('HTML import', () => {
  const env = linkedomEnvironment();

  it('decodes a GB2312 page by its meta tag and imports it with correct characters', () => {
    const bytes = gbBytes(PAGE('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'));
    const decoded = decodeFileBytes(bytes, { html: true });
    expect(decoded.ok && decoded.encoding).toBe('gb18030');
    const result = importIssueFromHtml(decoded.ok ? decoded.text : '', env);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const docs = result.tree.sections.flatMap((s) => s.documents);
    expect(docs).toHaveLength(1);
    expect(recognisedFields(docs[0].content)).toMatchObject({
      title: '某某市人民政府办公室关于做好防汛工作的通知',
      docNumber: '某政办〔2024〕9号',
      signature: ['某某市人民政府办公室'],
      date: '2024-07-05',
    });
  });

  it('decodes a GBK page without a charset by its content, and UTF-8 pages as UTF-8', () => {
    const gbk = decodeFileBytes(gbBytes(PAGE('')), { html: true });
    expect(gbk.ok && gbk.text.includes('防汛工作的通知')).toBe(true);
    const utf8 = decodeFileBytes(new TextEncoder().encode(PAGE('<meta charset="utf-8">')), { html: true });
    expect(utf8.ok && utf8.encoding).toBe('utf-8');
  });

  it('refuses a page that is not a document in one sentence', () => {
    const result = importIssueFromHtml('<html><body><nav><a href="/">Home</a></nav><p>Login</p></body></html>', env);
    expect(result).toEqual({ ok: false, error: { code: 'no-document', message: expect.stringMatching(/没有可导入的公文正文/) } });
  });

  it('refuses binary data renamed .txt', () => {
    const bytes = new Uint8Array(2048).map((_, i) => (i * 7919) % 256);
    const decoded = decodeFileBytes(bytes);
    expect(decoded).toEqual({ ok: false, error: { code: 'not-text', message: expect.stringMatching(/不是文本文件/) } });
  });

  it('repairs double-encoded UTF-8 (mojibake) with a flag, and refuses what cannot be repaired', () => {
    const original = '国务院关于印发国家职业教育改革实施方案的通知\n国发〔2019〕4号\n';
    const utf8 = new TextEncoder().encode(original);
    // What an editor gets when UTF-8 is read as Windows-1252 and saved as UTF-8 again.
    const mojibake = new TextDecoder('windows-1252').decode(utf8);
    const decoded = decodeFileBytes(new TextEncoder().encode(mojibake));
    expect(decoded).toEqual({ ok: true, text: original, encoding: 'utf-8', repaired: true });
    expect(repairDoubleEncoded('æ–‡ä¸€')).toBeDefined();
    const broken = decodeFileBytes(new TextEncoder().encode('Ã¦Ã¥Ã§Ã¨Ã©ÃªÃ«Ã¬ Ã¦Ã¥Ã§ \u4e00'.repeat(3) + 'æ—x'));
    expect(broken.ok).toBe(false);
  });

  it('repairs UTF-8 read as GBK (鏂囦欢) when every character comes back, and refuses it in one sentence when not', () => {
    // What an editor gets when a UTF-8 file is opened as GBK (ANSI on a Chinese Windows) and saved again.
    const asGbk = (text: string) => new TextEncoder().encode(new TextDecoder('gbk').decode(new TextEncoder().encode(text)));
    const title = '国务院关于印发国家职业教育改革实施方案的通知';
    expect(decodeFileBytes(asGbk(title))).toEqual({ ok: true, text: title, encoding: 'utf-8', repaired: true });
    // A whole document loses bytes where GBK paired a character's last byte with a newline or a digit.
    const document = readFileSync(new URL('./fixtures/corpus/govcn/03_guofa_2019_4.txt', import.meta.url), 'utf8');
    const refused = decodeFileBytes(asGbk(document));
    expect(refused).toEqual({ ok: false, error: { code: 'mojibake', message: expect.stringMatching(/乱码.*GBK/) } });
    expect(refused.ok ? '' : refused.error.message).not.toMatch(/\n/);
    // Traditional Chinese is rare in GB2312 too, but is no mojibake: it stays as it is.
    const traditional = '國務院關於印發國家職業教育改革實施方案的通知，請認真貫徹執行。各省、自治區、直轄市人民政府。';
    expect(decodeFileBytes(new TextEncoder().encode(traditional))).toEqual({ ok: true, text: traditional, encoding: 'utf-8', repaired: false });
    // Ordinary documents are never taken for mojibake.
    expect(decodeFileBytes(new TextEncoder().encode(document))).toMatchObject({ ok: true, repaired: false });
  });
});
