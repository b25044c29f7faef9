/**
 * PrintEngine on Electron: the print page in a hidden, sandboxed window of our own app:// origin;
 * layout through `window.gazettePrint.layout(job)`, PDF through printToPDF with the CSS page size.
 * Only imported by main/index.ts (the Electron entry).
 */
import { BrowserWindow } from 'electron';
import type { LayoutJob, LayoutResult } from '../../common/render/printJob';
import type { PrintEngine, PrintPdfOptions } from '../export/engine';
import { rasterizeScript, type DrawnFormat } from '../export/rasterScript';
import { PAGE_KEYS_SCRIPT, RESTORE_ALL_PAGES_SCRIPT, parkedLayoutScript, printOnlyPagesScript, type PageKeys } from '../export/pageScripts';

export async function createElectronPrintEngine(printPageUrl: string): Promise<PrintEngine> {
  const win = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, offscreen: false, backgroundThrottling: false, disableBlinkFeatures: 'Auxclick' },
  });
  await win.loadURL(printPageUrl);
  const contents = win.webContents;
  const waitReady = async () => {
    for (let i = 0; i < 600; i++) {
      if (await contents.executeJavaScript('Boolean(window.gazettePrint && window.gazettePrint.ready)')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('print page did not load');
  };
  await waitReady();
  const printAll = async (tagged = false) =>
    new Uint8Array(
      await contents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: tagged, margins: { top: 0, bottom: 0, left: 0, right: 0 } }),
    );
  // Only some pages: the others are hidden (as in the Chromium engine), so the output matches it.
  const printPdf = async (opts: PrintPdfOptions = {}) => {
    if (!opts.pages) return printAll(opts.tagged);
    const kept = (await contents.executeJavaScript(printOnlyPagesScript(opts.pages))) as number;
    try {
      if (kept !== opts.pages.length) throw new Error(`print page has ${kept} of the ${opts.pages.length} pages asked for`);
      return await printAll(opts.tagged);
    } finally {
      await contents.executeJavaScript(RESTORE_ALL_PAGES_SCRIPT);
    }
  };
  return {
    async layout(job: LayoutJob): Promise<LayoutResult> {
      return (await contents.executeJavaScript(parkedLayoutScript(job))) as LayoutResult;
    },
    printPdf,
    pageKeys: async () => (await contents.executeJavaScript(PAGE_KEYS_SCRIPT)) as PageKeys,
    async printStaticHtml(html: string): Promise<Uint8Array> {
      await contents.executeJavaScript(`document.open();document.write(${JSON.stringify(html)});document.close();`);
      const pdf = await printAll();
      await win.loadURL(printPageUrl);
      await waitReady();
      return pdf;
    },
    rasterize: async (dataUrl: string, width: number, height: number, format?: DrawnFormat) =>
      new Uint8Array(Buffer.from((await contents.executeJavaScript(rasterizeScript(dataUrl, width, height, format))) as string, 'base64')),
    processIds: () => [contents.getOSProcessId()],
    async close() {
      if (!win.isDestroyed()) win.destroy();
    },
  };
}
