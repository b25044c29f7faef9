/**
 * The key of a whole-issue layout: same key => same pages and page numbers. It covers every unit's hash
 * (content, layout settings and layout version), the front matter and TOC entries (their length moves every
 * page number), the even running head and the fonts mode. Stored with the page map, so a later
 * 年度总目录 or 合订本 can tell whether the stored page numbers still hold without laying the issue out.
 */
import { hashString } from './html';
import type { LayoutJob } from './printJob';

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
