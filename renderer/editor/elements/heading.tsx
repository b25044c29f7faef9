import { Element, Text, type Node, type Path, type Range } from 'slate';
import type { HeadingLevel } from '../../../common/model';
import { headingRunIn } from '../../../common/render/typeset';
import { setBlockType } from '../commands';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

const levels: HeadingLevel[] = [1, 2, 3, 4];

/** Four levels; the literal numbers (一、（一）1.（1）) are rewritten by the editor after each structural change. */
export const headingPlugin: ElementPlugin = {
  type: 'heading',
  entries: levels.map((level) => ({
    key: `heading${level}`,
    label: t.elements[`heading${level}`],
    hotkey: `mod+${level}`,
    apply: (e) => setBlockType(e, 'heading', { level }),
    active: (el) => el.type === 'heading' && el.level === level,
  })),
  render: ({ attributes, children, element }) => {
    const level = element.type === 'heading' ? element.level : 1;
    // A heading that runs on into its text prints in the body face, its lead-in in the level's (styles.css).
    const runIn = element.type === 'heading' && headingRunIn(element).runIn;
    return (
      <p {...attributes} className={`el-heading el-heading-${level}${runIn ? ' runin' : ''}`}>
        {children}
      </p>
    );
  },
};

/**
 * The lead-in the print finds in a （一） heading typed as one run (（一）加强组织领导。各单位…: up to the first
 * 。), as a decoration (`runInLead`) over its text, so the editor shows it in 楷体 and the rest in 仿宋.
 */
export function decorateRunIn([node, path]: [Node, Path]): Range[] {
  if (!Element.isElement(node) || node.type !== 'heading' || node.level !== 2) return [];
  const { leaves, runIn } = headingRunIn(node);
  if (!runIn || node.children.some((l) => l.leadIn)) return [];
  let cut = 0;
  for (const leaf of leaves) if (leaf.leadIn) cut += leaf.text.length;
  const ranges: Range[] = [];
  let start = 0;
  node.children.forEach((leaf, i) => {
    if (!Text.isText(leaf)) return;
    const end = Math.min(cut, start + leaf.text.length);
    if (end > start) ranges.push({ anchor: { path: [...path, i], offset: 0 }, focus: { path: [...path, i], offset: end - start }, runInLead: true } as Range);
    start += leaf.text.length;
  });
  return ranges;
}
