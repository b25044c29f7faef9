/**
 * Hostile HTML files given to the app's file import (the same path as the CLI's `gazette import`): nesting
 * 100,000 elements deep (linkedom needed 7–11 s of the main process for it, 75 s for 200,000) is refused in
 * one sentence before it is parsed, as is a nesting just past the limit; a page nested as deep as real pages
 * (and deeper) still imports. A 25 MB page (60 MB took 27 s and 0.9 GB of the main process, 140 MB crashed
 * it) is refused by its size. Nothing is written to the library for a refused file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlNestingExceeds, MAX_HTML_DEPTH } from '../main/import/htmlDepth';
import { importFilesIntoLibrary } from '../main/import/importFiles';
import { openLibrary } from '../main/store/index';
import { tempDir } from './store-fixtures';

const { dir, cleanup } = tempDir('gazette-hostile-html-');
const library = openLibrary(path.join(dir, 'library.sqlite'), { logger: { warn: () => {} } });
afterAll(() => {
  library.close();
  cleanup();
});

const NOTICE = '<p>关于开展城市体检工作的通知</p><p>各单位：为做好城市体检工作，现将有关事项通知如下，请认真贯彻落实。</p><p>市政府办公室</p>';
const page = (open: string, close: string, depth: number) => `<!doctype html><html><body>${open.repeat(depth)}${NOTICE}${close.repeat(depth)}</body></html>`;

function file(name: string, html: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, html);
  return f;
}

const issueCount = () => library.issues.list().length;

describe('HTML nested beyond any real page', () => {
  it.each([
    ['100,000 nested <div>', page('<div>', '</div>', 100_000)],
    ['100,000 unclosed <span><b>', page('<span><b>', '', 50_000)],
    [`${MAX_HTML_DEPTH + 1} nested <div>`, page('<div>', '</div>', MAX_HTML_DEPTH + 1)],
  ])('%s: refused in one sentence, nothing written', async (what, html) => {
    const before = issueCount();
    const result = await importFilesIntoLibrary(library, [file('deep.html', html)]);
    expect(result.ok, what).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('too-deep');
    expect(result.error.message).toMatch(/^deep\.html：网页的标签嵌套超过 1000 层/);
    expect(result.error.message).not.toMatch(/\n/);
    expect(issueCount()).toBe(before);
  }, 60_000);

  it('a page nested as deep as the limit still imports', async () => {
    const result = await importFilesIntoLibrary(library, [file('nested.html', page('<div>', '</div>', MAX_HTML_DEPTH - 10))]);
    expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(true);
  }, 60_000);
});

describe('the depth estimate', () => {
  it('follows how HTML nests: void, self-closed, implied and stray end tags, raw text and comments', () => {
    const deep = (html: string, limit: number) => htmlNestingExceeds(html, limit);
    expect(deep('<p>a<p>b<p>c<li>x<li>y', 2)).toBe(false);
    expect(deep('<br><img src=x><hr/><input><x-a/>'.repeat(50), 1)).toBe(false);
    expect(deep('</div></span>'.repeat(100) + '<div><div></div></div>', 2)).toBe(false);
    expect(deep(`<script>${'<div>'.repeat(100)}</script><style>${'<b>'.repeat(100)}</style><!-- ${'<i>'.repeat(100)} -->`, 1)).toBe(false);
    expect(deep('<div><span><b>text</div>'.repeat(100), 3)).toBe(false);
    expect(deep('<div><div><div><div>', 3)).toBe(true);
    expect(deep('<DIV><Div><div><div>', 3)).toBe(true);
  });
});

describe('HTML and text files too large to parse in the app', () => {
  it.each(['big.html', 'big.txt'])('%s of 25 MB: refused in one sentence, nothing written', async (name) => {
    const before = issueCount();
    const paragraph = `<p>${'各单位要认真贯彻落实本通知精神，切实做好城市体检相关工作。'.repeat(20)}</p>\n`;
    const body = paragraph.repeat(Math.ceil((25 * 1024 * 1024) / Buffer.byteLength(paragraph)));
    const result = await importFilesIntoLibrary(library, [file(name, `<html><body>${NOTICE}${body}</body></html>`)]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'too-large', message: expect.stringMatching(new RegExp(`^${name.replace('.', '\\.')}：网页或文本文件过大（25 MB，上限 20 MB）$`)) });
    expect(issueCount()).toBe(before);
  }, 60_000);
});
