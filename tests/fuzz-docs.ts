/**
 * Random valid documents from a seed, for the randomised export test (issue 10.4): every block type of
 * common/model/types.ts, heading levels 1–4 with literal numbering, tables with header rows, merged cells,
 * vertical and tall cells, wide (rotated) tables, fill-in rows, long paragraphs whose text repeats, every
 * text mark, images, page breaks, mixed scripts, empty documents. The same seed gives the same documents.
 */
import type {
  BlockElement,
  DocumentKind,
  GazetteDocument,
  ImageElement,
  IssueTree,
  TableCellElement,
  TableElement,
  TableRowElement,
  TextLeaf,
} from '../common/model';
import { normalizeContent } from '../common/model';

/** mulberry32: small, fast, good enough for test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const chance = (rng: Rng, p: number) => rng() < p;

const HAN = '格尔木市人民政府办公室关于进一步加强做好全工作的通知实施方案各乡镇部门单位要按照统一部署认真组织落实确保取得实效城市体检营商环境监督员聘用专项整治行动打击非法集资砂石行业藜麦产业扶持资金补贴项目新开办企业首套印章免费刻制';
const PHRASES = ['现将有关事项通知如下', '请结合实际认真贯彻执行', '高度重视', '加强组织领导', '压实工作责任', '2024年7月15日', '第3条', '（一）', '1.', '《中华人民共和国行政许可法》', '“亮剑”', '——', '……', '、', '；', '：', '。', '，', '100%', '5000万元'];
const SCRIPTS = ['English text and more words', 'Ελληνικά', 'Русский текст', 'ABC-123/xyz', '①②③', '½ × ÷ ±', 'ⅠⅡⅢ', '℃ ‰ №', 'にほんご', 'カタカナ'];
/** CJK Extension A and B (only with `rare`: they need a face that has them). */
const RARE = ['𠀋', '𪚥', '𠮷', '𡈽', '㐀', '㑇', '㒰', '䶵', '䲜', '𤭢'];
const NAMES = ['顾丽萍', '史国泰', '李润', '张光利', '王义', '马媛', '周文良', '袁萍', '罗海芳', '欧阳明'];

export interface FuzzOptions {
  /** Include CJK Extension A/B characters. */
  rare?: boolean;
  /** Include image blocks (their assets come with the case). */
  images?: boolean;
  /** Scale of long content (1 = the normal mix; tests use less to stay cheap). */
  scale?: number;
}

export interface FuzzAsset {
  id: string;
  mime: 'image/png';
  width: number;
  height: number;
  bytes: Uint8Array;
}

export interface FuzzCase {
  seed: number;
  index: number;
  document: GazetteDocument;
  assets: FuzzAsset[];
}

function text(rng: Rng, length: number, opts: FuzzOptions): string {
  let out = '';
  while (out.length < length) {
    const r = rng();
    if (r < 0.6) out += HAN.slice(int(rng, 0, HAN.length - 8), undefined).slice(0, int(rng, 2, 8));
    else if (r < 0.85) out += pick(rng, PHRASES);
    else if (r < 0.95) out += pick(rng, SCRIPTS);
    else if (opts.rare) out += pick(rng, RARE);
    else out += pick(rng, NAMES);
  }
  return out.slice(0, Math.max(length, 1)).replace(/^\s+|\s+$/g, '') || '文';
}

/** Text that repeats itself: the case that broke Paged.js's continuation search. */
function repeatingText(rng: Rng, length: number, opts: FuzzOptions): string {
  const unit = text(rng, int(rng, 6, 40), opts);
  let out = '';
  while (out.length < length) out += chance(rng, 0.9) ? unit : text(rng, 5, opts);
  return out.slice(0, length);
}

function leaves(rng: Rng, content: string): TextLeaf[] {
  if (!chance(rng, 0.4) || content.length < 4) return [{ text: content }];
  const out: TextLeaf[] = [];
  let at = 0;
  while (at < content.length) {
    const len = Math.min(content.length - at, int(rng, 1, Math.max(2, Math.floor(content.length / 3))));
    const leaf: TextLeaf = { text: content.slice(at, at + len) };
    const mark = int(rng, 0, 7);
    if (mark === 1) leaf.bold = true;
    if (mark === 2) leaf.face = pick(rng, ['kai', 'hei', 'song', 'fang'] as const);
    if (mark === 3) leaf.underline = true;
    if (mark === 4) leaf.superscript = true;
    if (mark === 5 && at === 0) leaf.leadIn = true;
    out.push(leaf);
    at += len;
  }
  return out;
}

const HEADING_NUMBERS: Record<1 | 2 | 3 | 4, (n: number) => string> = {
  1: (n) => `${'一二三四五六七八九十'[(n - 1) % 10]}、`,
  2: (n) => `（${'一二三四五六七八九十'[(n - 1) % 10]}）`,
  3: (n) => `${n}.`,
  4: (n) => `（${n}）`,
};

function cell(rng: Rng, content: string, opts: Partial<TableCellElement> = {}): TableCellElement {
  const paragraphs = content.length > 30 && chance(rng, 0.3) ? [content.slice(0, 15), content.slice(15)] : [content];
  return { type: 'table-cell', ...opts, children: paragraphs.map((t) => ({ type: 'paragraph' as const, children: leaves(rng, t) })) };
}

/** A table on a grid: merged cells placed where they fit, every grid slot covered exactly once. */
function table(rng: Rng, opts: FuzzOptions, index: number): TableElement {
  const scale = opts.scale ?? 1;
  const wide = chance(rng, 0.15);
  const cols = wide ? int(rng, 9, 14) : int(rng, 1, 6);
  const rows = chance(rng, 0.1 * scale) ? int(rng, 60, Math.round(200 * scale)) : int(rng, 1, 14);
  const headerRows = rows > 1 ? int(rng, 0, Math.min(2, rows - 1)) : 0;
  const variant = pick(rng, ['data', 'data', 'name-list', 'leader-list', 'form'] as const);
  const taken: boolean[][] = Array.from({ length: rows }, () => Array(cols).fill(false));
  const children: TableRowElement[] = [];
  for (let r = 0; r < rows; r++) {
    const row: TableRowElement = { type: 'table-row', children: [] };
    if (variant === 'form' && chance(rng, 0.2)) row.minHeight = int(rng, 20, 60);
    for (let c = 0; c < cols; c++) {
      if (taken[r][c]) continue;
      let rowSpan = 1;
      let colSpan = 1;
      if (chance(rng, 0.12)) {
        rowSpan = int(rng, 1, Math.min(4, rows - r));
        if (r < headerRows) rowSpan = Math.min(rowSpan, headerRows - r);
        while (rowSpan > 1 && taken.slice(r, r + rowSpan).some((line) => line[c])) rowSpan--;
      }
      if (chance(rng, 0.12)) {
        colSpan = int(rng, 1, cols - c);
        while (colSpan > 1 && taken.slice(r, r + rowSpan).some((line) => line.slice(c, c + colSpan).some(Boolean))) colSpan--;
      }
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) taken[rr][cc] = true;
      const header = r < headerRows;
      const length = header ? int(rng, 2, 6) : chance(rng, 0.03 * scale) ? int(rng, 300, Math.round(1500 * scale)) : int(rng, 0, 24);
      // Header texts carry the table's number: a repeated header is then told from body text.
      const content = header ? `表${index}${text(rng, length, opts)}` : variant === 'name-list' ? pick(rng, NAMES) : text(rng, length, opts);
      const props: Partial<TableCellElement> = {};
      if (rowSpan > 1) props.rowSpan = rowSpan;
      if (colSpan > 1) props.colSpan = colSpan;
      if (chance(rng, 0.2)) props.align = pick(rng, ['left', 'center', 'right', 'justify'] as const);
      if (chance(rng, 0.2)) props.valign = pick(rng, ['top', 'middle', 'bottom'] as const);
      if (rowSpan > 1 && chance(rng, 0.3)) props.vertical = true;
      row.children.push(cell(rng, length === 0 && !header ? '' : content, props));
    }
    children.push(row);
  }
  const result: TableElement = { type: 'table', headerRows, variant, children };
  if (chance(rng, 0.3)) result.colWidths = Array.from({ length: cols }, () => int(rng, 1, 5));
  if (chance(rng, 0.2)) result.rotate = pick(rng, ['auto', 'always', 'never'] as const);
  if (chance(rng, 0.2)) result.size = pick(rng, ['auto', 'normal', 'compact'] as const);
  return result;
}

/** A small PNG of one colour (stored, not compressed: no zlib needed for the bytes to be valid). */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Uint8Array) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const adler = (bytes: Uint8Array) => {
    let a = 1;
    let b = 0;
    for (const x of bytes) {
      a = (a + x) % 65521;
      b = (b + a) % 65521;
    }
    return ((b << 16) | a) >>> 0;
  };
  const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  const chunk = (type: string, data: number[]) => {
    const body = new Uint8Array([...Array.from(type, (ch) => ch.charCodeAt(0)), ...data]);
    return [...u32(data.length), ...body, ...u32(crc(body))];
  };
  const raw: number[] = [];
  for (let y = 0; y < height; y++) {
    raw.push(0);
    for (let x = 0; x < width; x++) raw.push(...rgb);
  }
  // zlib stream of stored (uncompressed) deflate blocks of at most 65535 bytes.
  const z: number[] = [0x78, 0x01];
  for (let at = 0; at < raw.length || at === 0; at += 65535) {
    const block = raw.slice(at, at + 65535);
    const last = at + 65535 >= raw.length ? 1 : 0;
    z.push(last, block.length & 255, block.length >>> 8, ~block.length & 255, (~block.length >>> 8) & 255, ...block);
    if (last) break;
  }
  z.push(...u32(adler(new Uint8Array(raw))));
  const ihdr = [...u32(width), ...u32(height), 8, 2, 0, 0, 0];
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', ihdr), ...chunk('IDAT', z), ...chunk('IEND', [])]);
}

function blocksFor(rng: Rng, kind: DocumentKind, opts: FuzzOptions, assets: FuzzAsset[], caseId: string): BlockElement[] {
  const scale = opts.scale ?? 1;
  const blocks: BlockElement[] = [];
  const title = (t: string): BlockElement => ({ type: 'doc-title', ...(chance(rng, 0.3) ? { issuer: '格尔木市人民政府办公室' } : {}), children: [{ text: t }] });
  blocks.push(title(`${chance(rng, 0.3) ? '格尔木市人民政府办公室' : ''}关于${text(rng, int(rng, 4, 30), opts)}的通知（随机${caseId}）`));
  if (chance(rng, 0.7)) blocks.push({ type: 'doc-number', children: [{ text: `格政办发〔2024〕${int(rng, 1, 200)}号` }] });
  if (chance(rng, 0.7)) blocks.push({ type: 'addressee', children: [{ text: '各乡（镇）人民政府，市政府各部门：' }] });
  const headingCount: Record<1 | 2 | 3 | 4, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  let level: 1 | 2 | 3 | 4 = 1;
  let attachments = 0;
  const count = int(rng, 1, Math.round(18 * scale) + 2);
  for (let i = 0; i < count; i++) {
    const r = rng();
    if (kind === 'chronicle' && r < 0.6) {
      blocks.push({ type: 'chronicle-entry', children: leaves(rng, `7月${int(rng, 1, 31)}日，${text(rng, int(rng, 10, 200), opts)}`) });
    } else if (r < 0.3) {
      const long = chance(rng, 0.08 * scale);
      const length = long ? int(rng, 1500, Math.round(14_000 * scale)) : int(rng, 5, 300);
      const content = long || chance(rng, 0.2) ? repeatingText(rng, length, opts) : text(rng, length, opts);
      blocks.push({
        type: 'paragraph',
        ...(chance(rng, 0.15) ? { align: pick(rng, ['left', 'center', 'right', 'justify'] as const) } : {}),
        ...(chance(rng, 0.1) ? { indent: false } : {}),
        ...(chance(rng, 0.05) ? { role: pick(rng, ['contact', 'form-line'] as const) } : {}),
        children: leaves(rng, content),
      });
    } else if (r < 0.45) {
      // Nested levels: go one deeper, stay, or climb back.
      const next = Math.max(1, Math.min(4, level + int(rng, -2, 1))) as 1 | 2 | 3 | 4;
      level = next;
      headingCount[level]++;
      for (let deeper = level + 1; deeper <= 4; deeper++) headingCount[deeper as 1 | 2 | 3 | 4] = 0;
      blocks.push({ type: 'heading', level, children: leaves(rng, HEADING_NUMBERS[level](headingCount[level]) + text(rng, int(rng, 4, 30), opts)) });
    } else if (r < 0.55) {
      if (chance(rng, 0.3)) blocks.push({ type: 'paragraph', role: 'table-note', children: [{ text: `表注：${text(rng, 10, opts)}` }] });
      blocks.push(table(rng, opts, blocks.length));
    } else if (r < 0.6) {
      blocks.push({ type: 'checkbox', checked: chance(rng, 0.5), children: leaves(rng, text(rng, int(rng, 2, 20), opts)) });
    } else if (r < 0.65 && opts.images) {
      const id = `img-${caseId}-${assets.length}`;
      const width = int(rng, 8, 400);
      const height = int(rng, 8, 300);
      assets.push({ id, mime: 'image/png', width, height, bytes: solidPng(width, height, [int(rng, 0, 255), int(rng, 0, 255), int(rng, 0, 255)]) });
      const image: ImageElement = { type: 'image', assetId: id, children: [{ text: '' }] };
      if (chance(rng, 0.6)) image.width = int(rng, 20, 600);
      if (chance(rng, 0.5)) image.alt = text(rng, 6, opts);
      blocks.push(image);
    } else if (r < 0.68) {
      blocks.push({ type: 'page-break', children: [{ text: '' }] });
    } else if (r < 0.75) {
      blocks.push({
        type: 'attachment-list',
        children: Array.from({ length: int(rng, 1, 4) }, (_, k, ) => ({ type: 'attachment-item' as const, number: chance(rng, 0.8) ? `${k + 1}.` : '', children: [{ text: text(rng, int(rng, 4, 40), opts) }] })),
      });
    } else if (r < 0.82 && kind !== 'chronicle') {
      attachments++;
      blocks.push({ type: 'attachment-heading', children: [{ text: `附件${attachments}` }] });
      if (chance(rng, 0.8)) blocks.push(title(text(rng, int(rng, 4, 30), opts)));
    } else if (r < 0.88) {
      blocks.push({ type: 'signature', children: [{ text: '格尔木市人民政府办公室' }] });
      blocks.push({ type: 'date-line', children: [{ text: `2024年${int(rng, 1, 12)}月${int(rng, 1, 28)}日` }] });
    } else {
      blocks.push({ type: 'paragraph', children: leaves(rng, text(rng, int(rng, 5, 120), opts)) });
    }
  }
  return blocks;
}

/** Case `index` of run `seed`: one random document (and its image assets). */
export function fuzzCase(seed: number, index: number, opts: FuzzOptions = {}): FuzzCase {
  const rng = random((seed * 1_000_003 + index * 7919) >>> 0);
  const caseId = `${seed}-${index}`;
  const kind = pick(rng, ['notice', 'notice', 'notice', 'personnel', 'chronicle', 'other'] as const);
  const assets: FuzzAsset[] = [];
  // Now and then an empty document (a new one the editor has not filled yet).
  const blocks = chance(rng, 0.03) ? [] : blocksFor(rng, kind, opts, assets, caseId);
  const content = normalizeContent({ schemaVersion: 1, blocks });
  const titleBlock = content.blocks.find((b) => b.type === 'doc-title');
  const title = titleBlock ? titleBlock.children.map((l) => ('text' in l ? l.text : '')).join('') : `（空文档 ${caseId}）`;
  const document: GazetteDocument = {
    id: `fz-${caseId}`,
    sectionId: '',
    kind,
    title,
    docNumber: '',
    position: index,
    content,
    updatedAt: '2024-07-15T00:00:00.000Z',
  };
  return { seed, index, document, assets };
}

/** An issue holding the given cases' documents, on the sample issue's front matter and settings. */
export function fuzzIssue(base: IssueTree, cases: FuzzCase[]): IssueTree {
  const section = base.sections[0];
  return {
    issue: { ...base.issue, id: `fuzz-${cases[0]?.seed ?? 0}-${cases[0]?.index ?? 0}` },
    sections: [{ ...section, documents: cases.map((c, i) => ({ ...c.document, sectionId: section.id, position: i })) }],
  };
}
