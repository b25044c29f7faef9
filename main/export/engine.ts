/**
 * PrintEngine: something that runs the print page (renderer/print/print.html), lays out a job there and
 * prints the laid-out pages to PDF. Two implementations: Chromium through playwright-core (chromium.ts)
 * and Electron's printToPDF on a hidden window (electron.ts). Both run the same page, so the output is the same.
 */
import type { LayoutJob, LayoutResult } from '../../common/render/printJob';
import type { PageKeys } from './pageScripts';
import type { DrawnFormat } from './rasterScript';

export interface PrintPdfOptions {
  /**
   * Print only these physical pages (0-based, ascending) of what the page shows, in order; the PDF has
   * exactly these pages, each as it prints in the whole document. Default: every page.
   */
  pages?: number[];
  /** Write a tagged PDF (structure tree from the page's accessibility tree, /Lang, /MarkInfo). */
  tagged?: boolean;
}

export interface PrintEngine {
  /** Lay out a job on the print page; the page keeps the result until the next call. */
  layout(job: LayoutJob): Promise<LayoutResult>;
  /** Print what the page currently shows (A4 pages from the CSS, zero margins, backgrounds). */
  printPdf(opts?: PrintPdfOptions): Promise<Uint8Array>;
  /** Keys of the laid-out pages (main/export/pageScripts.ts): same key => same printed page. */
  pageKeys(): Promise<PageKeys>;
  /** Load static HTML (no pagination script) and print it: the "print floor" of the bench. */
  printStaticHtml(html: string): Promise<Uint8Array>;
  /**
   * Draw a picture given as a data: URL at `width` × `height` px and return it as PNG (default) or JPEG
   * bytes (the DOCX export's WebP and SVG pictures, and huge photos at print resolution). Optional: an engine without it leaves those out of the DOCX.
   */
  rasterize?(dataUrl: string, width: number, height: number, format?: DrawnFormat): Promise<Uint8Array>;
  /** Ids of OS processes of the engine (for memory measurement), when known. */
  processIds(): number[];
  close(): Promise<void>;
}
