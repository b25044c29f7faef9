import { Element, Text, type Node, type Path, type Range } from 'slate';
import { titleLineBreaks } from '../../../common/render/toHtml';
import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

export const docTitlePlugin: ElementPlugin = {
  type: 'doc-title',
  entries: [{ key: 'doc-title', label: t.elements['doc-title'], hotkey: 'mod+alt+t', apply: (e) => setBlockType(e, 'doc-title'), active: (el) => el.type === 'doc-title' }],
  // Lines break where the print breaks them (decorateTitleLines): between words only, as printed.
  render: ({ attributes, children, element }) => (
    <h1 {...attributes} className={`el-doc-title${element.type === 'doc-title' && titleLineBreaks(element) ? ' by-words' : ''}`}>
      {children}
    </h1>
  ),
};

/**
 * A title's lines as printed: the character before each place the print may break gets `wordEnd` (styles.css
 * adds a zero-width break opportunity after it; the title itself is keep-all), and a long title's issuer
 * (格尔木市人民政府办公室) `issuerLine` (a line of its own, as printed: the rest is balanced apart from it).
 */
export function decorateTitleLines([node, path]: [Node, Path]): Range[] {
  if (!Element.isElement(node) || node.type !== 'doc-title') return [];
  const lines = titleLineBreaks(node);
  if (!lines) return [];
  const ranges: Range[] = [];
  let start = 0;
  node.children.forEach((leaf, i) => {
    if (!Text.isText(leaf)) return;
    const end = start + leaf.text.length;
    for (const at of lines.breaks) {
      if (at > start && at <= end) ranges.push({ anchor: { path: [...path, i], offset: at - start - 1 }, focus: { path: [...path, i], offset: at - start }, wordEnd: true } as Range);
    }
    if (lines.issuerLine > start) ranges.push({ anchor: { path: [...path, i], offset: 0 }, focus: { path: [...path, i], offset: Math.min(lines.issuerLine, end) - start }, issuerLine: true } as Range);
    start = end;
  });
  return ranges;
}
