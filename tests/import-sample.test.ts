import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeContent } from '../common/model';
import { SAMPLE_JSON, buildSampleIssue, sampleJson } from '../scripts/make-sample';
import { readReference } from './import-helpers';

describe('the shipped sample issue (resources/sample/sample-issue.json)', () => {
  const committed = readFileSync(SAMPLE_JSON, 'utf8');

  it('equals a fresh run of scripts/make-sample.ts on the reference text (run `npm run sample` after importer changes)', () => {
    const fresh = sampleJson(buildSampleIssue(readReference()).tree);
    expect(committed === fresh).toBe(true);
  });

  it('has stable position-derived ids and valid, normalised content', () => {
    const tree = JSON.parse(committed);
    expect(tree.issue.id).toBe('sample-issue');
    expect(tree.sections.map((s: { id: string }) => s.id)).toEqual(['sample-sec-01', 'sample-sec-02', 'sample-sec-03']);
    const docs = tree.sections.flatMap((s: { documents: Array<{ id: string; sectionId: string; content: unknown }> }) => s.documents);
    expect(docs.map((d: { id: string }) => d.id)).toEqual(Array.from({ length: 10 }, (_, i) => `sample-doc-${String(i + 1).padStart(2, '0')}`));
    for (const doc of docs) expect(normalizeContent(doc.content)).toEqual(doc.content);
  });
});
