/**
 * Adding documents to an issue from files of any kind (.txt, .html/.htm, .docx, .doc/.wps), in order. Every
 * file is read and recognised first, outside the library; only when all of them could be read are the
 * documents written, in one transaction, so a bad file leaves the library as it was and gets one sentence.
 * Used by `gazette import FILE... --issue ID` and by the app's import button and drag and drop.
 *
 * Section by rule: a whole issue in one file keeps its own sections; otherwise 任免 notices go to the
 * issue's 人事任免 section, 大事记 to its 大事记 section, and the rest to the section the editor chose (or
 * named with --section), else the issue's first section. Sections missing from the issue are added.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, basename } from 'node:path';
import type { BlockElement, DocumentContent, DocumentKind, ImportWarning } from '../../common/model/index';
import { decodeFileBytes } from '../../common/import/decode';
import { importIssueFromHtml } from '../../common/import/fromHtml';
import { htmlNestingExceeds, MAX_HTML_DEPTH } from './htmlDepth';
import { importIssueFromText } from '../../common/import/fromText';
import { kindFromTitle } from '../../common/import/patterns';
import { recognisedFields, type RecognisedFields } from '../../common/import/report';
import { warning } from '../../common/import/warnings';
import { withFileNameTitle } from '../../common/import/fileTitle';
import { AppError, failure, type Failure, type UserError } from '../../common/errors';
import { storeErrorFromSqlite, type Library } from '../store/index';
import { withDocxWorker } from './docxWorkerHost';
import { importDocxFile, type DocxAsset, type DocxImportOptions } from './importDocx';
import { linkedomEnvironment } from './linkedomEnvironment';

export const IMPORTABLE_EXTENSIONS = ['.txt', '.text', '.html', '.htm', '.docx', '.doc', '.wps'] as const;

/** One document recognised in a file, before it is written. */
interface FoundDocument {
  /** The section a whole-issue file names for it; '' for a single document. */
  section: string;
  kind: DocumentKind;
  content: DocumentContent;
  warnings: ImportWarning[];
}

interface ReadFile {
  file: string;
  documents: FoundDocument[];
  assets: DocxAsset[];
}

export interface ImportedDocument extends RecognisedFields {
  id: string;
  file: string;
  section: string;
  sectionId: string;
  warnings: ImportWarning[];
}

export type ImportFilesResult = { ok: true; issueId: string; documents: ImportedDocument[] } | Failure;

export interface ImportFilesOptions extends DocxImportOptions {
  /** Add to this issue; without it a new draft issue is made. */
  issueId?: string;
  /** The section the editor chose (drop target, import button). */
  sectionId?: string;
  /** The section by name (CLI --section); made when the issue has none of that name. */
  sectionName?: string;
}

/** Largest .html/.txt file read (the same as MAX_PASTE_HTML). */
const MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024;

const SECTION_BY_KIND: Record<DocumentKind, string> = { notice: '市政府办公室文件', other: '市政府办公室文件', personnel: '人事任免', chronicle: '大事记' };
const IMAGE_MIME = /^image\/(png|jpeg|gif|bmp)$/;

/** Split the warnings of a whole-file import over its documents: the recogniser reports them in document order. */
function documentsOfTree(tree: { sections: Array<{ name: string; documents: Array<{ kind: DocumentKind; content: DocumentContent }> }> }, warnings: ImportWarning[], named: boolean): FoundDocument[] {
  const docs = tree.sections.flatMap((s) => s.documents.map((d) => ({ section: named ? s.name : '', kind: d.kind, content: d.content, warnings: [] as ImportWarning[] })));
  if (docs.length) docs[0].warnings.push(...warnings);
  return docs;
}

/** A lone document without a title of its own takes the file's Chinese name as its title (fileTitle.ts). */
function titledByFileName(documents: FoundDocument[], name: string): FoundDocument[] {
  if (documents.length !== 1) return documents;
  const { content, used } = withFileNameTitle(documents[0].content, name);
  if (!used) return documents;
  return [{ ...documents[0], content, kind: documents[0].kind === 'other' ? kindFromTitle(used, '') : documents[0].kind, warnings: [...documents[0].warnings, warning('title-from-file-name', undefined, used)] }];
}

/** One file read and recognised, or why not (the sentence names the file). */
async function readOne(file: string, opts: DocxImportOptions): Promise<ReadFile | UserError> {
  const ext = extname(file).toLowerCase();
  const name = basename(file);
  const refused = (code: string, why: string): UserError => ({ code, message: `${name}：${why}` });
  let info;
  try {
    info = await stat(file);
  } catch {
    return refused('not-found', '找不到文件');
  }
  if (!info.isFile()) return refused('not-a-file', '不是文件');
  if (info.size > 150 * 1024 * 1024) return refused('too-large', `文件过大（${Math.round(info.size / 1048576)} MB）`);
  if (ext === '.docx' || ext === '.doc' || ext === '.wps') {
    const result = await importDocxFile(file, opts);
    if (result.error) return refused(result.error.code, result.error.message);
    const named = result.documents.length > 1;
    const documents = result.documents.map((d, i) => ({
      section: named ? d.section : '',
      kind: kindFromTitle(d.title, d.docNumber),
      content: d.content,
      warnings: i === 0 ? result.warnings : [],
    }));
    return { file, documents, assets: result.assets };
  }
  if (ext === '.html' || ext === '.htm' || ext === '.txt' || ext === '.text' || ext === '') {
    // Parsed in the app's main process: 60 MB of HTML took 27 s and 0.9 GB, 140 MB crashed the process
    // (V8 "invalid size"). A whole issue is well under 1 MB of text; the paste limit is the same 20 MB.
    if (info.size > MAX_TEXT_FILE_BYTES) return refused('too-large', `网页或文本文件过大（${Math.round(info.size / 1048576)} MB，上限 ${MAX_TEXT_FILE_BYTES / 1048576} MB）`);
    const html = ext === '.html' || ext === '.htm';
    const decoded = decodeFileBytes(new Uint8Array(await readFile(file)), { html });
    if (!decoded.ok) return refused(decoded.error.code, decoded.error.message);
    if (!decoded.text.trim()) return refused('empty-file', '文件是空的');
    const repaired = decoded.repaired ? [warning('text-repaired')] : [];
    if (html) {
      if (htmlNestingExceeds(decoded.text)) return refused('too-deep', `网页的标签嵌套超过 ${MAX_HTML_DEPTH} 层，不是正常的网页，未导入`);
      const result = importIssueFromHtml(decoded.text, linkedomEnvironment());
      if (!result.ok) return refused(result.error.code, result.error.message);
      const named = result.tree.sections.flatMap((s) => s.documents).length > 1;
      return { file, documents: titledByFileName(documentsOfTree(result.tree, [...repaired, ...result.warnings], named), name), assets: [] };
    }
    const { tree, warnings } = importIssueFromText(decoded.text);
    const named = tree.sections.flatMap((s) => s.documents).length > 1 || tree.issue.journalName !== '';
    return { file, documents: titledByFileName(documentsOfTree(tree, [...repaired, ...warnings], named), name), assets: [] };
  }
  return refused('unsupported-type', `不支持的文件类型（可导入 ${IMPORTABLE_EXTENSIONS.join(' ')}）`);
}

/** Point image blocks at the stored assets; drop the ones whose image could not be stored. */
function relinkImages(content: DocumentContent, ids: Map<string, string>): DocumentContent {
  const blocks = content.blocks.flatMap((b): BlockElement[] => {
    if (b.type !== 'image') return [b];
    const stored = ids.get(b.assetId);
    return stored ? [{ ...b, assetId: stored }] : [];
  });
  return { ...content, blocks };
}

/** The section a document goes to, by the rule above; names are matched loosely (人事任免 / 任免). */
export function sectionNameFor(doc: { section: string; kind: DocumentKind }, existing: string[], chosen: string | undefined): string {
  if (doc.section) return doc.section;
  const byKind = (word: string, fallback: string) => existing.find((n) => n.includes(word)) ?? fallback;
  if (doc.kind === 'personnel') return byKind('任免', '人事任免');
  if (doc.kind === 'chronicle') return byKind('大事记', '大事记');
  return chosen ?? existing[0] ?? SECTION_BY_KIND[doc.kind];
}

export async function importFilesIntoLibrary(library: Library, files: string[], opts: ImportFilesOptions = {}): Promise<ImportFilesResult> {
  if (files.length === 0) return failure('no-files', '没有要导入的文件');
  // One worker for all the Word files of this call (the host's, or one of its own stopped after reading).
  const read: ReadFile[] = [];
  const refused = await withDocxWorker(opts.worker, async (worker) => {
    for (const file of files) {
      const one = await readOne(file, { ...opts, worker });
      if (!('documents' in one)) return one;
      read.push(one);
    }
    return null;
  });
  if (refused) return { ok: false, error: refused };
  try {
    const stored = library.transaction(() => {
      const chosenSection = opts.sectionId ? library.sections.get(opts.sectionId) : undefined;
      if (opts.issueId) library.issues.get(opts.issueId); // not-found before anything is written
      const issueId = chosenSection?.issueId ?? opts.issueId ?? library.issues.create();
      const sections = () => library.sections.list(issueId);
      const chosenName = chosenSection?.name ?? opts.sectionName;
      const out: ImportedDocument[] = [];
      for (const one of read) {
        const ids = new Map<string, string>();
        const imageWarnings: ImportWarning[] = [];
        for (const asset of one.assets) {
          if (!IMAGE_MIME.test(asset.contentType)) {
            imageWarnings.push({ code: 'docx-image-type', message: `图片格式 ${asset.contentType} 不支持，未导入` });
            continue;
          }
          ids.set(asset.id, library.assets.put(asset.data, asset.contentType).id);
        }
        one.documents.forEach((doc, i) => {
          const name = sectionNameFor(doc, sections().map((s) => s.name), chosenName);
          const section = (chosenSection && name === chosenSection.name ? chosenSection : sections().find((s) => s.name === name)) ?? library.sections.add(issueId, name);
          const saved = library.documents.add(section.id, { kind: doc.kind, content: relinkImages(doc.content, ids) });
          out.push({
            ...recognisedFields(saved.content),
            id: saved.id,
            file: basename(one.file),
            section: section.name,
            sectionId: section.id,
            warnings: [...doc.warnings, ...(i === 0 ? imageWarnings : [])],
          });
        });
      }
      return { issueId, documents: out };
    });
    return { ok: true, ...stored };
  } catch (thrown) {
    // A full disk or a locked library while writing: the store's sentence (磁盘已满…), not the driver's English.
    const error = storeErrorFromSqlite(thrown) ?? thrown;
    return failure(error instanceof AppError ? error.code : 'internal', String((error as Error)?.message ?? error).split('\n')[0].slice(0, 200));
  }
}
