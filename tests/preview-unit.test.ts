import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IssueTree } from '../common/model';
import { paginationUnits } from '../common/render/toHtml';
import { previewUnit } from '../common/render/previewUnit';

const sample = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../resources/sample/sample-issue.json'), 'utf8')) as IssueTree;

describe('previewUnit', () => {
  it('gives the same unit as the whole-issue pagination for every document', () => {
    const units = paginationUnits(sample);
    const ids = sample.sections.flatMap((s) => s.documents.map((d) => d.id));
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(previewUnit(sample, id)).toEqual(units.find((u) => u.documentIds.includes(id)));
  });

  it('keeps consecutive 人事任免 notices in one unit, also when a notice moves among other documents', () => {
    const personnel = sample.sections.find((s) => s.documents.filter((d) => d.kind === 'personnel').length >= 2)!;
    const [a, b] = personnel.documents.filter((d) => d.kind === 'personnel');
    expect(previewUnit(sample, b.id)?.documentIds).toEqual(expect.arrayContaining([a.id, b.id]));
    const other = sample.sections.find((s) => s !== personnel)!;
    const mixed: IssueTree = { ...sample, sections: [{ ...other, documents: [a, other.documents[0], b, ...personnel.documents.slice(2)] }] };
    const expected = paginationUnits(mixed);
    for (const d of mixed.sections[0].documents) expect(previewUnit(mixed, d.id)).toEqual(expected.find((u) => u.documentIds.includes(d.id)));
  });

  it('finds nothing for an unknown document', () => {
    expect(previewUnit(sample, 'no-such-document')).toBeUndefined();
  });
});
