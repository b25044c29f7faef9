/**
 * A Word file with a picture "linked to file" (Word's Insert Picture › Link to File: an External image
 * relationship, which the importer drops, never fetching it), a VML picture linked the same way, and a
 * damaged file whose picture names a relationship that is not there, and a linked picture in a footnote. mammoth failed on the whole document
 * for one such picture ("Cannot read properties of undefined (reading 'charAt')"): the text was lost. Now the
 * text comes in, the picture is left out with a warning, nothing is fetched, and a picture that is in the
 * file still comes in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentPlainText } from '../../common/model';
import { createDocxWorkerPool } from '../../main/import/docxWorkerHost';
import { importDocxFile } from '../../main/import/importDocx';
import { buildDocx, documentXml, para } from '../../scripts/make-bad-corpus';

const dir = mkdtempSync(join(tmpdir(), 'gazette-linked-pictures-'));
const worker = createDocxWorkerPool();
let server: Server;
let hits = 0;
let remote = '';

const IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

function drawing(blip: string): string {
  return (
    '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="p"/>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="p.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip ${blip}/></pic:blipFill><pic:spPr/></pic:pic>` +
    '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
  );
}
const vml = (id: string) =>
  `<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:50pt;height:50pt"><v:imagedata r:id="${id}" o:title="" xmlns:o="urn:schemas-microsoft-com:office:office"/></v:shape></w:pict></w:r></w:p>`;
const rels = (...r: string[]) => `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${r.join('')}</Relationships>`;

function write(name: string, body: string, relsXml: string, media: Record<string, Uint8Array> = {}): string {
  const file = join(dir, name);
  const text = para('关于做好图片链接检查工作的通知') + para('图片之前的正文。') + body + para('图片之后的正文。');
  writeFileSync(file, buildDocx({ 'word/document.xml': documentXml(text), 'word/_rels/document.xml.rels': relsXml, ...media }));
  return file;
}

beforeAll(async () => {
  server = createServer((_req, res) => {
    hits++;
    res.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await worker.stop();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const opts = () => ({ soffice: null, timeoutMs: 120_000, worker });

describe('Word pictures that are not in the file', () => {
  it.each([
    ['a picture linked to a web address', () => write('linked-http.docx', drawing('r:link="rId1"'), rels(`<Relationship Id="rId1" Type="${IMAGE}" Target="${remote}/picture.png" TargetMode="External"/>`))],
    ['a picture linked to a file on disk', () => write('linked-file.docx', drawing('r:embed="rId1"'), rels(`<Relationship Id="rId1" Type="${IMAGE}" Target="file:///etc/hostname" TargetMode="External"/>`))],
    ['a VML picture linked to a web address', () => write('linked-vml.docx', vml('rId1'), rels(`<Relationship Id="rId1" Type="${IMAGE}" Target="${remote}/vml.png" TargetMode="External"/>`))],
    ['a picture naming a relationship that is not there', () => write('missing-rel.docx', drawing('r:embed="rId9"'), rels())],
  ])('%s: the text comes in, the picture is left out with a warning', async (_what, make) => {
    const r = await importDocxFile(make(), opts());
    expect(r.error, r.error?.message).toBeUndefined();
    const text = contentPlainText(r.content);
    expect(text).toContain('图片之前的正文');
    expect(text).toContain('图片之后的正文');
    expect(r.assets).toHaveLength(0);
    expect(r.warnings.map((w) => w.code)).toContain('docx-picture-unresolved');
    expect(hits).toBe(0);
  }, 150_000);

  it('a linked picture in a footnote: the text and the footnote come in', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const file = join(dir, 'footnote.docx');
    const body = para('关于做好图片链接检查工作的通知') + '<w:p><w:r><w:t>正文带脚注</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>' + para('脚注之后的正文。');
    writeFileSync(
      file,
      buildDocx({
        'word/document.xml': documentXml(body),
        'word/_rels/document.xml.rels': rels('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'),
        'word/footnotes.xml': `<?xml version="1.0"?><w:footnotes ${W}><w:footnote w:id="1">${drawing('r:link="rId1"').replace('<w:p>', '<w:p><w:r><w:t>脚注文字</w:t></w:r>')}</w:footnote></w:footnotes>`,
        'word/_rels/footnotes.xml.rels': rels(`<Relationship Id="rId1" Type="${IMAGE}" Target="${remote}/footnote.png" TargetMode="External"/>`),
      }),
    );
    const r = await importDocxFile(file, opts());
    expect(r.error, r.error?.message).toBeUndefined();
    const text = contentPlainText(r.content);
    expect(text).toContain('脚注之后的正文');
    expect(text).toContain('脚注文字');
    expect(r.warnings.map((w) => w.code)).toContain('docx-picture-unresolved');
    expect(hits).toBe(0);
  }, 150_000);

  it('a picture in the file still comes in beside a linked one', async () => {
    const file = write(
      'embedded-and-linked.docx',
      drawing('r:embed="rId2"') + drawing('r:link="rId1"'),
      rels(`<Relationship Id="rId1" Type="${IMAGE}" Target="${remote}/picture.png" TargetMode="External"/>`, `<Relationship Id="rId2" Type="${IMAGE}" Target="media/image1.png"/>`),
      { 'word/media/image1.png': PNG },
    );
    const r = await importDocxFile(file, opts());
    expect(r.error, r.error?.message).toBeUndefined();
    expect(r.assets).toHaveLength(1);
    expect(r.content.blocks.filter((b) => b.type === 'image')).toHaveLength(1);
    expect(r.warnings.find((w) => w.code === 'docx-picture-unresolved')?.message).toMatch(/^1 张图片/);
    expect(hits).toBe(0);
  }, 150_000);
});
