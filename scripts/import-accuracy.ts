/**
 * `npm run import-accuracy`: import every document of the corpus (tests/fixtures/corpus, ground truth in
 * index.tsv) in each input form and print per-field accuracy and every miss.
 *
 * Forms: txt (the text file, through the text import), html (the web page, through the HTML import with
 * charset detection), docx (made from the html with LibreOffice at run time, through the Word import; skipped
 * with a note when soffice is missing). Fields are counted only where the document has them:
 * - title: where the ground-truth title appears in the text (cee texts carry it only in their front matter);
 * - 文号: every document (an empty truth must stay empty) except where the truth's number is not in the text;
 * - 署名: where every organ of the issuer stands on a line of its own (the 署名 is printed);
 * - 成文日期: where the date stands on a line of its own (Arabic or Chinese numerals), or in a 题注 line;
 * - attachments: every document (counts in attachment-counts.tsv, checked by hand; absent = 0);
 * - documents: exactly one per single-document input; characters: every character of the source kept.
 * 国令第N号 and 国务院令第N号 are the same 文号 (gov.cn abbreviates; LawRefBook writes it out).
 * Options: --form txt|html|docx (repeatable), --json (last line), --quiet (no miss list).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentPlainText, squeezeWhitespace, type DocumentContent } from '../common/model';
import { decodeFileBytes } from '../common/import/decode';
import { importIssueFromHtml } from '../common/import/fromHtml';
import { importIssueFromText } from '../common/import/fromText';
import { firstDateIn, parseDateLine } from '../common/import/gongwen';
import { recognisedFields, type RecognisedFields } from '../common/import/report';
import { findSoffice } from '../main/import/importDocx';
import { convertDocx } from '../main/import/docxWorker';
import { linkedomEnvironment } from '../main/import/linkedomEnvironment';

const CORPUS = new URL('../tests/fixtures/corpus/', import.meta.url).pathname;

interface Truth {
  file: string;
  title: string;
  docNumber: string;
  issuer: string;
  date: string;
  attachments: number;
}

type Form = 'txt' | 'html' | 'docx';
type Field = 'title' | 'docNumber' | 'signature' | 'date' | 'attachments' | 'documents' | 'characters';
const FIELDS: Field[] = ['title', 'docNumber', 'signature', 'date', 'attachments', 'documents', 'characters'];

interface Imported {
  documents: DocumentContent[];
  error?: string;
  /** The source's own text, to count characters kept. */
  sourceText: string;
}

function readTruth(): Truth[] {
  const counts = new Map<string, number>();
  for (const line of readFileSync(join(CORPUS, 'attachment-counts.tsv'), 'utf8').split('\n').slice(1)) {
    const [file, n] = line.split('\t');
    if (file) counts.set(file, Number(n));
  }
  const [head, ...rows] = readFileSync(join(CORPUS, 'index.tsv'), 'utf8').split('\n').filter(Boolean);
  const cols = head.split('\t');
  return rows.map((row) => {
    const v = row.split('\t');
    const get = (name: string) => v[cols.indexOf(name)] ?? '';
    return { file: get('file'), title: get('title'), docNumber: get('docNumber'), issuer: get('issuer'), date: get('date'), attachments: counts.get(get('file')) ?? 0 };
  });
}

/** Text of a page as a reader sees it: no style, script or server directives. */
function pageText(html: string): string {
  const visible = html.replace(/<%[\s\S]*?%>/g, '').replace(/<(style|script)[\s\S]*?<\/\1>/gi, '').replace(/<br\s*\/?>/gi, '\n');
  return linkedomEnvironment().parseBody(visible).textContent ?? '';
}

const sameDocNumber = (a: string, b: string) => {
  // Brackets are normalised to 〔〕 on import (with a warning): [2013] and 〔2013〕 are the same 文号.
  const canon = (s: string) => squeezeWhitespace(s).replace(/^国务院令/, '国令').replace(/[[［【(（]/g, '〔').replace(/[\]］】)）]/g, '〕');
  return canon(a) === canon(b);
};

/**
 * A markdown site generator's own markup in the cee texts, never the document's: [[toc]], @tab, ::: fences, lines
 * of in-page links ([1](#t1) …) with their 第1~20条： labels, attribute lists ({style="…"}, {align=center}), and
 * markdown tables' pipes and alignment rows.
 */
function withoutSiteMarkup(text: string): string {
  return text
    .replace(/^[ \t]*(?:\[\[toc\]\]|@tab\b.*|:{3,}.*)$/gm, '')
    .replace(/^[ \t\u3000-]*第?\d+条?[~～]第?\d+条?[：:]?[ \t]*(?=\n\s*\[\d)/gm, '')
    .replace(/^(?:[ \t\u3000]*\[[^\]\n]+\]\(#[^)\s]+\))+[ \t\u3000]*$/gm, '')
    .replace(/\{(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|[\w.%-]+))(?:\s+(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|[\w.%-]+)))*\}/g, '')
    // Markdown tables: the alignment row (| :--: | :--- |) and the pipes between cells.
    .replace(/^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/gm, '')
    .replace(/^[ \t]*\|.*\|[ \t]*$/gm, (row) => row.replace(/\|/g, ' '));
}

/** Characters that count: everything but whitespace and the conversion's markup (markdown bold, list dashes, rules, site markup). */
function countable(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  // 附件1：名称 is printed as 附件1 over its title: the colon goes on purpose.
  for (const raw of withoutSiteMarkup(text).replace(/(附\s*件\s*[0-9一二三四五六七八九十]{1,3})\s*[：:]/g, '$1').replace(/\*\*/g, '').replace(/^\s*-{3,}\s*$/gm, '').replace(/^[ \t]{0,3}- /gm, '')) {
    if (/\s/.test(raw)) continue;
    // Normalised on purpose, not lost: half-width brackets of numbers (（一）), the 、/. after item numbers.
    // And 文号 brackets: [2013] becomes 〔2013〕.
    // And half-width , ; : ! ? in Chinese text, which the import sets full-width (warning halfwidth-punctuation).
    const wide: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };
    const ch = wide[raw] ?? (/[、.．]/.test(raw) ? '、' : /[[［【]/.test(raw) ? '〔' : /[\]］】]/.test(raw) ? '〕' : raw);
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}

function missingChars(source: string, output: string): { missing: number; total: number; sample: string } {
  const src = countable(source);
  const out = countable(output);
  let missing = 0;
  let total = 0;
  let sample = '';
  for (const [ch, n] of src) {
    total += n;
    const lost = n - (out.get(ch) ?? 0);
    if (lost > 0) {
      missing += lost;
      if (sample.length < 30) sample += ch;
    }
  }
  return { missing, total, sample };
}

function outputText(content: DocumentContent): string {
  // The 附件说明's label 附件： is printed by the renderer (not stored): count it as kept.
  const labels = content.blocks.filter((b) => b.type === 'attachment-list').map(() => '附件：');
  return [contentPlainText(content), ...labels, ...(content.meta?.masthead ?? []), ...(content.meta?.colophon ?? [])].join('\n');
}

function importTxt(path: string): Imported {
  const decoded = decodeFileBytes(readFileSync(path));
  if (!decoded.ok) return { documents: [], error: decoded.error.message, sourceText: '' };
  const { tree } = importIssueFromText(decoded.text);
  return { documents: tree.sections.flatMap((s) => s.documents.map((d) => d.content)), sourceText: decoded.text };
}

function importHtml(path: string): Imported {
  const decoded = decodeFileBytes(readFileSync(path), { html: true });
  if (!decoded.ok) return { documents: [], error: decoded.error.message, sourceText: '' };
  const env = linkedomEnvironment();
  const result = importIssueFromHtml(decoded.text, env);
  const sourceText = pageText(decoded.text);
  if (!result.ok) return { documents: [], error: result.error.message, sourceText };
  return { documents: result.tree.sections.flatMap((s) => s.documents.map((d) => d.content)), sourceText };
}

/** Make .docx from every .html with LibreOffice once (cached in the temp folder). */
function docxFromHtml(htmlFiles: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const soffice = findSoffice();
  if (!soffice) return out;
  const dir = join(tmpdir(), 'gazette-corpus-docx');
  mkdirSync(dir, { recursive: true });
  const missing = htmlFiles.filter((f) => !existsSync(join(dir, basename(f).replace(/\.html?$/, '.docx'))));
  if (missing.length) {
    // Convert the page as a browser saves it: a server page's directives (<%@ … %>) are not part of it.
    const pages = missing.map((f) => {
      const page = join(dir, basename(f));
      const html = readFileSync(f, 'utf8').replace(/<%[\s\S]*?%>/g, '').trim();
      writeFileSync(page, /^<(!doctype|html)/i.test(html) ? html : `<!DOCTYPE html><html><head><meta charset="utf-8"></head>${html}</html>`);
      return page;
    });
    execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, ...pages], { stdio: 'ignore', timeout: 600_000 });
  }
  for (const f of htmlFiles) {
    const docx = join(dir, basename(f).replace(/\.html?$/, '.docx'));
    if (existsSync(docx)) out.set(f, docx);
  }
  return out;
}

/** The Word import's conversion (the worker's code, run in this process: the worker thread adds start-up time only). */
async function importDocx(path: string, html: string): Promise<Imported> {
  const reply = await convertDocx(new Uint8Array(readFileSync(path)));
  const sourceText = pageText(readFileSync(html, 'utf8'));
  if (!reply.ok) return { documents: [], error: reply.error?.message, sourceText };
  return { documents: reply.documents?.map((d) => d.content) ?? (reply.content ? [reply.content] : []), sourceText };
}

interface Score {
  hit: number;
  total: number;
  misses: string[];
}

function judge(truth: Truth, text: string, imported: Imported): Partial<Record<Field, { ok: boolean; got: string; want: string }>> {
  const squeezedText = squeezeWhitespace(text);
  const lines = text.split(/\r?\n/).map((l) => squeezeWhitespace(l));
  const doc = imported.documents[0];
  const got: RecognisedFields = doc ? recognisedFields(doc) : { title: '', docNumber: '', addressee: '', signature: [], date: '', attachments: 0 };
  const result: Partial<Record<Field, { ok: boolean; got: string; want: string }>> = {};
  // The title is there when it stands at the top as one to four whole lines (not only quoted in a 题注).
  const top = lines.filter(Boolean).slice(0, 10);
  const wanted = squeezeWhitespace(truth.title);
  const titled = top.some((_, i) => [1, 2, 3, 4].some((n) => top.slice(i, i + n).join('') === wanted));
  if (titled) result.title = { ok: squeezeWhitespace(got.title) === squeezeWhitespace(truth.title), got: got.title, want: truth.title };
  const numberInText = !truth.docNumber || squeezedText.includes(truth.docNumber.replace(/^.*?第/, '第').replace(/^.*[〔[]/, '')) || squeezedText.includes(truth.docNumber);
  if (numberInText) result.docNumber = { ok: sameDocNumber(got.docNumber, truth.docNumber), got: got.docNumber, want: truth.docNumber };
  const organs = truth.issuer.split('、').filter(Boolean);
  const lineSet = new Set(lines);
  const joinedLines = new Set(lines.map((l) => l.replace(/[\s\u3000]/g, '')));
  const signed = organs.length > 0 && (organs.every((o) => lineSet.has(o)) || joinedLines.has(organs.join('')));
  if (signed) result.signature = { ok: got.signature.join('、') === organs.join('、'), got: got.signature.join('、'), want: organs.join('、') };
  const dated = lines.some((l) => parseDateLine(l) === truth.date) || lines.slice(0, 8).some((l) => firstDateIn(l) === truth.date && /(发布|公布|通过|批准)/.test(l));
  const gotDate = got.date || (doc ? (firstDateIn(contentPlainText(doc).split('\n').find((l) => /(发布|公布|通过|批准)/.test(l)) ?? '') ?? '') : '');
  if (dated) result.date = { ok: gotDate === truth.date, got: gotDate, want: truth.date };
  result.attachments = { ok: got.attachments === truth.attachments, got: String(got.attachments), want: String(truth.attachments) };
  result.documents = { ok: imported.documents.length === 1, got: String(imported.documents.length), want: '1' };
  const chars = missingChars(imported.sourceText || text, imported.documents.map(outputText).join('\n'));
  result.characters = { ok: chars.missing === 0, got: `${chars.missing}/${chars.total} lost ${chars.sample}`, want: 'all' };
  return result;
}

async function main() {
  const { values } = parseArgs({ options: { form: { type: 'string', multiple: true }, json: { type: 'boolean' }, quiet: { type: 'boolean' } } });
  const forms = (values.form?.length ? values.form : ['txt', 'html', 'docx']) as Form[];
  const truths = readTruth();
  const htmlOf = (t: Truth) => {
    const html = join(CORPUS, t.file.replace(/\.txt$/, '.html'));
    return t.file.endsWith('.html') ? join(CORPUS, t.file) : existsSync(html) ? html : undefined;
  };
  const report: Record<string, Record<string, { hit: number; total: number; percent: number }>> = {};
  let docxMap = new Map<string, string>();
  if (forms.includes('docx')) {
    const started = performance.now();
    docxMap = docxFromHtml(truths.map(htmlOf).filter((f): f is string => !!f));
    if (!docxMap.size) console.log('docx: skipped (LibreOffice soffice not found)');
    else console.log(`docx: ${docxMap.size} files made from the html with LibreOffice (${((performance.now() - started) / 1000).toFixed(1)} s, cached)`);
  }
  for (const form of forms) {
    const scores = Object.fromEntries(FIELDS.map((f) => [f, { hit: 0, total: 0, misses: [] } as Score])) as Record<Field, Score>;
    let files = 0;
    for (const truth of truths) {
      const html = htmlOf(truth);
      let imported: Imported;
      let text: string;
      const txtPath = join(CORPUS, truth.file.replace(/\.html$/, '.txt'));
      text = existsSync(txtPath) ? readFileSync(txtPath, 'utf8') : '';
      if (form === 'txt') {
        if (!truth.file.endsWith('.txt')) continue;
        imported = importTxt(join(CORPUS, truth.file));
      } else if (form === 'html') {
        if (!html) continue;
        imported = importHtml(html);
      } else {
        const docx = html ? docxMap.get(html) : undefined;
        if (!docx || !html) continue;
        imported = await importDocx(docx, html);
      }
      files++;
      if (!text) text = imported.sourceText;
      const verdict = judge(truth, text, imported);
      for (const field of FIELDS) {
        const v = verdict[field];
        if (!v) continue;
        scores[field].total++;
        if (v.ok) scores[field].hit++;
        else scores[field].misses.push(`${truth.file}: got「${v.got}」want「${v.want}」${imported.error ? ` (${imported.error})` : ''}`);
      }
    }
    if (!files) continue;
    console.log(`\n== ${form} (${files} files)`);
    report[form] = {};
    for (const field of FIELDS) {
      const s = scores[field];
      const percent = s.total ? (100 * s.hit) / s.total : 100;
      report[form][field] = { hit: s.hit, total: s.total, percent: Math.round(percent * 10) / 10 };
      console.log(`${field.padEnd(12)} ${String(s.hit).padStart(4)}/${String(s.total).padEnd(4)} ${percent.toFixed(1)} %`);
    }
    if (!values.quiet) {
      for (const field of FIELDS) for (const miss of scores[field].misses) console.log(`  miss ${field}: ${miss}`);
    }
  }
  if (values.json) console.log(JSON.stringify(report));
}

if (!readdirSync(CORPUS).includes('index.tsv')) throw new Error(`no corpus at ${CORPUS}`);
await main();
