/**
 * The held-out set (tests/fixtures/unseen): 公文 shaped like real pages and texts that no rule was tuned on
 * (provincial and municipal CMS pages with their chrome, nested layout tables, 国令 and 部门令, 联合发文, 纪要,
 * 任免, 上行文 with 签发人 and 密级, titles over several lines, text copied from a page). Each input goes
 * through the real import path (decode → HTML or text import); the fields are compared with expected.json.
 * Fields: title, 文号, 主送, 署名, 成文日期, kind, attachments, headings (level and number of each heading),
 * documents (one per input), chrome (none of the site's words left in the output), kept (these source texts
 * are in the output, metadata included).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentPlainText, squeezeWhitespace, type DocumentContent, type GazetteDocument } from '../common/model';
import { decodeFileBytes } from '../common/import/decode';
import { importIssueFromHtml } from '../common/import/fromHtml';
import { importIssueFromText } from '../common/import/fromText';
import { recognisedFields } from '../common/import/report';
import { linkedomEnvironment } from '../main/import/linkedomEnvironment';

export const UNSEEN_DIR = new URL('../tests/fixtures/unseen/', import.meta.url).pathname;

interface Expected {
  title?: string;
  docNumber?: string;
  addressee?: string;
  signature?: string[];
  date?: string;
  kind?: string;
  attachments?: number;
  headings?: string[];
  chrome?: string[];
  kept?: string[];
}

export const UNSEEN_FIELDS = ['title', 'docNumber', 'addressee', 'signature', 'date', 'kind', 'attachments', 'headings', 'documents', 'chrome', 'kept'] as const;
export type UnseenField = (typeof UNSEEN_FIELDS)[number];

export interface UnseenScore {
  perField: Record<UnseenField, { hit: number; total: number }>;
  misses: string[];
}

function importFile(path: string): GazetteDocument[] {
  const decoded = decodeFileBytes(readFileSync(path), { html: path.endsWith('.html') });
  if (!decoded.ok) return [];
  if (path.endsWith('.html')) {
    const result = importIssueFromHtml(decoded.text, linkedomEnvironment());
    return result.ok ? result.tree.sections.flatMap((s) => s.documents) : [];
  }
  return importIssueFromText(decoded.text).tree.sections.flatMap((s) => s.documents);
}

function headingsOf(content: DocumentContent): string[] {
  return content.blocks.filter((b) => b.type === 'heading').map((b) => `${(b as { level: number }).level} ${squeezeWhitespace(b.children[0] && 'text' in b.children[0] ? b.children[0].text : '')}`);
}

function outputText(docs: GazetteDocument[]): string {
  return docs.map((d) => [contentPlainText(d.content), ...(d.content.meta?.masthead ?? []), ...(d.content.meta?.colophon ?? [])].join('\n')).join('\n');
}

export function scoreUnseen(): UnseenScore {
  const expected = JSON.parse(readFileSync(join(UNSEEN_DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;
  const perField = Object.fromEntries(UNSEEN_FIELDS.map((f) => [f, { hit: 0, total: 0 }])) as UnseenScore['perField'];
  const misses: string[] = [];
  for (const [file, want] of Object.entries(expected)) {
    const docs = importFile(join(UNSEEN_DIR, file));
    const got = docs[0] ? recognisedFields(docs[0].content) : { title: '', docNumber: '', addressee: '', signature: [], date: '', attachments: 0 };
    const text = squeezeWhitespace(outputText(docs));
    const check = (field: UnseenField, ok: boolean, gotText: string, wantText: string) => {
      perField[field].total++;
      if (ok) perField[field].hit++;
      else misses.push(`${file} ${field}: got「${gotText}」want「${wantText}」`);
    };
    const same = (a: string, b: string) => squeezeWhitespace(a) === squeezeWhitespace(b);
    if (want.title !== undefined) check('title', same(got.title, want.title), got.title, want.title);
    if (want.docNumber !== undefined) check('docNumber', same(got.docNumber, want.docNumber), got.docNumber, want.docNumber);
    if (want.addressee !== undefined) check('addressee', same(got.addressee, want.addressee), got.addressee, want.addressee);
    if (want.signature) check('signature', got.signature.join('、') === want.signature.join('、'), got.signature.join('、'), want.signature.join('、'));
    if (want.date !== undefined) check('date', got.date === want.date, got.date, want.date);
    if (want.kind) check('kind', docs[0]?.kind === want.kind, docs[0]?.kind ?? '', want.kind);
    if (want.attachments !== undefined) check('attachments', got.attachments === want.attachments, String(got.attachments), String(want.attachments));
    if (want.headings) {
      const h = docs[0] ? headingsOf(docs[0].content) : [];
      check('headings', h.join('|') === want.headings.join('|'), h.join('|'), want.headings.join('|'));
    }
    check('documents', docs.length === 1, String(docs.length), '1');
    if (want.chrome) {
      const left = want.chrome.filter((w) => text.includes(w));
      check('chrome', left.length === 0, left.join('、'), '（无）');
    }
    if (want.kept) {
      const lost = want.kept.filter((w) => !text.includes(squeezeWhitespace(w)));
      check('kept', lost.length === 0, `缺 ${lost.join('、')}`, '全部');
    }
  }
  return { perField, misses };
}
