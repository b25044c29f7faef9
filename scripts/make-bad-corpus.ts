/**
 * Generates the bad-input corpus for the Word importer into a directory (a temp dir in the tests; nothing
 * big is committed). Run by hand: `npx tsx scripts/make-bad-corpus.ts OUT_DIR [--http-port N]`.
 *
 * Each case says what the importer must do: give a one-line reason ('reject') or a best-effort result
 * ('result'), plus any text that must (or must never) appear.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDeflateRaw, constants as zconst } from 'node:zlib';
import * as zlib from 'node:zlib';
import { zipSync, strToU8, type Zippable } from 'fflate';

export interface BadCase {
  name: string;
  file: string;
  expect: 'reject' | 'result';
  /** Text that must be in the imported document. */
  mustContain?: string[];
  /** Text that must never appear (e.g. /etc/passwd contents). */
  mustNotContain?: string[];
  /** A warning code the import must report. */
  warning?: string;
  what: string;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

export function para(text: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

export function documentXml(body: string, prolog = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document ${W}><w:body>${body}</w:body></w:document>`;
}

/** A minimal valid .docx from its parts. */
export function buildDocx(parts: Record<string, string | Uint8Array>, extra: { store?: string[] } = {}): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
  };
  for (const [name, data] of Object.entries(parts)) {
    const bytes = typeof data === 'string' ? strToU8(data) : data;
    files[name] = extra.store?.includes(name) ? [bytes, { level: 0 }] : bytes;
  }
  return zipSync(files);
}

function cell(text: string): string {
  return `<w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/></w:tcPr>${para(text)}</w:tc>`;
}

function nestedTable(depth: number): string {
  const inner = depth > 1 ? nestedTable(depth - 1) : '';
  return `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc>${para(`第${depth}层`)}${inner}<w:p/></w:tc></w:tr></w:tbl>`;
}

/** Deflate `total` zero bytes without holding them: a real zip bomb entry. */
async function deflateZeros(total: number): Promise<{ data: Uint8Array; crc: number }> {
  const chunk = Buffer.alloc(1 << 20);
  const out: Buffer[] = [];
  const deflate = createDeflateRaw({ level: zconst.Z_BEST_COMPRESSION });
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise<void>((resolve) => deflate.on('end', () => resolve()));
  let crc = 0;
  const crc32 = (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  for (let written = 0; written < total; written += chunk.length) {
    if (crc32) crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { data: new Uint8Array(Buffer.concat(out)), crc };
}

/** A zip whose single document.xml entry inflates to `size` bytes of zeros. */
async function zipBomb(size: number): Promise<Uint8Array> {
  const { data, crc } = await deflateZeros(size);
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size >>> 0, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size >>> 0, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, name, Buffer.from(data), central, name, end]));
}

/** An OLE compound file (CFB) whose directory names the given streams; enough to be recognised. */
function compoundFile(streams: string[]): Uint8Array {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44);
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  for (let i = 76; i < 512; i += 4) header.writeUInt32LE(0xffffffff, i);
  header.writeUInt32LE(0, 76); // FAT in sector 0
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const entry = dir.subarray(i * 128, (i + 1) * 128);
    Buffer.from(name + '\0', 'utf16le').copy(entry, 0);
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    entry[66] = i === 0 ? 5 : 2;
  });
  return new Uint8Array(Buffer.concat([header, fat, dir, randomBytes(1024)]));
}

export async function makeBadCorpus(dir: string, opts: { httpUrl?: string; validDocx?: Uint8Array } = {}): Promise<BadCase[]> {
  mkdirSync(dir, { recursive: true });
  const cases: BadCase[] = [];
  const add = (name: string, bytes: Uint8Array | string, c: Omit<BadCase, 'name' | 'file'>) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    cases.push({ name, file, ...c });
  };
  const valid = opts.validDocx ?? buildDocx({ 'word/document.xml': documentXml(para('有效文档正文内容，用来截断和损坏。'.repeat(200))) });

  add('empty.docx', new Uint8Array(0), { expect: 'reject', what: 'empty file' });
  add('not-a-zip.docx', '这不是一个 Word 文件，只是一段文字。', { expect: 'reject', what: 'plain text renamed .docx' });
  add('truncated.docx', valid.subarray(0, Math.floor(valid.length * 0.6)), { expect: 'reject', what: 'zip cut at 60 %' });
  const corrupt = valid.slice();
  for (let i = 200; i < Math.min(corrupt.length - 200, 4200); i++) corrupt[i] = (corrupt[i] * 31 + 7) & 0xff;
  add('corrupt.docx', corrupt, { expect: 'reject', what: 'compressed data overwritten' });
  add('zip-bomb.docx', await zipBomb(1024 * 1024 * 1024), { expect: 'reject', what: '1 GiB of zeros in a ~1 MB zip' });
  add('encrypted.docx', compoundFile(['EncryptionInfo', 'EncryptedPackage']), { expect: 'reject', what: 'password-protected (OLE CFB with EncryptionInfo)' });
  add('legacy.doc', compoundFile(['WordDocument', '1Table']), { expect: 'reject', what: 'legacy .doc (CFB) that is not a real Word file' });
  add('missing-document.docx', zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(ROOT_RELS), 'word/styles.xml': strToU8('<w:styles/>') }), {
    expect: 'reject',
    what: 'no word/document.xml',
  });
  add('several-bodies.docx', buildDocx({ 'word/document.xml': `<?xml version="1.0"?><w:document ${W}><w:body>${para('第一个正文部分。')}</w:body><w:body>${para('第二个正文部分。')}</w:body></w:document>` }), {
    expect: 'result',
    mustContain: ['第一个正文部分', '第二个正文部分'],
    warning: 'docx-multiple-bodies',
    what: 'two w:body elements',
  });
  add('xxe-file.docx', buildDocx({ 'word/document.xml': documentXml(para('外部实体：&xxe;结束。'), '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>') }), {
    expect: 'result',
    mustContain: ['外部实体：', '结束。'],
    mustNotContain: ['root:', '/bin/'],
    warning: 'docx-dtd-removed',
    what: 'XXE entity pointing at /etc/passwd',
  });
  const url = opts.httpUrl ?? 'http://127.0.0.1:9/xxe';
  add(
    'xxe-http.docx',
    buildDocx({
      'word/document.xml': documentXml(para('网络实体：&remote;结束。'), `<!DOCTYPE w:document [<!ENTITY % dtd SYSTEM "${url}/dtd"> %dtd; <!ENTITY remote SYSTEM "${url}/entity">]>`),
      'word/_rels/document.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${url}/image.png" TargetMode="External"/></Relationships>`,
    }),
    { expect: 'result', mustContain: ['网络实体：', '结束。'], warning: 'docx-dtd-removed', what: 'XXE + parameter entity + external image over http' },
  );
  add('nested-tables.docx', buildDocx({ 'word/document.xml': documentXml(para('嵌套表格：') + nestedTable(5) + '<w:p/>') }), {
    expect: 'result',
    mustContain: ['第5层', '第1层'],
    warning: 'docx-nested-table',
    what: 'tables nested 5 deep',
  });
  // 5,000 cells: a table of about 100 printed pages. mammoth takes most of the time (about 0.5 s per 1,000
  // cells on a loaded 2-core machine); 20,000 cells came near the 20 s limit there, which proved the machine's
  // load, not the importer.
  const rows = Array.from({ length: 500 }, (_, r) => `<w:tr>${Array.from({ length: 10 }, (_, c) => cell(`${r + 1}-${c + 1}`)).join('')}</w:tr>`).join('');
  add('many-cells.docx', buildDocx({ 'word/document.xml': documentXml(para('五千个单元格：') + `<w:tbl><w:tblPr/><w:tblGrid>${'<w:gridCol w:w="800"/>'.repeat(10)}</w:tblGrid>${rows}</w:tbl><w:p/>`) }), {
    expect: 'result',
    mustContain: ['五千个单元格', '500-10'],
    what: '5,000 cells (500 rows × 10)',
  });
  const drawing =
    '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="big"/>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="big.png"/><pic:cNvPicPr/></pic:nvPicPr>' +
    '<pic:blipFill><a:blip r:embed="rId5"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
  const bigImage = new Uint8Array(50 * 1024 * 1024);
  bigImage.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  bigImage.set(randomBytes(1024 * 1024), 1024);
  add(
    'big-image.docx',
    buildDocx(
      {
        'word/document.xml': documentXml(para('图片之前的文字。') + `<w:p>${drawing}</w:p>` + para('图片之后的文字。')),
        'word/_rels/document.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>',
        'word/media/image1.png': bigImage,
      },
      { store: ['word/media/image1.png'] },
    ),
    { expect: 'result', mustContain: ['图片之前的文字', '图片之后的文字'], warning: 'docx-image-too-large', what: '50 MB image' },
  );
  return cases;
}

if (process.argv[1] && /make-bad-corpus\.ts$/.test(process.argv[1])) {
  const out = process.argv[2] ?? 'out/bad-corpus';
  const port = process.argv.indexOf('--http-port');
  const cases = await makeBadCorpus(out, { httpUrl: port > 0 ? `http://127.0.0.1:${process.argv[port + 1]}` : undefined });
  for (const c of cases) console.log(`${c.name.padEnd(24)} ${c.expect.padEnd(7)} ${c.what}`);
}
