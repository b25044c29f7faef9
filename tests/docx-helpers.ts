/** Shared helpers for the DOCX tests: unzip with fflate, pull text and elements out of WordprocessingML. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { IssueTree } from '../common/model';

export function unzipDocx(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(data);
  return out;
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** All visible text of a part (w:t contents) concatenated. */
export function partText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join('');
}

/** Each w:style element by its w:name. */
export function stylesByName(stylesXml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of stylesXml.matchAll(/<w:style\b[\s\S]*?<\/w:style>/g)) {
    const name = /<w:name w:val="([^"]+)"/.exec(m[0])?.[1];
    if (name) map.set(name, m[0]);
  }
  return map;
}

export function sectPrs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
}

export const SAMPLE_PATH = join(import.meta.dirname, '..', 'resources', 'sample', 'sample-issue.json');

/** The shipped sample issue, when helper IMPORT has produced it. */
export function loadSampleIssue(): IssueTree | undefined {
  return existsSync(SAMPLE_PATH) ? (JSON.parse(readFileSync(SAMPLE_PATH, 'utf8')) as IssueTree) : undefined;
}
