/**
 * Keys that say whether earlier layout work still holds.
 *
 * sourceKeyOf(tree): everything the print layout of an issue depends on, taken from the model (layout
 * version, journal name, numbers, front matter, settings, sections, and each document's kind, titles and
 * content). Stored with the issue's page map, so a 年度总目录 can tell whether the stored page numbers still
 * hold without rendering HTML (that costs ~10× more than hashing the model). Changes to the layout code
 * itself must bump LAYOUT_VERSION, as for the unit cache.
 *
 * layoutKeyOf(job): the same for a job already rendered (unit hashes cover the HTML), for the printed
 * issue PDFs a volume reuses.
 */
import type { IssueTree } from '../model';
import { hashString } from './html';
import type { LayoutJob } from './printJob';
import { LAYOUT_VERSION } from './toHtml';

export function sourceKeyOf(tree: IssueTree): string {
  const { issue } = tree;
  return hashString(
    JSON.stringify({
      version: LAYOUT_VERSION,
      journal: issue.journalName,
      year: issue.year,
      number: issue.number,
      cumulative: issue.cumulativeNumber,
      frontMatter: issue.frontMatter,
      settings: issue.settings,
      sections: tree.sections.map((s) => ({
        name: s.name,
        documents: s.documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, docNumber: d.docNumber, toc: d.tocTitleOverride ?? null, content: d.content })),
      })),
    }),
  );
}

export function layoutKeyOf(job: LayoutJob): string {
  return hashString(
    JSON.stringify({
      units: job.units.map((u) => u.hash),
      front: job.front ?? null,
      evenHead: job.evenHead,
      fonts: job.fonts,
      pageOffset: job.pageOffset ?? null,
    }),
  );
}
