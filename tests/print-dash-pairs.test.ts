/**
 * "——" (two em dashes, the Chinese dash) as the Noto faces set it: one glyph of the pair, which Chromium
 * maps to a single — in the PDF's ToUnicode. Found by fuzz seed 99 (scale 0.5, images), cases 15 and 91:
 * - set bold in a table cell (Noto Sans SC Medium) the pair's glyph is 1.687 em wide, not 2 em, and the
 *   text-layer pass (main/export/pdfLigatures.ts) did not take it for a pair where Chromium drew it outside an
 *   /ActualText span (main/export/pdfLigatures.test.ts; here Chromium drew it in a span);
 * - in a cell set upright one character per line, the no-break span around "—、" cut the pair: Chromium still
 *   drew one vertical glyph for it but mapped it to a single — (fixed by keeping dash runs whole in the HTML,
 *   common/render/toHtml.ts; tests/print-dash-runs.test.ts has the horizontal cases).
 * Exported through the real print page and Chromium; the text check reads the PDF with pdf.js.
 */
import { expect, it } from 'vitest';
import type { GazetteDocument, ParagraphElement, TableCellElement } from '../common/model';
import type { FuzzCase } from './fuzz-docs';
import { fixtureExporter } from './print-fixture-export';

const exporter = fixtureExporter('dashpairs');

const paragraph = (text: string): ParagraphElement => ({ type: 'paragraph', children: [{ text }] });
const cell = (text: string, extra: Partial<TableCellElement> = {}): TableCellElement => ({ type: 'table-cell', children: [paragraph(text)], ...extra });

function dashDocument(): GazetteDocument {
  return {
    id: 'dash-pairs',
    sectionId: '',
    kind: 'notice',
    title: '关于破折号——在表格中的印刷的通知',
    docNumber: '格政办〔2024〕9号',
    position: 0,
    updatedAt: '2024-07-15T00:00:00.000Z',
    content: {
      schemaVersion: 1,
      blocks: [
        { type: 'doc-title', children: [{ text: '关于破折号——在表格中的印刷的通知' }] },
        paragraph('正文中的破折号——照常排印，省略号……也一样。'),
        {
          type: 'table',
          headerRows: 1,
          children: [
            { type: 'table-row', children: [cell('类别'), cell('——说明——'), cell('备注')] },
            { type: 'table-row', children: [cell('——、治行动', { vertical: true, rowSpan: 2 }), cell('单位要按——照统一部署'), cell('——')] },
            {
              type: 'table-row',
              children: [cell('做好全工作'), { type: 'table-cell', children: [{ type: 'paragraph', children: [{ text: '——；', bold: true }, { text: '、首套印章' }] }] }],
            },
          ],
        },
        paragraph('表后正文。'),
      ],
    },
  } as GazetteDocument;
}

it('every —— in body text, header and bold cells and upright vertical cells reads whole in the PDF text', async () => {
  const cases: FuzzCase[] = [{ seed: 0, index: 0, document: dashDocument(), assets: [] }];
  // Before the fix: "missing characters: —×1" and the vertical cell "not found in order".
  expect(await exporter.problems(cases)).toEqual([]);
}, 300_000);
