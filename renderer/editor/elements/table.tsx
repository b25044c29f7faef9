import { useEffect, useState } from 'react';
import type { RenderElementProps } from 'slate-react';
import type { TableElement } from '../../../common/model';
import { isNumberCell, printedTableLayout, tableColumnCount, verticalFits } from '../../../common/render/toHtml';
import type { ElementPlugin } from './plugin';

interface Layout {
  percents?: number[];
  compact: boolean;
}

/** The print's widths and size of a table, by object (the editor keeps unchanged tables as the same objects). */
const layoutByTable = new WeakMap<TableElement, Layout>();
/** And by content, for the tables of documents opened again in this session (城市体检's: 0.1–0.3 s). */
const layoutByContent = new Map<string, Layout>();
const CONTENT_CACHE_SIZE = 64;

function layoutOf(table: TableElement): Layout {
  let layout = layoutByTable.get(table);
  if (layout) return layout;
  const key = JSON.stringify(table);
  layout = layoutByContent.get(key);
  if (!layout) {
    const printed = printedTableLayout(table);
    layout = { percents: printed.percents, compact: printed.size === 'compact' };
    layoutByContent.set(key, layout);
    if (layoutByContent.size > CONTENT_CACHE_SIZE) layoutByContent.delete(layoutByContent.keys().next().value!);
  }
  layoutByTable.set(table, layout);
  return layout;
}

/** Pause after an edit in a table before its print widths are worked out again. */
const RELAYOUT_DELAY_MS = 400;

/**
 * A table as it will print: the print's column widths (content-aware, common/render/columnWidths.ts) and type
 * size, from the first frame it is drawn in (a table that changed width after it showed would move the page
 * under the reader), and again once typing in it pauses, so a keystroke never waits for them; widths set by
 * hand (列加宽/列变窄) show at once.
 */
function TableView({ attributes, children, table }: RenderElementProps & { table: TableElement }) {
  const [layout, setLayout] = useState<Layout>(() => layoutOf(table));
  useEffect(() => {
    const known = layoutByTable.get(table);
    if (known) {
      setLayout(known);
      return;
    }
    const timer = window.setTimeout(() => setLayout(layoutOf(table)), RELAYOUT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [table]);
  // Until widths for a new column count are worked out, the browser's own (a column added or taken away).
  const widths = table.colWidths ?? (layout.percents?.length === tableColumnCount(table) ? layout.percents : undefined);
  const variant = table.variant ?? 'data';
  // Out of view the wrapper skips layout (content-visibility in styles.css); until first shown it takes
  // about the height its rows will have, so jumps to a place further down land where they should.
  return (
    <div className="el-table-wrap" style={{ containIntrinsicSize: `auto ${table.children.length * 30}px` }}>
      <table
        {...attributes}
        data-header-rows={Math.min(table.headerRows, 4) || undefined}
        className={`el-table el-table--${variant}${table.rotate === 'always' ? ' rotated' : ''}${table.size === 'compact' || (table.size !== 'normal' && layout.compact) ? ' compact' : ''}${widths ? ' fixed' : ''}`}
      >
        {/* The widths the print gives the columns, or those set in the table tools (列加宽/列变窄). */}
        {widths ? (
          <colgroup contentEditable={false}>
            {widths.map((w, i) => (
              <col key={i} style={{ width: `${w}%` }} />
            ))}
          </colgroup>
        ) : null}
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Tables: rows and cells render as a real <table>; the operations live in common/editor/table.ts. */
export const tablePlugin: ElementPlugin = {
  type: 'table',
  render: (props) => (props.element.type === 'table' ? <TableView {...props} table={props.element} /> : <div {...props.attributes}>{props.children}</div>),
};

export const tableRowPlugin: ElementPlugin = {
  type: 'table-row',
  render: ({ attributes, children, element }) => (
    <tr {...attributes} style={element.type === 'table-row' && element.minHeight ? { height: `${element.minHeight}pt` } : undefined}>
      {children}
    </tr>
  ),
};

export const tableCellPlugin: ElementPlugin = {
  type: 'table-cell',
  render: ({ attributes, children, element }) => {
    const cell = element.type === 'table-cell' ? element : undefined;
    // As printed: a short number (序号, 12.5) is centred unless aligned by hand (header rows: styles.css);
    // a long text set vertical prints across, so it shows across.
    const align = cell?.align ?? (cell && isNumberCell(cell) ? 'center' : undefined);
    return (
      <td
        {...attributes}
        rowSpan={cell?.rowSpan}
        colSpan={cell?.colSpan}
        className={cell?.vertical && verticalFits(cell) ? 'vertical' : undefined}
        style={{ textAlign: align, verticalAlign: cell?.valign }}
      >
        {children}
      </td>
    );
  },
};
