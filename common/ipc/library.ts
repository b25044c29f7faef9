/**
 * Contract channels of the library area: issues, sections, documents, revisions, assets, page maps, search,
 * import. Each channel: `{ input, output }` zod schemas. Inputs are strict objects with bounded strings.
 */
import { z } from 'zod';
import {
  base64,
  canceledFile,
  savedFile,
  documentContent,
  documentKind,
  frontMatter,
  gazetteDocument,
  id,
  importWarning,
  isoDate,
  issue,
  issueNumber,
  issueStatus,
  issueSummary,
  issueTree,
  printSettings,
  contentOut,
  revisionInfo,
  searchHit,
  section,
  shortText,
  text,
  tocEntry,
  year,
  type Same,
} from './schemas';
import type { Issue } from '../model/index';

const MAX_IMPORT_TEXT = 5_000_000;
const issueRef = z.strictObject({ issueId: id });
const documentRef = z.strictObject({ documentId: id });
const sectionRef = z.strictObject({ sectionId: id });
const revisionRef = z.strictObject({ revisionId: z.number().int().min(1) });
const position = z.number().int().min(0).max(100_000);
const createdIssue = z.object({ issueId: id });

export const issueMetaPatch = {
  journalName: shortText.optional(),
  year: year.optional(),
  number: issueNumber.optional(),
  cumulativeNumber: issueNumber.optional(),
  date: isoDate.optional(),
  status: issueStatus.optional(),
  frontMatter: frontMatter.optional(),
  settings: printSettings.optional(),
};
// Compile-time: the patch is any Issue field but id and updatedAt (main/store/types.ts IssueMetaPatch).
const patchMatchesModel: Same<z.output<z.ZodObject<typeof issueMetaPatch>>, Partial<Omit<Issue, 'id' | 'updatedAt'>>> = true;
void patchMatchesModel;

export const libraryChannels = {
  // ------------------------------------------------------------ issues
  'issues.list': { input: z.strictObject({}), output: z.array(issueSummary) },
  'issues.get': { input: issueRef, output: issue },
  'issues.getTree': { input: issueRef, output: issueTree },
  'issues.toc': { input: issueRef, output: z.array(tocEntry) },
  /** A blank issue (numbers given or defaults), front matter from the newest issue. */
  'issues.create': { input: z.strictObject(issueMetaPatch), output: createdIssue },
  /** The next issue after `fromIssueId` (default: the newest): numbers +1, front matter and sections copied. */
  'issues.createNext': { input: z.strictObject({ fromIssueId: id.optional() }), output: createdIssue },
  'issues.duplicate': { input: issueRef, output: createdIssue },
  /** Deletes after writing a backup package beside the library. */
  'issues.delete': { input: issueRef, output: z.object({ backupPath: z.string().nullable() }) },
  'issues.update': { input: z.strictObject({ issueId: id, ...issueMetaPatch }), output: issue },
  /** Write a `.gazette` package where the host puts files (save dialog, or `exports/` beside the library). */
  'issues.exportPackage': {
    input: issueRef,
    output: z.union([canceledFile, z.object({ ...savedFile, documents: z.number() })]),
  },
  /**
   * Import a package: its bytes (a file the user uploaded in the browser), or `pick` to let the host ask
   * which file (Electron's open dialog; the CLI's argument). Never a path from the caller.
   */
  'issues.importPackage': {
    input: z.union([z.strictObject({ dataBase64: base64 }), z.strictObject({ pick: z.literal(true) })]),
    output: z.union([canceledFile, z.object({ canceled: z.literal(false), issueIds: z.array(id), issueId: id })]),
  },
  /** Structure a whole issue from plain text (the reference issue's form) and store it. */
  'issues.importText': {
    input: z.strictObject({ text: z.string().min(1).max(MAX_IMPORT_TEXT), fileName: shortText.regex(/^[^/\\]*$/, 'a file name, not a path').optional() }),
    output: z.object({ issueId: id, documents: z.number(), warnings: z.array(importWarning) }),
  },

  // ------------------------------------------------------------ sections
  'sections.add': { input: z.strictObject({ issueId: id, name: shortText, position: position.optional() }), output: z.object({ sectionId: id }) },
  'sections.rename': { input: z.strictObject({ sectionId: id, name: shortText }), output: section },
  'sections.remove': { input: sectionRef, output: z.object({ removed: id }) },
  /** Move one section to a position; returns the new order. */
  'sections.move': { input: z.strictObject({ sectionId: id, position }), output: z.array(section) },
  'sections.reorder': { input: z.strictObject({ issueId: id, sectionIds: z.array(id).max(1000) }), output: z.array(section) },

  // ------------------------------------------------------------ documents
  'documents.get': { input: documentRef, output: gazetteDocument },
  'documents.add': {
    input: z.strictObject({ sectionId: id, kind: documentKind.optional(), content: documentContent.optional(), position: position.optional() }),
    output: z.object({ documentId: id }),
  },
  /** Autosave: one transaction (content, title/文号, revision, search index). */
  'documents.save': {
    input: z.strictObject({ documentId: id, content: documentContent }),
    output: z.object({ documentId: id, title: z.string(), docNumber: z.string(), updatedAt: z.string() }),
  },
  /** Kind and TOC wording; `tocTitleOverride: null` clears it. */
  'documents.updateMeta': {
    input: z.strictObject({ documentId: id, kind: documentKind.optional(), tocTitleOverride: text.nullable().optional() }),
    output: gazetteDocument,
  },
  /** Move within its section or into another section of the same issue. */
  'documents.move': {
    input: z.strictObject({ documentId: id, sectionId: id, position }),
    output: z.object({ documentId: id, sectionId: id, position: z.number() }),
  },
  'documents.remove': { input: documentRef, output: z.object({ removed: id }) },
  'documents.reorder': { input: z.strictObject({ sectionId: id, documentIds: z.array(id).max(10_000) }), output: z.array(gazetteDocument) },
  /** The issue's 回收站: documents removed (alone or with their section), most recent first. */
  'documents.listDeleted': {
    input: z.strictObject({ issueId: id }),
    output: z.array(z.object({ id, title: z.string(), docNumber: z.string(), sectionName: z.string(), deletedAt: z.string() })),
  },
  /** Put a removed document back where it was (its section, or the first one if that is gone). */
  'documents.restoreDeleted': { input: documentRef, output: z.object({ documentId: id, sectionId: id }) },

  // ------------------------------------------------------------ revisions
  'revisions.list': { input: documentRef, output: z.array(revisionInfo) },
  'revisions.get': { input: revisionRef, output: revisionInfo.extend({ content: contentOut }) },
  'revisions.restore': { input: revisionRef, output: gazetteDocument },

  // ------------------------------------------------------------ assets
  'assets.put': {
    input: z.strictObject({ mime: z.string().regex(/^image\/(png|jpeg|gif|webp|svg\+xml|bmp)$/, 'unsupported image type'), dataBase64: base64 }),
    output: z.object({ assetId: id, sha256: z.string(), size: z.number() }),
  },
  'assets.get': { input: z.strictObject({ assetId: id }), output: z.object({ mime: z.string(), dataBase64: z.string() }) },

  // ------------------------------------------------------------ page maps (written after a layout, read by the TOC)
  'pageMaps.get': {
    input: issueRef,
    output: z.object({
      pageCount: z.number().nullable(),
      layoutHash: z.string().nullable(),
      pages: z.record(z.string(), z.number()),
      compactTables: z.array(z.string()),
    }),
  },
  'pageMaps.set': {
    input: z.strictObject({
      issueId: id,
      pageCount: z.number().int().min(0).max(100_000),
      layoutHash: shortText,
      pages: z.record(id, z.number().int().min(1).max(100_000)),
      /** Tables the layout set compact (table element ids), for a later DOCX export. */
      compactTables: z.array(shortText).max(10_000).optional(),
    }),
    output: z.object({ issueId: id }),
  },

  // ------------------------------------------------------------ search
  /** Across every issue (or one): trigram index for terms of 3+ characters, LIKE for shorter. */
  search: {
    input: z.strictObject({ query: z.string().max(200), issueId: id.optional(), limit: z.number().int().min(1).max(1000).optional() }),
    output: z.array(searchHit),
  },
} as const;

/** Events pushed from main to the renderer. */
export const libraryEvents = {
  /** Something changed the library outside the current window (import, CLI, another window). */
  'library.changed': z.object({ issueId: id.optional() }),
} as const;
