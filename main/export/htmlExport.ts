/**
 * `--html DIR`: the issue as one HTML file before pagination, with the journal CSS and fonts beside it,
 * so any paged-media engine can take it (fonts.css + files under fonts/, journal.css).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { issueLabel, type IssueTree } from '../../common/model';
import { escapeHtml } from '../../common/render/html';
import { paginationUnits, type HtmlOptions } from '../../common/render/toHtml';
import { coverHtml, insideCoverHtml, tocHtml, tocSections } from '../../common/render/toHtmlFront';
import { appRoot } from '../appRoot';

function fontsCss(target: string): string {
  // The Vite build wrote the resolved @font-face rules into one CSS asset; copy it and its font files.
  const assets = path.join(appRoot(), 'dist', 'renderer', 'assets');
  const cssFile = existsSync(assets) ? readdirSync(assets).find((f) => f.endsWith('.css') && readFileSync(path.join(assets, f), 'utf8').includes('@font-face')) : undefined;
  if (!cssFile) throw new Error('fonts not built: run `npm run build`');
  const css = readFileSync(path.join(assets, cssFile), 'utf8');
  mkdirSync(path.join(target, 'fonts'), { recursive: true });
  return css.replace(/url\(([^)]+)\)/g, (_m, raw: string) => {
    const name = path.basename(raw.replace(/["']/g, '').split('?')[0]);
    const source = path.join(assets, name);
    if (existsSync(source)) copyFileSync(source, path.join(target, 'fonts', name));
    return `url(fonts/${name})`;
  });
}

export function writeIssueHtml(tree: IssueTree, dir: string, pageMap: Record<string, number> = {}, images: HtmlOptions = {}): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'fonts.css'), fontsCss(dir));
  copyFileSync(path.join(appRoot(), 'resources', 'print', 'journal.css'), path.join(dir, 'journal.css'));
  const { issue } = tree;
  const body = [coverHtml(tree), insideCoverHtml(tree), tocHtml(tocSections(tree), pageMap), ...paginationUnits(tree, images).map((u) => u.html)].join('\n');
  const html = `<!doctype html>
<html lang="zh-CN"${issue.settings.fonts === 'office' ? ' class="gz-office"' : ''}>
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${issue.journalName} ${issueLabel(issue)}`)}</title>
<link rel="stylesheet" href="fonts.css">
<link rel="stylesheet" href="journal.css">
</head>
<body>
${body}
</body>
</html>
`;
  const file = path.join(dir, 'issue.html');
  writeFileSync(file, html);
  return file;
}
