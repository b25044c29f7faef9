/**
 * DOMPurify for Node: the .docx import worker sanitises mammoth's HTML with DOMPurify on a jsdom window (the DOM
 * implementation DOMPurify supports outside browsers) before the allowlist walk of common/import reads it.
 * jsdom here never loads resources or runs scripts: the window is created without `runScripts` or `resources`.
 */
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { DOCX_PURIFY_CONFIG } from '../../common/import/htmlTree';

let purifier: ReturnType<typeof createDOMPurify> | undefined;

export function purifyDocxHtml(html: string): string {
  if (!purifier) {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>');
    purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    if (!purifier.isSupported) throw new Error('DOMPurify is not supported on this DOM');
    // DOMPurify always lets data: URIs through on <img>; only our own asset references may stay.
    purifier.addHook('uponSanitizeAttribute', (_node, data) => {
      if (data.attrName === 'src' && !DOCX_PURIFY_CONFIG.ALLOWED_URI_REGEXP.test(data.attrValue)) data.keepAttr = false;
    });
  }
  return purifier.sanitize(html, { ...DOCX_PURIFY_CONFIG }) as string;
}
