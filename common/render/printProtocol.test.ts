import { describe, expect, it } from 'vitest';
import type { LayoutJob, LayoutResult } from './printJob';
import { appOriginFor, ELECTRON_PRINT_ORIGIN, parsePrintReply, parsePrintRequest, printOriginFor, PRINT_PROTOCOL, urlOrigin } from './printProtocol';

const loc = (href: string) => new URL(href);

const job: LayoutJob = {
  units: [{ id: 'u1', hash: 'h1', label: '通知', sectionName: '市政府文件', documentIds: ['d1'], html: '<p>正文</p>' }],
  evenHead: '格尔木市人民政府政务公开信息',
  fonts: 'bundled',
  pageOffset: 3,
};

const result: LayoutResult = {
  pages: 2,
  pageMap: { documents: { d1: 3 }, units: { u1: { first: 3, count: 2 } }, anchors: {}, frontPages: 0, tocPages: 0, totalPages: 2 },
  laidOut: [{ id: 'u1', hash: 'h1', pages: 2, pagesHtml: '<div class="pagedjs_page"></div>', ms: 40 }],
  ms: 55,
};

describe('print frame origins', () => {
  it('reads the origin of custom-scheme URLs too (Node says "null")', () => {
    expect(new URL('app://gazette/index.html').origin).toBe('null');
    expect(urlOrigin('app://gazette/index.html')).toBe('app://gazette');
    expect(urlOrigin('app://print/print/print.html')).toBe(ELECTRON_PRINT_ORIGIN);
    expect(urlOrigin('http://127.0.0.1:4321/?token=x')).toBe('http://127.0.0.1:4321');
    expect(urlOrigin('not a url')).toBe('');
  });

  it('puts the print page on the other loopback name, same port: another site', () => {
    expect(printOriginFor(loc('http://127.0.0.1:4321/?token=x'))).toBe('http://localhost:4321');
    expect(printOriginFor(loc('http://localhost:4321/'))).toBe('http://127.0.0.1:4321');
    expect(printOriginFor(loc('app://gazette/index.html'))).toBe(ELECTRON_PRINT_ORIGIN);
    // No second site to use: the caller falls back to its own origin.
    expect(printOriginFor(loc('http://example.org/'))).toBeNull();
    expect(printOriginFor(loc('https://127.0.0.1:4321/'))).toBeNull();
  });

  it('lets the print page accept exactly the app that frames it', () => {
    expect(appOriginFor(loc('http://localhost:4321/print/print.html'))).toBe('http://127.0.0.1:4321');
    expect(appOriginFor(loc('http://127.0.0.1:4321/print/print.html'))).toBe('http://localhost:4321');
    expect(appOriginFor(loc('app://print/print/print.html'))).toBe('app://gazette');
    expect(appOriginFor(loc('http://example.org/print/print.html'))).toBe('http://example.org');
    // The two functions are inverse for every case that has a second site.
    for (const app of ['http://127.0.0.1:9/', 'http://localhost:9/', 'app://gazette/']) expect(appOriginFor(loc(printOriginFor(loc(app))!))).toBe(app.slice(0, -1));
  });
});

describe('print requests', () => {
  it('accepts the four requests', () => {
    expect(parsePrintRequest({ protocol: PRINT_PROTOCOL, kind: 'ping' })).toEqual({ protocol: PRINT_PROTOCOL, kind: 'ping' });
    expect(parsePrintRequest({ protocol: PRINT_PROTOCOL, kind: 'layout', id: 1, job })).toEqual({ protocol: PRINT_PROTOCOL, kind: 'layout', id: 1, job });
    expect(parsePrintRequest({ protocol: PRINT_PROTOCOL, kind: 'thumbnails', id: 2, on: true })?.kind).toBe('thumbnails');
    expect(parsePrintRequest({ protocol: PRINT_PROTOCOL, kind: 'print', id: 3 })?.kind).toBe('print');
    expect(parsePrintRequest({ protocol: PRINT_PROTOCOL, kind: 'cancel', code: 'x' })).toEqual({ protocol: PRINT_PROTOCOL, kind: 'cancel' });
  });

  it('refuses other protocols, unknown kinds and wrong shapes', () => {
    const bad: unknown[] = [
      null,
      'ping',
      [],
      { kind: 'ping' },
      { protocol: 'other/1', kind: 'ping' },
      { protocol: PRINT_PROTOCOL, kind: 'eval', id: 1 },
      { protocol: PRINT_PROTOCOL, kind: 'print' },
      { protocol: PRINT_PROTOCOL, kind: 'print', id: 0 },
      { protocol: PRINT_PROTOCOL, kind: 'print', id: 1.5 },
      { protocol: PRINT_PROTOCOL, kind: 'thumbnails', id: 1, on: 'yes' },
      { protocol: PRINT_PROTOCOL, kind: 'layout', id: 1 },
      { protocol: PRINT_PROTOCOL, kind: 'layout', id: 1, job: { ...job, units: 'x' } },
      { protocol: PRINT_PROTOCOL, kind: 'layout', id: 1, job: { ...job, fonts: 'comic' } },
      { protocol: PRINT_PROTOCOL, kind: 'layout', id: 1, job: { ...job, units: [{ ...job.units[0], html: 42 }] } },
      { protocol: PRINT_PROTOCOL, kind: 'layout', id: 1, job: { ...job, units: [{ ...job.units[0], documentIds: [1] }] } },
      { protocol: PRINT_PROTOCOL, kind: 'layout', id: 1, job: { ...job, pageOffset: -1 } },
      { protocol: PRINT_PROTOCOL, kind: 'layout', id: 1, job: { ...job, front: { coverHtml: '', insideCoverHtml: '', sidebarHtml: '', toc: [{ name: 'x' }] } } },
    ];
    for (const data of bad) expect(parsePrintRequest(data), JSON.stringify(data)).toBeNull();
  });

  it('accepts a full-issue job with front matter', () => {
    const front = { coverHtml: '<h1>封面</h1>', insideCoverHtml: '', sidebarHtml: '', toc: [{ name: '市政府文件', entries: [{ documentId: 'd1', title: '通知', docNumber: '', oneLine: true }] }] };
    expect(parsePrintRequest({ protocol: PRINT_PROTOCOL, kind: 'layout', id: 7, job: { ...job, front } })?.kind).toBe('layout');
  });
});

describe('print replies', () => {
  it('accepts ready, done (with or without a layout) and failed', () => {
    expect(parsePrintReply({ protocol: PRINT_PROTOCOL, kind: 'ready', session: 's1' })).toEqual({ protocol: PRINT_PROTOCOL, kind: 'ready', session: 's1' });
    expect(parsePrintReply({ protocol: PRINT_PROTOCOL, kind: 'done', id: 1, height: 2246, result })).toEqual({ protocol: PRINT_PROTOCOL, kind: 'done', id: 1, height: 2246, result });
    expect(parsePrintReply({ protocol: PRINT_PROTOCOL, kind: 'done', id: 2, height: 0 })).toEqual({ protocol: PRINT_PROTOCOL, kind: 'done', id: 2, height: 0 });
    expect(parsePrintReply({ protocol: PRINT_PROTOCOL, kind: 'failed', id: 3, message: '版面超时' })?.kind).toBe('failed');
  });

  it('refuses malformed replies', () => {
    const bad: unknown[] = [
      { protocol: PRINT_PROTOCOL, kind: 'ready' },
      { protocol: PRINT_PROTOCOL, kind: 'done', id: 1 },
      { protocol: PRINT_PROTOCOL, kind: 'done', id: 1, height: Number.NaN },
      { protocol: PRINT_PROTOCOL, kind: 'done', id: 1, height: 10, result: { ...result, pageMap: null } },
      { protocol: PRINT_PROTOCOL, kind: 'done', id: 1, height: 10, result: { ...result, laidOut: [{ id: 'u1' }] } },
      { protocol: PRINT_PROTOCOL, kind: 'done', id: 1, height: 10, result: { ...result, pageMap: { ...result.pageMap, documents: { d1: '3' } } } },
      { protocol: PRINT_PROTOCOL, kind: 'failed', id: 1 },
      { protocol: PRINT_PROTOCOL, kind: 'layout', id: 1, job },
    ];
    for (const data of bad) expect(parsePrintReply(data), JSON.stringify(data)).toBeNull();
  });
});
