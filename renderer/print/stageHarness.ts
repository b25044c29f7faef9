/**
 * For tests: run the print page's Paged.js handlers, flow stages, TOC stages and page-map stages on a
 * fixture in this page, one list at a time, as layout() runs them (tests/print-stages-pages.test.ts).
 * The pages stay in `#gz-stage-test` until the next call, so that a test can measure them.
 */
import { FLOW_STAGES, runStages, type PrintStage } from './stages';
import { PAGE_MAP_STAGES, TOC_STAGES } from './tocStages';
import { checkOffPage } from './integrity';

type Paginate = (content: DocumentFragment, container: HTMLElement, label: string, timeoutMs: number) => Promise<HTMLElement[]>;

const TIMEOUT_MS = 120_000;

function pick<C>(stages: ReadonlyArray<PrintStage<C>>, names: string[]): Array<PrintStage<C>> {
  return names.map((name) => {
    const stage = stages.find((s) => s.name === name);
    if (!stage) throw new Error(`no stage named ${name}`);
    return stage;
  });
}

function fragmentOf(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return document.importNode(template.content, true);
}

export function stageHarness(paginate: Paginate, primeFonts: (html: string) => Promise<void>) {
  /** A fresh container for the fixture's pages (class `gz-body` or `gz-toc-pages`, as in a layout). */
  function container(className: string): HTMLElement {
    document.getElementById('gz-stage-test')?.remove();
    const box = document.createElement('div');
    box.id = 'gz-stage-test';
    box.className = className;
    document.getElementById('gz-root')!.replaceChildren(box);
    return box;
  }

  async function laidOut(html: string, className: string): Promise<{ box: HTMLElement; pages: HTMLElement[] }> {
    const box = container(className);
    await primeFonts(html);
    const pages = await paginate(fragmentOf(html), box, 'fixture', TIMEOUT_MS);
    return { box, pages };
  }

  return {
    /** One Paged.js flow of `html` (every handler in PAGED_HANDLERS runs), then the named flow stages. */
    async flow(html: string, flowStages: string[] = []): Promise<{ paginated: number; pages: number }> {
      const { pages } = await laidOut(html, 'gz-body');
      const ctx = runStages(pick(FLOW_STAGES, flowStages), { pages });
      return { paginated: pages.length, pages: ctx.pages.length };
    },
    /** The integrity check for text or pictures laid out off the page, on the pages laid out last. */
    offPage(): string | null {
      const pages = Array.from(document.querySelectorAll<HTMLElement>('#gz-stage-test .pagedjs_page'));
      return checkOffPage(pages, 'fixture')?.message ?? null;
    },
    /** The TOC `html` (as common/render/toHtmlFront.ts writes it) laid out, then the named TOC stages. */
    async toc(html: string, sidebarHtml: string, tocStages: string[]): Promise<{ pages: number; wordsMoved?: number }> {
      const { box } = await laidOut(html, 'gz-toc-pages');
      const ctx = runStages(pick(TOC_STAGES, tocStages), { toc: box, sidebarHtml });
      return { pages: box.querySelectorAll(':scope .pagedjs_page').length, wordsMoved: ctx.wordsMoved };
    },
    /** A unit's `html` laid out as body pages numbered from `first`, then the named page-map stages. */
    async pageMap(html: string, first: number, stages: string[]): Promise<{ pages: number; documents?: Record<string, number>; anchors?: Record<string, number> }> {
      const { pages } = await laidOut(html, 'gz-body');
      const { documents, anchors } = runStages(pick(PAGE_MAP_STAGES, stages), { pages, numberOf: (i) => first + i });
      return { pages: pages.length, documents, anchors };
    },
  };
}

export type StageHarness = ReturnType<typeof stageHarness>;
