/**
 * HtmlEnvironment for Node (the import worker, the CLI, tests): linkedom parses, the allowlist walk in
 * common/import/cleanWordHtml reads. The .docx worker sanitises the tree first (purifyInNode.ts); the renderer
 * runs DOMPurify in the browser before the same walk.
 */
import { parseHTML } from 'linkedom';
import type { HtmlEnvironment, HtmlNodeLike } from '../../common/import/htmlTree';

export function linkedomEnvironment(): HtmlEnvironment {
  return {
    parseBody(html: string): HtmlNodeLike {
      // linkedom needs a whole document; wrap fragments so their content lands in <body>.
      const full = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
      const { document } = parseHTML(full) as unknown as { document: { body?: HtmlNodeLike; documentElement: HtmlNodeLike } };
      return document.body ?? document.documentElement;
    },
  };
}
