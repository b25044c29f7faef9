/**
 * An export that reuses the layout of an earlier one (the library's layout cache, read by another Chromium:
 * the CLI run again, the app restarted) prints the same faces. The reused pages went into the print page as
 * HTML and were never primed there, so their faces loaded, or not, while Chromium printed: of six CLI
 * exports of one 51-page issue after the first, five set the 楷体 lead-ins in 宋体 (no LXGW WenKai in the
 * file) and some left title characters as empty boxes (国家职业教育改☐实☐方案, 国家☐食应急工作指挥部).
 * The documents are gov.cn pages of the corpus (国办函〔2005〕57号, 国发〔2019〕4号). The old code failed
 * here in most runs, not every one (it was a race); the fix loads the faces explicitly.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { gazetteJson } from './gazette-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'gazette-cached-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures/corpus/govcn', name);
const fontsOf = (pdf: string) => execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
const textOf = (pdf: string) => execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

it('prints the faces of reused pages: 楷体 lead-ins in LXGW WenKai, every title character', () => {
  const db = path.join(dir, 'library.sqlite');
  const imported = gazetteJson(['import', fixture('03_guofa_2019_4.html'), fixture('41_guobanhan_2005_57.html'), '--db', db], dir, 120_000);
  const issue = String(imported.issueId);
  for (const run of [1, 2, 3]) {
    const pdf = path.join(dir, `run-${run}.pdf`);
    gazetteJson(['export', '--db', db, '--issue', issue, '--pdf', pdf], dir, 400_000);
    expect(fontsOf(pdf), `run ${run}`).toContain('LXGWWenKai');
    const text = textOf(pdf);
    for (const title of ['国家职业教育改革实施方案', '国家粮食应急预案', '2.1国家粮食应急工作指挥部']) expect(text, `run ${run}`).toContain(title);
  }
}, 1_200_000);
