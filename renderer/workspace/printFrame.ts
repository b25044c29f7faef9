/**
 * Drives one iframe of the print page (renderer/print/print.html, same origin): waits until it is ready,
 * serialises layout calls, and keeps the laid-out pages of each unit hash so unchanged units are not laid
 * out again.
 */
import type { LayoutJob, LayoutResult } from '../../common/render/printJob';

export const PRINT_PAGE_URL = './print/print.html';

type PrintWindow = Window & { gazettePrint?: { layout(job: LayoutJob): Promise<LayoutResult>; ready: boolean } };

export class PrintFrame {
  private queue: Promise<unknown> = Promise.resolve();
  // Shared by every frame: the issue frame reuses the pages the unit preview just laid out.
  private static readonly cache = new Map<string, string>();

  constructor(private readonly frame: HTMLIFrameElement) {}

  /** Pages from earlier layouts, by unit hash. */
  cached = (hash: string): string | undefined => PrintFrame.cache.get(hash);

  private async ready(): Promise<NonNullable<PrintWindow['gazettePrint']>> {
    for (let i = 0; i < 600; i++) {
      const win = this.frame.contentWindow as PrintWindow | null;
      if (win?.gazettePrint?.ready) return win.gazettePrint;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('print page did not load');
  }

  /** Lay out a job after any layout already running; only the latest queued job matters to callers. */
  layout(job: LayoutJob): Promise<LayoutResult> {
    const run = async () => {
      const printer = await this.ready();
      // Pagination measures the normal flow: the thumbnail grid is switched off while laying out.
      const thumbs = this.frame.contentDocument?.documentElement.classList.contains('gz-thumbs') ?? false;
      this.setThumbnails(false);
      const result = await printer.layout(job).finally(() => this.setThumbnails(thumbs));
      for (const unit of result.laidOut) PrintFrame.cache.set(unit.hash, unit.pagesHtml);
      if (PrintFrame.cache.size > 400) PrintFrame.cache.clear();
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Show the laid-out pages as a grid of thumbnails (pages are fixed-size boxes, so nothing reflows). */
  setThumbnails(on: boolean): void {
    const doc = this.frame.contentDocument;
    if (!doc) return;
    if (!doc.getElementById('gz-thumbs-style')) {
      const style = doc.createElement('style');
      style.id = 'gz-thumbs-style';
      style.textContent =
        'html.gz-thumbs #gz-root{display:flex;flex-wrap:wrap;gap:28px;padding:20px;align-content:flex-start}' +
        'html.gz-thumbs .gz-front,html.gz-thumbs .gz-toc-pages,html.gz-thumbs .gz-body,html.gz-thumbs .pagedjs_pages{display:contents}' +
        'html.gz-thumbs .pagedjs_page{margin:0!important;box-shadow:0 2px 10px rgba(0,0,0,.25)}';
      doc.head.appendChild(style);
    }
    doc.documentElement.classList.toggle('gz-thumbs', on);
  }

  /** Height of the laid-out content, to size the iframe. */
  contentHeight(): number {
    const doc = this.frame.contentDocument;
    return doc ? Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0) : 0;
  }

  /** The system print dialog for the laid-out pages (not the thumbnail grid). */
  print(): void {
    const thumbs = this.frame.contentDocument?.documentElement.classList.contains('gz-thumbs') ?? false;
    this.setThumbnails(false);
    try {
      this.frame.contentWindow?.print();
    } finally {
      this.setThumbnails(thumbs);
    }
  }
}
