/**
 * The right-hand panel: live paged preview of the current unit (with the page numbers it will have),
 * thumbnails of the whole issue and its TOC with page numbers from the last full layout.
 */
import { useEffect, useRef, useState } from 'react';
import type { IssueTree } from '../../common/model';
import { issueJob, type LayoutJob, type PageMap } from '../../common/render/printJob';
import { paginationUnits } from '../../common/render/toHtml';
import { t } from '../i18n';
import { trackUnitLayout, typingPaused, unitLayoutSettled } from './activity';
import { PRINT_PAGE_URL, PrintFrame } from './printFrame';

const PAGE_WIDTH_PX = 794; // A4 at 96 dpi
/** Three A4 pages side by side, with gaps: the issue frame's width in thumbnail mode. */
const THUMBS_FRAME_WIDTH = 3 * PAGE_WIDTH_PX + 4 * 28 + 40;

export function unitJob(tree: IssueTree, documentId: string, pageMap: PageMap | null, cached: (hash: string) => string | undefined): LayoutJob | null {
  const unit = paginationUnits(tree).find((u) => u.documentIds.includes(documentId));
  if (!unit) return null;
  const pages = cached(unit.hash);
  return {
    units: [{ id: unit.id, hash: unit.hash, label: unit.label, sectionName: unit.sectionName, documentIds: unit.documentIds, html: unit.html, ...(pages ? { cachedPages: pages } : {}) }],
    evenHead: issueJob(tree).evenHead,
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

/** Live preview of the unit holding `documentId`; re-laid out shortly after edits stop. */
export function UnitPreview(props: { tree: IssueTree; documentId?: string; pageMap: PageMap | null; version: number }) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  const printer = useRef<PrintFrame | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const scale = useFrameScale(box);
  const [height, setHeight] = useState(1200);
  const [status, setStatus] = useState<{ kind: 'idle' | 'laying' | 'done' | 'failed'; text?: string; first?: number; count?: number; provisional?: boolean }>({
    kind: 'idle',
  });
  const latest = useRef(0);

  useEffect(() => {
    if (frameRef.current && !printer.current) printer.current = new PrintFrame(frameRef.current);
  }, []);

  useEffect(() => {
    if (!props.documentId || !printer.current) return;
    const documentId = props.documentId;
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      await typingPaused();
      if (ticket !== latest.current) return;
      const p = printer.current!;
      const job = unitJob(props.tree, documentId, props.pageMap, p.cached);
      if (!job) return;
      setStatus((s) => ({ ...s, kind: 'laying' }));
      try {
        const running = p.layout(job);
        trackUnitLayout(running);
        const result = await running;
        if (ticket !== latest.current) return;
        const unit = result.pageMap.units[job.units[0].id];
        setHeight(p.contentHeight());
        setStatus({ kind: 'done', first: unit?.first, count: unit?.count, provisional: !props.pageMap });
        document.body.dataset.previewVersion = String(props.version);
      } catch (e) {
        if (ticket === latest.current) setStatus({ kind: 'failed', text: (e as Error).message });
      }
    }, ticket === 1 ? 0 : 350); // the first preview of a document is not waiting for edits to settle
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
      <div className="preview-frame-box" style={{ height: height * scale }}>
        <iframe
          ref={frameRef}
          title={t.panels.preview}
          data-testid="preview-frame"
          src={PRINT_PAGE_URL}
          style={{ width: PAGE_WIDTH_PX + 40, height, transform: `scale(${scale})` }}
        />
      </div>
    </div>
  );
}

/** The whole issue laid out in a frame (thumbnails) giving the page map for the TOC and the outline. */
export function IssueLayout(props: { tree: IssueTree; visible: boolean; version: number; onPageMap: (map: PageMap, pages: number) => void; printRequest: number }) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  const printer = useRef<PrintFrame | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const scale = useFrameScale(box, THUMBS_FRAME_WIDTH);
  const [height, setHeight] = useState(2000);
  const [state, setState] = useState<'idle' | 'laying' | 'done' | 'failed'>('idle');
  const [error, setError] = useState('');
  const onPageMap = useRef(props.onPageMap);
  onPageMap.current = props.onPageMap;
  const latest = useRef(0);

  useEffect(() => {
    if (frameRef.current && !printer.current) printer.current = new PrintFrame(frameRef.current);
  }, []);

  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      const p = printer.current;
      if (!p) return;
      await typingPaused(1200);
      await unitLayoutSettled();
      if (ticket !== latest.current) return;
      setState('laying');
      try {
        const result = await p.layout(issueJob(props.tree, p.cached));
        if (ticket !== latest.current) return;
        p.setThumbnails(true);
        setHeight(p.contentHeight());
        setState('done');
        onPageMap.current(result.pageMap, result.pages);
      } catch (e) {
        if (ticket === latest.current) {
          setState('failed');
          setError((e as Error).message);
        }
      }
    }, 900);
    return () => clearTimeout(timer);
  }, [props.tree, props.version]);

  useEffect(() => {
    if (props.printRequest > 0) printer.current?.print();
  }, [props.printRequest]);

  return (
    <div className={`issue-layout${props.visible ? '' : ' offscreen'}`} ref={box} data-testid="issue-layout" data-state={state}>
      <div className="preview-status">{state === 'laying' ? t.preview.laying : state === 'failed' ? t.preview.failed(error) : null}</div>
      <div className="preview-frame-box" style={{ height: height * scale }}>
        <iframe
          ref={frameRef}
          title={t.panels.thumbnails}
          src={PRINT_PAGE_URL}
          style={{ width: THUMBS_FRAME_WIDTH, height, transform: `scale(${scale})` }}
        />
      </div>
    </div>
  );
}
