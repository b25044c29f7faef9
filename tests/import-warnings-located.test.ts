import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importIssueFromText } from '../common/import/fromText';
import { DROPPED_TEXT_WARNINGS } from '../common/import/warnings';
import { normalizeContent, type ImportWarning } from '../common/model';
import { locateWarning, warningBlockIndex } from '../renderer/workspace/ImportReport';

const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const paragraph = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });

describe('locating an import warning by its quoted text', () => {
  it('finds the block holding the quote, across spaces and bracket variants', () => {
    const content = normalizeContent({ blocks: [paragraph('各单位：'), paragraph('格政办〔2024〕5号 文件')] });
    expect(locateWarning(content, { code: 'x', message: '', text: '格政办[2024]5号 文件' })).toBe(1);
    expect(locateWarning(content, { code: 'x', message: '', text: '没有这句话' })).toBeNull();
    expect(warningBlockIndex(content, { code: 'x', message: '', text: '没有这句话' })).toBe(0);
  });

  it('places text kept out of the body where it stood: 版头 at the top, 版记 at the end', () => {
    const content = { ...normalizeContent({ blocks: [paragraph('标题'), paragraph('正文'), paragraph('2024年7月5日')] }), meta: { masthead: ['格尔木市人民政府文件'], colophon: ['格尔木市人民政府办公室 2024年7月5日印发'] } };
    expect(locateWarning(content, { code: 'masthead-kept', message: '', text: '格尔木市人民政府文件' })).toBe(0);
    expect(locateWarning(content, { code: 'colophon-kept', message: '', text: '格尔木市人民政府办公室 2024年7月5日印发' })).toBe(2);
  });

  it('locates every warning the text importer gives on the reference issue and the corpus', () => {
    const files = [join(fixtures, 'reference-issue-2024-06.txt')];
    const corpus = join(fixtures, 'corpus');
    for (const dir of readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const f of readdirSync(join(corpus, dir.name)).filter((f) => f.endsWith('.txt'))) files.push(join(corpus, dir.name, f));
    }
    const lost: string[] = [];
    const kept: string[] = [];
    let count = 0;
    for (const file of files) {
      const { tree, warnings } = importIssueFromText(readFileSync(file, 'utf8'));
      const contents = tree.sections.flatMap((s) => s.documents.map((d) => d.content));
      for (const w of warnings as ImportWarning[]) {
        count++;
        const where = `${file.slice(fixtures.length)}: ${w.code}@${w.line ?? '-'} ${w.text ?? '(no text)'}`;
        // Text left out of the document (converter markup, site chrome) has no block: it must really be gone.
        if (DROPPED_TEXT_WARNINGS.has(w.code)) {
          if (!w.text || contents.some((c) => locateWarning(c, { ...w, code: 'x' }) !== null)) kept.push(where);
          continue;
        }
        if (!w.text || !contents.some((c) => locateWarning(c, w) !== null)) lost.push(where);
      }
    }
    expect(count).toBeGreaterThan(100);
    expect(lost).toEqual([]);
    expect(kept).toEqual([]);
  });
});
