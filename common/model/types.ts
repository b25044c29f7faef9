/**
 * The document model shared by the editor, the importers, the store and both renderers.
 * Pure types: no node:, electron or DOM imports anywhere under common/.
 *
 * journal -> issue -> section (栏目, ordered) -> document (ordered) -> content (Slate JSON).
 */

/** Bumped whenever the shape of `DocumentContent` changes; `normalizeContent` upgrades older values. */
export const SCHEMA_VERSION = 1;

// ---------------------------------------------------------------- text leaves and marks

/** Emphasis faces used inside body text: 楷体 for level-2 lead-ins, 黑体 for 第X条, 宋体 in tables. */
export type Face = 'kai' | 'hei' | 'song' | 'fang';

export interface TextLeaf {
  text: string;
  bold?: boolean;
  /** Set the run in another face than the paragraph's (a 楷体 lead-in, a 黑体 第X条). */
  face?: Face;
  underline?: boolean;
  superscript?: boolean;
  /** The run-in phrase that opens a paragraph (一、… （一）加强组织领导。…); rendered per level. */
  leadIn?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';
export type VAlign = 'top' | 'middle' | 'bottom';

// ---------------------------------------------------------------- block elements

/** A title: the document's own (first in content), an issued 方案's, or an attachment's. */
export interface DocTitleElement {
  type: 'doc-title';
  /** The issuer prefix (格尔木市人民政府办公室) that print sets alone on line 1 when the title wraps. */
  issuer?: string;
  children: TextLeaf[];
}

/** 文号: 格政办发〔2024〕62号, centred under the title. */
export interface DocNumberElement {
  type: 'doc-number';
  children: TextLeaf[];
}

/** 主送: 各乡（镇）人民政府，市政府各部门：, flush left. */
export interface AddresseeElement {
  type: 'addressee';
  children: TextLeaf[];
}

export type HeadingLevel = 1 | 2 | 3 | 4;

/** Structural heading. Numbering (一、（一）1.（1）) is literal text in the children, never generated. */
export interface HeadingElement {
  type: 'heading';
  level: HeadingLevel;
  children: TextLeaf[];
}

export interface ParagraphElement {
  type: 'paragraph';
  /** Default: justified with a 2-character first-line indent. */
  align?: Align;
  /** false removes the first-line indent (signature blocks, form lines). */
  indent?: boolean;
  /** Role-specific styling that is still an ordinary paragraph. */
  role?: 'table-note' | 'contact' | 'form-line';
  children: TextLeaf[];
}

/** 附件说明: `附件：1. 名称` then the later items aligned under the first. */
export interface AttachmentListElement {
  type: 'attachment-list';
  children: AttachmentItemElement[];
}

export interface AttachmentItemElement {
  type: 'attachment-item';
  /** Literal number as printed ("1." ); empty for a single unnumbered attachment. */
  number: string;
  children: TextLeaf[];
}

/** `附件1` on its own line: starts a new page; the attachment's doc-title follows it. */
export interface AttachmentHeadingElement {
  type: 'attachment-heading';
  children: TextLeaf[];
}

/** Issuer name above the date (when the data carries one). */
export interface SignatureElement {
  type: 'signature';
  children: TextLeaf[];
}

/** Closing date, right-aligned with a 4-character right indent. */
export interface DateLineElement {
  type: 'date-line';
  children: TextLeaf[];
}

export interface TableElement {
  type: 'table';
  /** Number of leading rows that are header rows (repeated on every page the table occupies). */
  headerRows: number;
  /** Relative column widths; missing means "let the renderer decide". */
  colWidths?: number[];
  /** 'auto' rotates tables with more than 8 columns or too wide for the type area. */
  rotate?: 'auto' | 'always' | 'never';
  /** What kind of table this is, for layout choices (name lists spread names, forms have tall rows). */
  variant?: 'data' | 'name-list' | 'leader-list' | 'form';
  /** Type size: 'auto' (missing) sets very long tables in 六号 7.5 pt, otherwise 小五 9 pt. */
  size?: 'auto' | 'normal' | 'compact';
  children: TableRowElement[];
}

export interface TableRowElement {
  type: 'table-row';
  /** Minimum height in pt (forms' empty fill-in rows). */
  minHeight?: number;
  children: TableCellElement[];
}

export interface TableCellElement {
  type: 'table-cell';
  rowSpan?: number;
  colSpan?: number;
  align?: Align;
  valign?: VAlign;
  /** One character per line, for narrow merged label cells (风险线索). */
  vertical?: boolean;
  /** Several paragraphs per cell. */
  children: ParagraphElement[];
}

/** A form option: □ 是 / ☑ 否. */
export interface CheckboxElement {
  type: 'checkbox';
  checked: boolean;
  children: TextLeaf[];
}

/** An image stored as an asset (blob + hash) in the library. Void element. */
export interface ImageElement {
  type: 'image';
  assetId: string;
  /** Width in pt; height follows the aspect ratio. */
  width?: number;
  alt?: string;
  children: [{ text: '' }];
}

/** Forced page break. Void element. */
export interface PageBreakElement {
  type: 'page-break';
  children: [{ text: '' }];
}

/** One 大事记 entry: 7月1日，… */
export interface ChronicleEntryElement {
  type: 'chronicle-entry';
  children: TextLeaf[];
}

export type BlockElement =
  | DocTitleElement
  | DocNumberElement
  | AddresseeElement
  | HeadingElement
  | ParagraphElement
  | AttachmentListElement
  | AttachmentHeadingElement
  | SignatureElement
  | DateLineElement
  | TableElement
  | CheckboxElement
  | ImageElement
  | PageBreakElement
  | ChronicleEntryElement;

export type AnyElement = BlockElement | AttachmentItemElement | TableRowElement | TableCellElement;
export type ElementType = AnyElement['type'];

/** Versioned document content. `blocks` is the Slate editor's value. */
export interface DocumentContent {
  schemaVersion: number;
  blocks: BlockElement[];
  /** What the importer recognised but the gazette does not print (GB/T 9704 版头 and 版记), kept as found. */
  meta?: DocumentMeta;
}

export interface DocumentMeta {
  /** 版头 / 发文机关标志 lines (XX人民政府文件, 中华人民共和国国务院令). */
  masthead?: string[];
  /** 版记 lines (抄送：…, XX办公室 2024年7月5日印发). */
  colophon?: string[];
}

// ---------------------------------------------------------------- records

/** What kind of document this is; drives pagination (人事任免 may share pages) and the TOC. */
export type DocumentKind = 'notice' | 'personnel' | 'chronicle' | 'other';

export interface GazetteDocument {
  id: string;
  sectionId: string;
  kind: DocumentKind;
  /** Title as shown in the TOC; derived from the first doc-title unless `tocTitleOverride` is set. */
  title: string;
  /** 文号, derived from the first doc-number; '' when the document has none (大事记). */
  docNumber: string;
  /** Optional TOC wording that differs from the printed title. */
  tocTitleOverride?: string;
  position: number;
  content: DocumentContent;
  updatedAt: string;
}

export interface Section {
  id: string;
  issueId: string;
  /** 栏目: 市政府办公室文件, 人事任免, 大事记 */
  name: string;
  position: number;
}

export type IssueStatus = 'draft' | 'final' | 'published';

export interface RoleLine {
  /** 名誉主任, 主任, 主编 … */
  label: string;
  names: string[];
}

export interface ColophonLine {
  /** 编辑出版, 地址, 邮编, 电话, 网址, 准印证号 */
  label: string;
  value: string;
}

/** Everything printed on the cover, inside cover and TOC sidebar. Copied from issue to issue. */
export interface FrontMatter {
  /** Journal name as printed on the cover, one entry per line. */
  journalNameLines: string[];
  tagline: string;
  /** 主管 */
  supervisor: string;
  /** 主办 */
  sponsor: string;
  /** 内部资料 准印证号 */
  permitNumber: string;
  committeeTitle: string;
  /** 名誉主任, 主任, 副主任 */
  committeeRoles: RoleLine[];
  /** 以姓氏笔画为序 */
  membersNote: string;
  members: string[];
  /** 主编, 编辑部主任, 责任编辑, 编辑 */
  staff: RoleLine[];
  colophon: ColophonLine[];
  /** TOC sidebar: 本刊所登公文与正式 / 文件具有同等效力 */
  sidebarNotice: string[];
  /** 传达政令 / 宣传政策 / 指导工作 / 服务人民 */
  sidebarSlogans: string[];
}

/** Front matter with every field empty: a new journal, or the base that fills fields missing in old data. */
export function emptyFrontMatter(): FrontMatter {
  return {
    journalNameLines: [],
    tagline: '',
    supervisor: '',
    sponsor: '',
    permitNumber: '',
    committeeTitle: '',
    committeeRoles: [],
    membersNote: '',
    members: [],
    staff: [],
    colophon: [],
    sidebarNotice: [],
    sidebarSlogans: [],
  };
}

export type FontChoice = 'bundled' | 'office';

export interface PrintSettings {
  /** 'bundled' uses the open fonts shipped in resources/; 'office' prefers installed 方正小标宋/仿宋_GB2312/… */
  fonts: FontChoice;
  /** Add 3 mm bleed and crop marks. */
  bleed: boolean;
  /** Pad the page count with blank pages to a multiple of 4 (saddle stitching). */
  padToMultipleOf4: boolean;
  /** Running head on even pages; `{journal}`, `{year}`, `{number}` are filled in. */
  evenRunningHead: string;
}

export const DEFAULT_PRINT_SETTINGS: PrintSettings = {
  fonts: 'bundled',
  bleed: false,
  padToMultipleOf4: false,
  evenRunningHead: '{journal}　{year}年第{number}期',
};

export interface Issue {
  id: string;
  /** Journal name in one line: 格尔木市人民政府政务公开信息 */
  journalName: string;
  year: number;
  /** 期: number within the year */
  number: number;
  /** 总期: cumulative number */
  cumulativeNumber: number;
  /** Publication date, ISO yyyy-mm-dd. */
  date: string;
  status: IssueStatus;
  frontMatter: FrontMatter;
  settings: PrintSettings;
  updatedAt: string;
}

/** An issue with everything in it, as importers produce it and renderers consume it. */
export interface IssueTree {
  issue: Issue;
  sections: Array<Section & { documents: GazetteDocument[] }>;
}

/** A warning from an importer or a check: what could not be placed, and where. */
export interface ImportWarning {
  /** Machine-readable kind, e.g. 'unplaced-line', 'table-shape'. */
  code: string;
  message: string;
  /** 1-based line in the source, when known. */
  line?: number;
  /** The text concerned (shortened). */
  text?: string;
}
