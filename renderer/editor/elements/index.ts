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

/**
 * One plugin per element type, keyed by type: a type added to the model and missing here fails to compile.
 * The order is the style menu's order.
 */
export const pluginOf: Record<ElementType, ElementPlugin> = {
  paragraph: paragraphPlugin,
  'doc-title': docTitlePlugin,
  'doc-number': docNumberPlugin,
  addressee: addresseePlugin,
  heading: headingPlugin,
  'attachment-list': attachmentListPlugin,
  'attachment-item': attachmentItemPlugin,
  'attachment-heading': attachmentHeadingPlugin,
  signature: signaturePlugin,
  'date-line': dateLinePlugin,
  'chronicle-entry': chronicleEntryPlugin,
  checkbox: checkboxPlugin,
  'page-break': pageBreakPlugin,
  image: imagePlugin,
  table: tablePlugin,
  'table-row': tableRowPlugin,
  'table-cell': tableCellPlugin,
};

export const plugins: ElementPlugin[] = Object.values(pluginOf);

export const pluginByType = new Map<ElementType, ElementPlugin>(plugins.map((p) => [p.type, p]));
export const VOID_ELEMENT_TYPES = new Set(plugins.filter((p) => p.isVoid).map((p) => p.type));
/** Block-style entries for the style menu and shortcuts. */
export const blockEntries = plugins.flatMap((p) => p.entries ?? []);
export type { ElementPlugin };
