/** Slate's custom types are the model's types: the editor's value is `DocumentContent.blocks`. */
import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { AnyElement, TextLeaf } from '../../common/model';

export type GazetteEditor = BaseEditor & ReactEditor & HistoryEditor;

declare module 'slate' {
  interface CustomTypes {
    Editor: GazetteEditor;
    Element: AnyElement;
    Text: TextLeaf;
  }
}
