import type { ReactElement } from 'react';
import type { RenderElementProps } from 'slate-react';
import type { AnyElement, ElementType } from '../../../common/model';
import type { GazetteEditor } from '../types';

/** One element type's editor behaviour: how it renders and how the toolbar/shortcut creates it. */
export interface ElementPlugin {
  type: ElementType;
  /** Toolbar/menu entries that turn the current block into this type (headings have four). */
  entries?: Array<{ key: string; label: string; hotkey?: string; apply(editor: GazetteEditor): void; active?(element: AnyElement): boolean }>;
  isVoid?: boolean;
  render(props: RenderElementProps & { element: AnyElement }): ReactElement;
}
