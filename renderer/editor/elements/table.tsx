import type { RenderElementProps } from 'slate-react';
import type { ElementPlugin } from './plugin';

/** Tables: rows and cells render as a real <table>; the operations live in common/editor/table.ts. */
export const tablePlugin: ElementPlugin = {
  type: 'table',
  render: ({ attributes, children, element }: RenderElementProps) => {
    const table = element.type === 'table' ? element : undefined;
    // Out of view the wrapper skips layout (content-visibility in styles.css); until first shown it takes
    // about the height its rows will have, so jumps to a place further down land where they should.
    const rows = table?.children.length ?? 1;
    return (
      <div className="el-table-wrap" style={{ containIntrinsicSize: `auto ${rows * 30}px` }}>
        <table
          {...attributes}
          className={`el-table${table?.rotate === 'always' ? ' rotated' : ''}${table?.size === 'compact' ? ' compact' : ''}${table?.colWidths ? ' fixed' : ''}`}
        >
          {/* Widths set in the table tools (列加宽/列变窄) show here as they will print. */}
          {table?.colWidths ? (
            <colgroup contentEditable={false}>
              {table.colWidths.map((w, i) => (
                <col key={i} style={{ width: `${w}%` }} />
              ))}
            </colgroup>
          ) : null}
          <tbody>{children}</tbody>
        </table>
      </div>
    );
  },
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
    return (
      <td
        {...attributes}
        rowSpan={cell?.rowSpan}
        colSpan={cell?.colSpan}
        className={cell?.vertical ? 'vertical' : undefined}
        style={{ textAlign: cell?.align, verticalAlign: cell?.valign }}
      >
        {children}
      </td>
    );
  },
};
