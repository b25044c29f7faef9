/**
 * publishIssue: the web edition of an issue, a static folder for the government portal (issue #16):
 *
 *   index.html           cover data, search, TOC by section          common/render/toWeb.ts
 *   docs/<id>.html       one page per document
 *   pdf/issue.pdf        the whole issue, tagged (structure tree, artifacts, /Lang)
 *   pdf/<id>.pdf         each document's pages of it, with their printed folios (printed again, tagged;
 *                        copied out of the issue PDF if that fails)
 *   images/<asset>.<ext> the documents' images
 *   issue.json           metadata of the issue and every document
 *   search-data.js, search.js, edition.css
 *   fonts.css, fonts/     subsets of the bundled faces for readers without Chinese fonts
 *
 * The folder is built beside its place and swapped in whole (main/export/outputFolder.ts): a failed or
 * killed publish leaves the earlier edition as it was. The entries above of an earlier publish are replaced
 * whole; anything else in the folder (a portal's own files) is kept.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import type { GazetteDocument, IssueTree } from '../../common/model';
import {
  WEB_FILES,
  webDocumentPage,
  webIndexPage,
  webMetadata,
  webPageRanges,
  webSearchEntries,
  webSearchScript,
  type WebIssueMeta,
  type WebPageRange,
} from '../../common/render/toWeb';
import { codePointsOf, fontFaceCss, usedSubsets } from '../../common/render/webFonts';
import { appRoot } from '../appRoot';
import { ChromiumEngine } from './chromium';
import { markUntaggedAsArtifacts } from './pdfArtifacts';
import type { PrintEngine } from './engine';
import { exportIssuePdf, type PageMapStore } from './exportPdf';
import type { LayoutCache } from './layoutCache';
import { writeFolderAtomic } from './outputFolder';

export interface PublishLibrary extends PageMapStore {
  assets: { get(id: string): { mime: string; bytes: Uint8Array } | undefined };
}

export interface PublishOptions {
  engine?: PrintEngine;
  cache?: LayoutCache;
}

export interface PublishResult {
  dir: string;
  index: string;
  documents: number;
  /** Physical pages of the issue PDF. */
  pages: number;
  files: string[];
  /** Document PDFs that could not be printed on their own and were cut from the issue PDF (untagged), with why. */
  untaggedPdfs: Array<{ file: string; reason: string }>;
}

/** Bundled faces offered after the reader's system fonts (resources/web/edition.css names them). */
const WEB_FACES = [
  { family: 'Gazette Serif', weight: 400, css: '@fontsource/noto-serif-sc/400.css' },
  { family: 'Gazette Sans', weight: 500, css: '@fontsource/noto-sans-sc/500.css' },
];

/** fonts.css and the subset files that hold the characters of `text`; returns the files written. */
function writeWebFonts(out: string, text: string): string[] {
  const codePoints = codePointsOf(text);
  const files: string[] = [];
  const rules: string[] = [];
  mkdirSync(path.join(out, 'fonts'), { recursive: true });
  for (const face of WEB_FACES) {
    const cssPath = path.join(appRoot(), 'node_modules', face.css);
    const subsets = usedSubsets(readFileSync(cssPath, 'utf8'), codePoints);
    for (const subset of subsets) {
      const name = path.basename(subset.file);
      copyFileSync(path.join(path.dirname(cssPath), subset.file), path.join(out, 'fonts', name));
      files.push(`fonts/${name}`);
    }
    copyFileSync(path.join(path.dirname(cssPath), 'LICENSE'), path.join(out, 'fonts', `LICENSE-${face.css.split('/')[1]}.txt`));
    rules.push(fontFaceCss(face.family, face.weight, subsets));
  }
  writeFileSync(path.join(out, WEB_FILES.fonts), `/* Subsets of Noto Serif SC and Noto Sans SC (SIL Open Font License, fonts/LICENSE-*.txt) */\n${rules.join('\n')}\n`);
  return [WEB_FILES.fonts, ...files];
}

const IMAGE_EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/svg+xml': 'svg' };

function imageAssets(tree: IssueTree): string[] {
  const ids = new Set<string>();
  for (const section of tree.sections) for (const doc of section.documents) for (const b of doc.content.blocks) if (b.type === 'image') ids.add(b.assetId);
  return [...ids];
}

interface DocumentPdfMeta {
  title: string;
  subject: string;
}

/** Metadata, language and page labels of a document's PDF: viewers show the printed folios (— 17 — is page 17). */
function finishDocumentPdf(out: PDFDocument, first: number, meta: DocumentPdfMeta): Promise<Uint8Array> {
  out.setTitle(meta.title, { showInWindowTitleBar: true });
  out.setSubject(meta.subject);
  out.setLanguage('zh-CN');
  out.setCreator('gazette');
  out.setProducer('gazette (Paged.js 0.4.3 + Chromium, pdf-lib)');
  out.catalog.set(PDFName.of('PageLabels'), out.context.obj({ Nums: [PDFNumber.of(0), out.context.obj({ S: 'D', St: first })] }));
  return out.save({ useObjectStreams: true });
}

/** Physical page indices (0-based) of printed pages first..last. */
function physicalPages(pages: WebPageRange, frontPages: number): number[] {
  return Array.from({ length: pages.last - pages.first + 1 }, (_, i) => frontPages + pages.first - 1 + i);
}

/**
 * A document's pages printed again from the laid-out issue still on the engine's page, tagged: the same
 * pages as in the issue PDF (same layout, same folios), with a structure tree of their own and font
 * subsets of their own (pages copied out of the issue PDF would carry the whole issue's fonts and no tags).
 */
async function printDocumentPdf(engine: PrintEngine, pages: WebPageRange, frontPages: number, meta: DocumentPdfMeta): Promise<Uint8Array> {
  const indices = physicalPages(pages, frontPages);
  const pdf = await PDFDocument.load(await engine.printPdf({ pages: indices, tagged: true }), { updateMetadata: false });
  if (pdf.getPageCount() !== indices.length) throw new Error(`printed ${pdf.getPageCount()} pages for ${indices.length}`);
  markUntaggedAsArtifacts(pdf);
  return finishDocumentPdf(pdf, pages.first, meta);
}

/** The fallback: the document's pages copied out of the issue PDF (pdf-lib), untagged. */
async function cutDocumentPdf(issuePdf: PDFDocument, pages: WebPageRange, frontPages: number, meta: DocumentPdfMeta): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const page of await out.copyPages(issuePdf, physicalPages(pages, frontPages))) {
    // The issue's structure tree stays behind: drop the key that pointed into it.
    page.node.delete(PDFName.of('StructParents'));
    out.addPage(page);
  }
  return finishDocumentPdf(out, pages.first, meta);
}

/** The top-level entries of an edition folder that a publish writes (and replaces whole). */
const EDITION_ENTRIES = [...new Set([...Object.values(WEB_FILES), 'docs/', 'images/', 'fonts/'].map((f) => f.split('/')[0]))];

export async function publishIssue(library: PublishLibrary, issueId: string, dir: string, opts: PublishOptions = {}): Promise<PublishResult> {
  const final = path.resolve(dir);
  const result = await writeFolderAtomic(final, EDITION_ENTRIES, (temp) => writeIssueEdition(library, issueId, temp, opts));
  return { ...result, dir: final, index: path.join(final, WEB_FILES.index) };
}

async function writeIssueEdition(library: PublishLibrary, issueId: string, out: string, opts: PublishOptions): Promise<PublishResult> {
  const tree = library.issues.getTree(issueId);
  const files: string[] = [];
  const written: string[] = [];
  const write = (rel: string, data: string | Uint8Array) => {
    mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    writeFileSync(path.join(out, rel), data);
    if (typeof data === 'string') written.push(data);
    files.push(rel);
  };

  // Images: files for the web pages (their src in webSrc), data: URLs for the print page (it loads nothing from disk).
  const webSrc = new Map<string, string>();
  const dataUrl = new Map<string, string>();
  for (const assetId of imageAssets(tree)) {
    const asset = library.assets.get(assetId);
    const ext = asset && IMAGE_EXT[asset.mime];
    if (!asset || !ext || !/^[A-Za-z0-9_-]+$/.test(assetId)) continue;
    dataUrl.set(assetId, `data:${asset.mime};base64,${Buffer.from(asset.bytes).toString('base64')}`);
    // An SVG may hold scripts: as a file on the portal, opened directly, they would run on the portal's
    // origin. Shown only through <img> from a data: URL, a browser never runs them nor loads what they name.
    if (asset.mime === 'image/svg+xml') {
      webSrc.set(assetId, dataUrl.get(assetId)!);
      continue;
    }
    write(`images/${assetId}.${ext}`, asset.bytes);
    webSrc.set(assetId, `../images/${assetId}.${ext}`);
  }

  const engine = opts.engine ?? (await ChromiumEngine.launch());
  try {
    return await writeEdition(engine);
  } finally {
    if (!opts.engine) await engine.close();
  }

  async function writeEdition(engine: PrintEngine): Promise<PublishResult> {
    const pdf = await exportIssuePdf(library, issueId, {
      pdfPath: path.join(out, WEB_FILES.issuePdf),
      tagged: true,
      engine,
      cache: opts.cache,
      html: { assetUrl: (id) => dataUrl.get(id) ?? '' },
    });
    files.push(WEB_FILES.issuePdf);
    const meta: WebIssueMeta = webMetadata(tree, { pages: webPageRanges(tree, pdf.pageMap), pdfPages: pdf.pages });

    let issuePdf: PDFDocument | undefined;
    const untaggedPdfs: PublishResult['untaggedPdfs'] = [];
    const docs = new Map<string, GazetteDocument>(tree.sections.flatMap((s) => s.documents.map((d) => [d.id, d] as const)));
    for (const [i, docMeta] of meta.documents.entries()) {
      const doc = docs.get(docMeta.id)!;
      if (docMeta.pages && docMeta.files.pdf) {
        const subject = `${meta.title}（总第${meta.cumulativeNumber}期）第${docMeta.pages.first}–${docMeta.pages.last}页`;
        const title = docMeta.docNumber ? `${docMeta.title}（${docMeta.docNumber}）` : docMeta.title;
        let bytes: Uint8Array;
        try {
          bytes = await printDocumentPdf(engine, docMeta.pages, pdf.pageMap.frontPages, { title, subject });
        } catch (error) {
          untaggedPdfs.push({ file: docMeta.files.pdf, reason: (error as Error).message });
          issuePdf ??= await PDFDocument.load(readFileSync(pdf.pdfPath), { updateMetadata: false });
          bytes = await cutDocumentPdf(issuePdf, docMeta.pages, pdf.pageMap.frontPages, { title, subject });
        }
        write(docMeta.files.pdf, bytes);
      }
      const html = webDocumentPage(doc, docMeta, meta, { previous: meta.documents[i - 1], next: meta.documents[i + 1] }, {
        assetUrl: (id) => webSrc.get(id) ?? '',
      });
      write(docMeta.files.html, html);
    }

    write(WEB_FILES.index, webIndexPage(tree, meta));
    write(WEB_FILES.metadata, `${JSON.stringify(meta, null, 2)}\n`);
    write(WEB_FILES.searchData, webSearchScript(webSearchEntries(tree, meta)));
    files.push(...writeWebFonts(out, written.join('')));
    for (const asset of [WEB_FILES.style, WEB_FILES.search]) {
      copyFileSync(path.join(appRoot(), 'resources', 'web', asset), path.join(out, asset));
      files.push(asset);
    }
    return { dir: out, index: path.join(out, WEB_FILES.index), documents: meta.documents.length, pages: pdf.pages, files, untaggedPdfs };
  }
}
