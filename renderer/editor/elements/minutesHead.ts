import { useSlate } from 'slate-react';
import type { AnyElement, BlockElement } from '../../../common/model';
import { minutesHeadAt } from '../../../common/render/minutesHead';

/**
 * The class a 署名 or 日期 shows with: as a half of a 纪要's 「机关 日期」 line under its title (organ left, date
 * right, as printed), or as a 落款. useSlate: a change of the title above makes the line one or two again.
 */
export function useMinutesHeadClass(element: AnyElement, own: string): string {
  const editor = useSlate();
  const at = minutesHeadAt(editor.children as BlockElement[]);
  if (at < 0) return own;
  const index = editor.children.indexOf(element as (typeof editor.children)[number]);
  return index === at ? `${own} el-minutes-organ` : index === at + 1 ? `${own} el-minutes-date` : own;
}
