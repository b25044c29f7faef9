/**
 * The right-hand panel: live paged preview of the current unit (with the page numbers it will have),
 * thumbnails of the whole issue and its TOC with page numbers from the last full layout.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { evenRunningHead, type IssueTree } from '../../common/model';
import { issueJob, type LayoutJob, type PageMap } from '../../common/render/printJob';
import { previewUnit } from '../../common/render/previewUnit';
import { t } from '../i18n';
import { afterPaint, trackUnitLayout, typingPaused, unitLayoutSettled } from './activity';
import { parkFrame, PrintFrame, printPageUrl, moveFrame, sharedPreviewFrame } from './printFrame';
import { loadImages, previewImages } from './printImages';

const PAGE_WIDTH_PX = 794; // A4 at 96 dpi
/** Three A4 pages side by side, with gaps: the issue frame's width in thumbnail mode. */
const THUMBS_FRAME_WIDTH = 3 * PAGE_WIDTH_PX + 4 * 28 + 40;

export function unitJob(tree: IssueTree, documentId: string, pageMap: PageMap | null, cached: (hash: string) => string | undefined): LayoutJob | null {
  const unit = previewUnit(tree, documentId, previewImages);
  if (!unit) return null;
  const pages = cached(unit.hash);
  return {
    units: [{ id: unit.id, hash: unit.hash, label: unit.label, sectionName: unit.sectionName, documentIds: unit.documentIds, html: unit.html, ...(pages ? { cachedPages: pages } : {}) }],
    evenHead: evenRunningHead(tree.issue),
    fonts: tree.issue.settings.fonts,
    pageOffset: pageMap?.units[unit.id]?.first ?? pageMap?.documents[documentId] ?? 1,
  };
}

function useFrameScale(container: React.RefObject<HTMLDivElement | null>, frameWidth = PAGE_WIDTH_PX + 40, margin = 24): number {
  const [scale, setScale] = useState(0.4);
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const update = () => setScale(Math.max(0.05, (el.clientWidth - margin) / frameWidth));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [container, frameWidth, margin]);
  return scale;
}

/** One PrintFrame per iframe, for the component's lifetime. */
function usePrintFrame(frame: React.RefObject<HTMLIFrameElement | null>, printer: React.RefObject<PrintFrame | null>): void {
  useEffect(() => {
    if (!frame.current) return;
    const p = new PrintFrame(frame.current);
    printer.current = p;
    return () => {
      p.dispose();
      if (printer.current === p) printer.current = null;
    };
  }, [frame, printer]);
}

/**
 * Lay out the unit of `documentId` in the preview's frame right away (when the issue's tree arrives,
 * before the editor renders): the preview then takes these pages from the cache instead of waiting.
 */
export function layoutAhead(tree: IssueTree, documentId: string | undefined): void {
  const id = documentId ?? tree.sections.flatMap((s) => s.documents)[0]?.id;
  if (!id) return;
  const { printer } = sharedPreviewFrame();
  void loadImages(tree).then(() => {
    const job = unitJob(tree, id, null, printer.cached);
    if (job && !job.units[0].cachedPages) void printer.layout(job).catch(() => undefined);
  });
}

/**
 * Preview typing pause: the layout runs in the print frame's process and the document's HTML reuses its
 * tables' (common/render/toHtml.ts), so it need not wait long. The workspace hands edits over after
 * EDIT_SETTLE_MS; this pause counts from the last keystroke.
 */
const PREVIEW_QUIET_MS = 200;

/** Live preview of the unit holding `documentId`; re-laid out shortly after edits stop. */
export function UnitPreview(props: { tree: IssueTree; documentId?: string; pageMap: PageMap | null; version: number }) {
  const slot = useRef<HTMLDivElement>(null);
  const printer = useRef<PrintFrame | null>(null);
  const frame = useRef<HTMLIFrameElement | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const scale = useFrameScale(box);
  const [height, setHeight] = useState(1200);
  const [status, setStatus] = useState<{ kind: 'idle' | 'laying' | 'done' | 'failed'; text?: string; first?: number; count?: number; provisional?: boolean }>({
    kind: 'idle',
  });
  const latest = useRef(0);
  /** The document whose preview is showing: another one is laid out at once, edits after a short pause. */
  const shownDocument = useRef<string | undefined>(undefined);

  // The shared frame moves into this panel while it is mounted, and back to its parking spot before the
  // panel leaves the document (a layout effect's cleanup runs while the DOM is still attached).
  useLayoutEffect(() => {
    const shared = sharedPreviewFrame();
    frame.current = shared.frame;
    printer.current = shared.printer;
    shared.frame.title = t.panels.preview;
    shared.frame.dataset.testid = 'preview-frame';
    if (slot.current) moveFrame(shared.frame, slot.current);
    return () => {
      delete shared.frame.dataset.testid;
      parkFrame(shared.frame);
    };
  }, []);

  useEffect(() => {
    const f = frame.current;
    if (!f) return;
    f.style.width = `${PAGE_WIDTH_PX + 40}px`;
    f.style.height = `${height}px`;
    f.style.transform = `scale(${scale})`;
  }, [height, scale]);

  useEffect(() => {
    if (!props.documentId || !printer.current) return;
    const documentId = props.documentId;
    const ticket = ++latest.current;
    const show = async () => {
      // Another document: its editor paints first, then its HTML is made (城市体检's tables take a while).
      if (shownDocument.current !== documentId) await afterPaint();
      await typingPaused(PREVIEW_QUIET_MS);
      await loadImages(props.tree);
      if (ticket !== latest.current) return;
      const p = printer.current!;
      const job = unitJob(props.tree, documentId, props.pageMap, p.cached);
      if (!job) return;
      setStatus((s) => ({ ...s, kind: 'laying' }));
      try {
        const running = p.layout(job, true);
        trackUnitLayout(running);
        const result = await running;
        if (ticket !== latest.current) return;
        const unit = result.pageMap.units[job.units[0].id];
        shownDocument.current = documentId;
        setHeight(p.height);
        setStatus({ kind: 'done', first: unit?.first, count: unit?.count, provisional: !props.pageMap });
        document.body.dataset.previewVersion = String(props.version);
      } catch (e) {
        if (ticket === latest.current) setStatus({ kind: 'failed', text: (e as Error).message });
      }
    };
    // An image that fails to load fails this preview (said in the status line), not the page.
    const failed = (e: unknown) => ticket === latest.current && setStatus({ kind: 'failed', text: (e as Error).message });
    const timer = setTimeout(() => void show().catch(failed), 0);
    return () => clearTimeout(timer);
  }, [props.tree, props.documentId, props.pageMap, props.version]);

  return (
    <div className="preview" ref={box}>
      <div className="preview-status" data-testid="preview-status" data-state={status.kind}>
        {status.kind === 'laying' ? t.preview.laying : null}
        {status.kind === 'done' && status.first && !status.provisional ? t.preview.pages(status.first, status.first + (status.count ?? 1) - 1) : null}
        {status.kind === 'done' && status.provisional ? t.preview.provisional(status.count ?? 1) : null}
        {status.kind === 'failed' ? t.preview.failed(status.text ?? '') : null}
      </div>
      <div className="preview-frame-box" style={{ height: height * scale }} ref={slot} />
    </div>
  );
}

/** The whole issue laid out in a frame (thumbnails) giving the page map for the TOC and the outline. */
export function IssueLayout(props: {
  tree: IssueTree;
  visible: boolean;
  version: number;
  onPageMap: (map: PageMap, pages: number) => void;
  /** The issue changed: the page numbers shown are stale until the next onPageMap (or the layout fails). */
  onStale?: (stale: boolean) => void;
  printRequest: number;
}) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  const printer = useRef<PrintFrame | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const scale = useFrameScale(box, THUMBS_FRAME_WIDTH);
  const [height, setHeight] = useState(2000);
  const [state, setState] = useState<'idle' | 'laying' | 'done' | 'failed'>('idle');
  const [error, setError] = useState('');
  const onPageMap = useRef(props.onPageMap);
  onPageMap.current = props.onPageMap;
  const onStale = useRef(props.onStale);
  onStale.current = props.onStale;
  const latest = useRef(0);

  usePrintFrame(frameRef, printer);

  useEffect(() => {
    const ticket = ++latest.current;
    onStale.current?.(true);
    const layIssue = async () => {
      const p = printer.current;
      if (!p) return;
      await typingPaused(1200);
      await unitLayoutSettled();
      await loadImages(props.tree);
      if (ticket !== latest.current) return;
      setState('laying');
      try {
        const result = await p.layout(issueJob(props.tree, p.cached, previewImages));
        if (ticket !== latest.current) return;
        const thumbsHeight = await p.setThumbnails(true);
        if (ticket !== latest.current) return;
        setHeight(thumbsHeight);
        setState('done');
        onPageMap.current(result.pageMap, result.pages);
        onStale.current?.(false);
      } catch (e) {
        if (ticket === latest.current) {
          onStale.current?.(false);
          setState('failed');
          setError((e as Error).message);
        }
      }
    };
    const failed = (e: unknown) => {
      if (ticket !== latest.current) return;
      onStale.current?.(false);
      setState('failed');
      setError((e as Error).message);
    };
    const timer = setTimeout(() => void layIssue().catch(failed), 900);
    return () => clearTimeout(timer);
  }, [props.tree, props.version]);

  useEffect(() => {
    if (props.printRequest > 0) printer.current?.print().catch(() => undefined);
  }, [props.printRequest]);

  return (
    <div className={`issue-layout${props.visible ? '' : ' offscreen'}`} ref={box} data-testid="issue-layout" data-state={state}>
      <div className="preview-status">{state === 'laying' ? t.preview.laying : state === 'failed' ? t.preview.failed(error) : null}</div>
      <div className="preview-frame-box" style={{ height: height * scale }}>
        <iframe
          ref={frameRef}
          title={t.panels.thumbnails}
          src={printPageUrl()}
          style={{ width: THUMBS_FRAME_WIDTH, height, transform: `scale(${scale})` }}
        />
      </div>
    </div>
  );
}
