/**
 * zod schemas of the domain types that cross the contract. Inputs are strict (unknown fields refused) and
 * size-limited; document content is checked for shape here and cleaned by normalizeContent in the store.
 */
import { z } from 'zod';
import type { DocumentContent, FrontMatter, Issue, PrintSettings } from '../model/index';

/** Bounded strings: every string crossing the contract has a maximum length. */
export const id = z.string().min(1).max(100);
export const shortText = z.string().max(200);
/** File bytes sent from the renderer (a browser has no paths); ~100 MB of data at most. */
export const base64 = z.string().max(140_000_000).regex(/^[A-Za-z0-9+/=\s]*$/, 'not base64');
export const text = z.string().max(2000);
export const longText = z.string().max(20_000);
export const isoTime = z.string().max(40);
/** yyyy-mm-dd or '' (not yet set). */
export const isoDate = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);
export const year = z.number().int().min(1900).max(2999);
export const issueNumber = z.number().int().min(0).max(100_000);

export const issueStatus = z.enum(['draft', 'final', 'published']);
export const documentKind = z.enum(['notice', 'personnel', 'chronicle', 'other']);

const nameList = z.array(shortText).max(500);
export const roleLine = z.strictObject({ label: shortText, names: nameList });
export const colophonLine = z.strictObject({ label: shortText, value: text });

export const frontMatter = z.strictObject({
  journalNameLines: z.array(shortText).max(10),
  tagline: text,
  supervisor: text,
  sponsor: text,
  permitNumber: shortText,
  committeeTitle: shortText,
  committeeRoles: z.array(roleLine).max(50),
  membersNote: shortText,
  members: nameList,
  staff: z.array(roleLine).max(50),
  colophon: z.array(colophonLine).max(50),
  sidebarNotice: z.array(text).max(20),
  sidebarSlogans: z.array(shortText).max(20),
});

export const printSettings = z.strictObject({
  fonts: z.enum(['bundled', 'office']),
  bleed: z.boolean(),
  padToMultipleOf4: z.boolean(),
  evenRunningHead: shortText,
});

/** Largest serialised content accepted in one save (the 城市体检 document with its tables is ~0.3 MB). */
export const MAX_CONTENT_CHARS = 8_000_000;

/** Slate content: checked for shape and size; element details are normalised by the store. */
export const documentContent = z
  .strictObject({
    schemaVersion: z.number().int().min(0).max(1000),
    blocks: z.array(z.looseObject({ type: z.string().max(40) })).max(50_000),
  })
  .refine((c) => JSON.stringify(c).length <= MAX_CONTENT_CHARS, { message: `content larger than ${MAX_CONTENT_CHARS} characters` });

// ---------------------------------------------------------------- outputs (not strict: extra fields are stripped)

const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
// Stored values were normalised by the store; here only their outline is checked, and fields other helpers
// add to the model later pass through unchanged.
const frontMatterOut = z.custom<FrontMatter>((v) => isRecord(v) && Array.isArray((v as FrontMatter).members), 'front matter');
const settingsOut = z.custom<PrintSettings>((v) => isRecord(v) && typeof (v as PrintSettings).fonts === 'string', 'print settings');
export const contentOut = z.custom<DocumentContent>(
  (v) => isRecord(v) && Array.isArray((v as DocumentContent).blocks) && typeof (v as DocumentContent).schemaVersion === 'number',
  'document content',
);

/** The Issue of common/model/types.ts as it crosses the contract; the check below keeps the two the same shape. */
export const issue = z.object({
  id,
  journalName: z.string(),
  year: z.number(),
  number: z.number(),
  cumulativeNumber: z.number(),
  date: z.string(),
  status: issueStatus,
  frontMatter: frontMatterOut,
  settings: settingsOut,
  updatedAt: z.string(),
});
// Compile-time: the schema's output is exactly Issue (a field added to one and not the other fails tsc).
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const issueSchemaMatchesModel: Same<z.output<typeof issue>, Issue> = true;
void issueSchemaMatchesModel;

export const section = z.object({ id, issueId: id, name: z.string(), position: z.number() });


export const gazetteDocument = z.object({
  id,
  sectionId: id,
  kind: documentKind,
  title: z.string(),
  docNumber: z.string(),
  tocTitleOverride: z.string().optional(),
  position: z.number(),
  content: contentOut,
  updatedAt: z.string(),
});

export const issueTree = z.object({
  issue,
  sections: z.array(section.extend({ documents: z.array(gazetteDocument) })),
});

/** One row of the library list: the issue without its front matter and settings, plus counts. */
export const issueSummary = issue.omit({ frontMatter: true, settings: true }).extend({
  documentCount: z.number(),
  pageCount: z.number().nullable(),
});

export const tocEntry = z.object({
  sectionId: id,
  section: z.string(),
  documentId: id,
  kind: documentKind,
  title: z.string(),
  docNumber: z.string(),
  page: z.number().optional(),
});

export const revisionInfo = z.object({
  id: z.number(),
  documentId: id,
  createdAt: z.string(),
  kind: z.enum(['import', 'create', 'save', 'restore']),
  title: z.string(),
  chars: z.number(),
});

export const searchHit = z.object({
  issueId: id,
  year: z.number(),
  number: z.number(),
  cumulativeNumber: z.number(),
  sectionName: z.string(),
  documentId: id,
  title: z.string(),
  docNumber: z.string(),
  snippet: z.string(),
});

/**
 * Files the app writes (exports, issue packages) are placed by the host, never by the caller: Electron asks
 * with a save dialog, the browser bridge writes into `exports/` beside the library (never over an earlier
 * file: -2, -3 … is added), the CLI uses its own arguments. The caller gets an `exportId` to name the file in
 * later calls (`export.download`, `shell.reveal`), the name to show, and the full path for display only.
 */
export const savedFile = {
  canceled: z.literal(false),
  exportId: id,
  fileName: z.string(),
  path: z.string(),
  /** Things the user should know (an image missing from the library, printed as a placeholder). */
  warnings: z.array(z.string()),
};

/** The user closed the save or open dialog: nothing was written or read. */
export const canceledFile = z.object({ canceled: z.literal(true) });

export const importWarning = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().optional(),
  text: z.string().optional(),
});
