/** The registry: one plugin per element type of common/model/types.ts. */
import type { ElementType } from '../../../common/model';
import { addresseePlugin } from './addressee';
import { attachmentHeadingPlugin } from './attachmentHeading';
import { attachmentItemPlugin, attachmentListPlugin } from './attachmentList';
import { checkboxPlugin } from './checkbox';
import { chronicleEntryPlugin } from './chronicleEntry';
import { dateLinePlugin } from './dateLine';
import { docNumberPlugin } from './docNumber';
import { docTitlePlugin } from './docTitle';
import { headingPlugin } from './heading';
import { imagePlugin } from './image';
import { pageBreakPlugin } from './pageBreak';
import { paragraphPlugin } from './paragraph';
import type { ElementPlugin } from './plugin';
import { signaturePlugin } from './signature';
import { tableCellPlugin, tablePlugin, tableRowPlugin } from './table';

export const plugins: ElementPlugin[] = [
  paragraphPlugin,
  docTitlePlugin,
  docNumberPlugin,
  addresseePlugin,
  headingPlugin,
  attachmentListPlugin,
  attachmentItemPlugin,
  attachmentHeadingPlugin,
  signaturePlugin,
  dateLinePlugin,
  chronicleEntryPlugin,
  checkboxPlugin,
  pageBreakPlugin,
  imagePlugin,
  tablePlugin,
  tableRowPlugin,
  tableCellPlugin,
];

export const pluginByType = new Map<ElementType, ElementPlugin>(plugins.map((p) => [p.type, p]));
export const VOID_ELEMENT_TYPES = new Set(plugins.filter((p) => p.isVoid).map((p) => p.type));
/** Block-style entries for the style menu and shortcuts. */
export const blockEntries = plugins.flatMap((p) => p.entries ?? []);
export type { ElementPlugin };
