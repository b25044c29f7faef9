/**
 * The print page's side of the preview protocol (common/render/printProtocol.ts). When the page is framed
 * by the app (on another site, in its own process) it answers layout, thumbnail and print requests posted
 * by the app's origin only. At top level (the PDF engines) there is no bridge: they call
 * `window.gazettePrint.layout` directly.
 */
import { appOriginFor, parsePrintRequest, PRINT_PROTOCOL, type PrintReply, type PrintRequest } from '../../common/render/printProtocol';
import type { LayoutJob, LayoutResult } from '../../common/render/printJob';

const THUMBS_CSS =
  'html.gz-thumbs #gz-root{display:flex;flex-wrap:wrap;gap:28px;padding:20px;align-content:flex-start}' +
  'html.gz-thumbs .gz-front,html.gz-thumbs .gz-toc-pages,html.gz-thumbs .gz-body,html.gz-thumbs .gz-flow,html.gz-thumbs .pagedjs_pages{display:contents}' +
  'html.gz-thumbs .pagedjs_page{margin:0 0 96px!important;box-shadow:0 2px 10px rgba(0,0,0,.25);position:relative;overflow:visible}' +
  // The page's number in the issue under each thumbnail (the grid is shown at about 1/6 size).
  'html.gz-thumbs .pagedjs_page::after{content:attr(data-thumb-number);position:absolute;left:0;right:0;top:100%;padding-top:14px;' +
  'text-align:center;font:500 64px/1 "Noto Sans SC",sans-serif;color:#555}';

/**
 * The most frequent characters of a gazette (from the reference issue), one or more in each of the
 * unicode-range subsets that hold 99% of its text, plus digits and Latin letters.
 */
const COMMON_TEXT =
  '市，。的区行建公城工作人法设和（）业数管标局资政委等查年动格务要理专面方成发项体员分办量部及有尔化住木地实位关施开会社指单进处为金中场内一各度积件监服任长全合据集用水问安对章以调责非题新道报案点不主：照检在整重民加日导环情》大领小定平补采辖砂生规总《境通制按督展门时乡营况能现贴提活置府副月房于治机源求准商组同街刻保经' +
  '筑覆贯〔〕栋巩舆0123456789ABCabc';

/**
 * The bundled faces of body text, titles, headings and running heads (format §3), at their weights.
 * Not LXGW WenKai (楷体, only lead-ins): it is one 7 MB file with no subsets, loaded when a page uses it.
 */
const JOURNAL_FACES = ['400 16px FandolFang', '400 16px "Noto Serif SC"', '700 16px "Noto Serif SC"', '500 16px "Noto Sans SC"'];

/**
 * Start loading the font files nearly every document needs as soon as the page boots, while the app is
 * still rendering its editor: the first layout then finds them loaded. Only a head start; each layout
 * still waits for exactly the faces its own text uses.
 */
function warmFonts(): void {
  for (const face of JOURNAL_FACES) void document.fonts.load(face, COMMON_TEXT).catch(() => undefined);
}

function setThumbnails(on: boolean): void {
  if (!document.getElementById('gz-thumbs-style')) {
    const style = document.createElement('style');
    style.id = 'gz-thumbs-style';
    style.textContent = THUMBS_CSS;
    document.head.appendChild(style);
  }
  // Numbered in issue order (front matter, TOC and body are separate flows, each counting from 1).
  if (on) document.querySelectorAll<HTMLElement>('.pagedjs_page').forEach((page, i) => (page.dataset.thumbNumber = String(i + 1)));
  document.documentElement.classList.toggle('gz-thumbs', on);
}

function contentHeight(): number {
  return Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0);
}

/** Run `fn` with the thumbnail grid off: pagination and printing need the normal flow. */
async function inNormalFlow<T>(fn: () => T | Promise<T>): Promise<T> {
  const thumbs = document.documentElement.classList.contains('gz-thumbs');
  setThumbnails(false);
  try {
    return await fn();
  } finally {
    setThumbnails(thumbs);
  }
}

export function startPrintBridge(layout: (job: LayoutJob) => Promise<LayoutResult>, cancelLayout: () => void = () => undefined): void {
  if (window.parent === window) return;
  const appOrigin = appOriginFor(location);
  const post = (reply: PrintReply) => window.parent.postMessage(reply, appOrigin);
  const session = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  // One request at a time: a layout replaces the whole page.
  let queue: Promise<unknown> = Promise.resolve();

  const answer = async (request: Exclude<PrintRequest, { kind: 'ping' | 'cancel' }>): Promise<PrintReply> => {
    if (request.kind === 'thumbnails') setThumbnails(request.on);
    if (request.kind === 'print') await inNormalFlow(() => window.print());
    const result = request.kind === 'layout' ? await inNormalFlow(() => layout(request.job)) : undefined;
    return { protocol: PRINT_PROTOCOL, kind: 'done', id: request.id, height: contentHeight(), ...(result ? { result } : {}) };
  };

  window.addEventListener('message', (event) => {
    if (event.origin !== appOrigin || event.source !== window.parent) return;
    const request = parsePrintRequest(event.data);
    if (!request) return;
    if (request.kind === 'ping') return post({ protocol: PRINT_PROTOCOL, kind: 'ready', session });
    // Now, not after the layout it stops.
    if (request.kind === 'cancel') return cancelLayout();
    const run = () =>
      answer(request).then(post, (e: unknown) => post({ protocol: PRINT_PROTOCOL, kind: 'failed', id: request.id, message: e instanceof Error ? e.message : String(e) }));
    queue = queue.then(run, run);
  });
  post({ protocol: PRINT_PROTOCOL, kind: 'ready', session });
  warmFonts();
}
