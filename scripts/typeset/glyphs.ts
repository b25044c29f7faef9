/**
 * Every glyph of a PDF with its position, advance, size and face, read from pdf.js's operator lists.
 *
 * pdf.js's text content merges glyphs into runs and loses their individual positions; a typesetter's check
 * (is this pair of punctuation marks squeezed? is this line on the grid?) needs each glyph. So this walks the
 * operator list and keeps the text state itself: CTM (save/restore/cm), text and line matrices, Tc, Tw, Tz,
 * TL, rise and the font. Chromium's PDFs use only these operators for text.
 *
 * Coordinates are PDF points with y measured downward from the top of the page, for upright glyphs; a glyph
 * drawn turned (a rotated table) is marked `rotated` and keeps the same page coordinates of its origin.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Glyph {
  /** The character (pdf.js's Unicode for the glyph). */
  ch: string;
  /** Origin of the glyph on the page (pt, from the top-left corner), baseline. */
  x: number;
  y: number;
  /** Advance in page points along the baseline. */
  width: number;
  /** Font size in page points. */
  size: number;
  /** Base font name without the subset tag (FandolFang-Regular, LXGWWenKai-Regular, NotoSansSCThin-Medium …). */
  font: string;
  /** Drawn turned by 90° (the text of a rotated table). */
  rotated: boolean;
}

/** A stroked or filled rule (table borders, head rules): its line width and bounding box. */
export interface Rule {
  lineWidth: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageGlyphs {
  /** 1-based physical page number. */
  page: number;
  width: number;
  height: number;
  glyphs: Glyph[];
  rules: Rule[];
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

interface FontInfo {
  name: string;
  matrix: number[];
  vertical: boolean;
}

interface GlyphArg {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

/** Read every page's glyphs and rules. */
export async function readPdfGlyphs(data: Uint8Array): Promise<PageGlyphs[]> {
  const doc = await getDocument({ data, fontExtraProperties: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PageGlyphs[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [vx0, vy0, vx1, vy1] = page.view;
      const height = vy1 - vy0;
      const ops = await page.getOperatorList();
      const fonts = new Map<string, FontInfo>();
      const fontInfo = (id: string): FontInfo => {
        let info = fonts.get(id);
        if (!info) {
          const f = page.commonObjs.get(id) as { name?: string; fontMatrix?: number[]; vertical?: boolean };
          info = { name: (f.name ?? id).replace(/^[A-Z]{6}\+/, ''), matrix: f.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0], vertical: !!f.vertical };
          fonts.set(id, info);
        }
        return info;
      };
      const glyphs: Glyph[] = [];
      const rules: Rule[] = [];
      let ctm: Matrix = [1, 0, 0, 1, -vx0, -vy0];
      const stack: Array<{ ctm: Matrix; lineWidth: number }> = [];
      let tm: Matrix = [1, 0, 0, 1, 0, 0];
      let tlm: Matrix = [1, 0, 0, 1, 0, 0];
      let font: FontInfo = { name: '', matrix: [0.001, 0, 0, 0.001, 0, 0], vertical: false };
      let size = 0;
      let charSpacing = 0;
      let wordSpacing = 0;
      let hScale = 1;
      let leading = 0;
      let rise = 0;
      let lineWidth = 1;
      const moveLine = (tx: number, ty: number) => {
        tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
        tm = tlm;
      };
      const show = (items: Array<GlyphArg | number | null>) => {
        for (const item of items) {
          if (item === null) continue;
          if (typeof item === 'number') {
            tm = multiply([1, 0, 0, 1, (-item / 1000) * size * hScale, 0], tm);
            continue;
          }
          const advance = ((item.width ?? 0) * font.matrix[0] * size + charSpacing + (item.isSpace ? wordSpacing : 0)) * hScale;
          const m = multiply(multiply([size * hScale, 0, 0, size, 0, rise], tm), ctm);
          const [ox, oy] = apply(m, 0, 0);
          const [ex, ey] = apply(multiply(multiply([1, 0, 0, 1, advance, 0], tm), ctm), 0, rise);
          const pageSize = Math.hypot(m[2], m[3]);
          const rotated = Math.abs(m[1]) > Math.abs(m[0]);
          const ch = item.unicode ?? '';
          if (ch && !item.isSpace) {
            glyphs.push({ ch, x: ox, y: height - oy, width: Math.hypot(ex - ox, ey - oy), size: pageSize, font: font.name, rotated });
          }
          tm = multiply([1, 0, 0, 1, advance, 0], tm);
        }
      };
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        switch (fn) {
          case OPS.save:
            stack.push({ ctm, lineWidth });
            break;
          case OPS.restore: {
            const top = stack.pop();
            if (top) ({ ctm, lineWidth } = top);
            break;
          }
          case OPS.transform:
            ctm = multiply(args as Matrix, ctm);
            break;
          case OPS.paintFormXObjectBegin:
            stack.push({ ctm, lineWidth });
            if (Array.isArray(args[0])) ctm = multiply(args[0] as Matrix, ctm);
            break;
          case OPS.paintFormXObjectEnd: {
            const top = stack.pop();
            if (top) ({ ctm, lineWidth } = top);
            break;
          }
          case OPS.setLineWidth:
            lineWidth = args[0] as number;
            break;
          case OPS.beginText:
            tm = [1, 0, 0, 1, 0, 0];
            tlm = tm;
            break;
          case OPS.setFont:
            font = fontInfo(args[0] as string);
            size = args[1] as number;
            break;
          case OPS.setCharSpacing:
            charSpacing = args[0] as number;
            break;
          case OPS.setWordSpacing:
            wordSpacing = args[0] as number;
            break;
          case OPS.setHScale:
            hScale = (args[0] as number) / 100;
            break;
          case OPS.setLeading:
            leading = args[0] as number;
            break;
          case OPS.setTextRise:
            rise = args[0] as number;
            break;
          case OPS.moveText:
            moveLine(args[0] as number, args[1] as number);
            break;
          case OPS.setLeadingMoveText:
            leading = -(args[1] as number);
            moveLine(args[0] as number, args[1] as number);
            break;
          case OPS.setTextMatrix:
            // pdf.js 5 passes the matrix as one array argument.
            tlm = [...((Array.isArray(args[0]) || ArrayBuffer.isView(args[0]) ? args[0] : args) as number[])].slice(0, 6) as Matrix;
            tm = tlm;
            break;
          case OPS.nextLine:
            moveLine(0, -leading);
            break;
          case OPS.showText:
          case OPS.showSpacedText:
            show(args[0] as Array<GlyphArg | number | null>);
            break;
          case OPS.nextLineShowText:
            moveLine(0, -leading);
            show(args[0] as Array<GlyphArg | number | null>);
            break;
          case OPS.nextLineSetSpacingShowText:
            wordSpacing = args[0] as number;
            charSpacing = args[1] as number;
            moveLine(0, -leading);
            show(args[2] as Array<GlyphArg | number | null>);
            break;
          case OPS.constructPath:
            rules.push(...pathRules(args, ctm, lineWidth, height));
            break;
          default:
            break;
        }
      }
      pages.push({ page: p, width: vx1 - vx0, height, glyphs, rules });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

/** The bounding box of a constructed path (pdf.js 5 passes [op, [pathData], minMax]); enough for rules. */
function pathRules(args: unknown[], ctm: Matrix, lineWidth: number, height: number): Rule[] {
  const minMax = args[2] as number[] | Float32Array | undefined;
  if (!minMax || minMax.length < 4 || !Number.isFinite(minMax[0])) return [];
  const [ax, ay] = apply(ctm, minMax[0], minMax[1]);
  const [bx, by] = apply(ctm, minMax[2], minMax[3]);
  const scale = Math.hypot(ctm[0], ctm[1]);
  const op = args[0] as number;
  const stroked = op === OPS.stroke || op === OPS.closeStroke;
  const w = Math.abs(bx - ax);
  const h = Math.abs(by - ay);
  return [
    {
      // Chromium draws table borders as filled rectangles: their thickness is the short side.
      lineWidth: stroked ? lineWidth * scale : Math.min(w, h),
      x0: Math.min(ax, bx),
      x1: Math.max(ax, bx),
      y0: height - Math.max(ay, by),
      y1: height - Math.min(ay, by),
    },
  ];
}
