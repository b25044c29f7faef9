/**
 * A text that prints no title (its title stood in the page's metadata) imported from a file named in Chinese:
 * the name is its title, with a warning; a name without Chinese is no title. Real library, real files.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { titleFromFileName } from '../common/import/fileTitle';
import { importFilesIntoLibrary } from '../main/import/importFiles';
import { openLibrary } from '../main/store/index';
import { tempDir } from './store-fixtures';

const { dir, cleanup } = tempDir('gazette-file-title-');
const library = openLibrary(path.join(dir, 'library.sqlite'), { logger: { warn: () => {} } });
afterAll(() => {
  library.close();
  cleanup();
});

/** The cee 纪要's shape: [[toc]], then the body; no title line. */
const MINUTES = '[[toc]]\n\n\u3000\u30002018年12月，五部门在北京联合召开座谈会，研究了办理环境污染刑事案件中的有关问题。纪要如下：\n\u3000\u3000一、会议指出，要加大对环境污染犯罪的惩治力度。\n';

function file(name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}

describe('a document without a title of its own', () => {
  it('takes the Chinese file name as its title, with a warning, and prints no [[toc]]', async () => {
    const result = await importFilesIntoLibrary(library, [file('关于办理环境污染刑事案件有关问题座谈会纪要.txt', MINUTES)]);
    if (!result.ok) throw new Error(result.error.message);
    const [doc] = result.documents;
    expect(doc.title).toBe('关于办理环境污染刑事案件有关问题座谈会纪要');
    expect(doc.warnings.some((w) => w.code === 'title-from-file-name')).toBe(true);
    const stored = library.documents.get(doc.id);
    expect(stored.title).toBe('关于办理环境污染刑事案件有关问题座谈会纪要');
    expect(JSON.stringify(stored.content)).not.toContain('[[toc]]');
  });

  it('keeps the title the text prints, whatever the file is called', async () => {
    const result = await importFilesIntoLibrary(library, [file('新建文本文档（二）.txt', '关于某事的通知\n\n各单位：\n\n\u3000\u3000现通知如下。\n')]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.documents[0].title).toBe('关于某事的通知');
  });

  it('reads no title from a name without Chinese', () => {
    expect(titleFromFileName('p6_gyblhjwrxsajygwtzthjy.txt')).toBe('');
    expect(titleFromFileName('/x/01_关于做好防汛工作的通知(1).txt')).toBe('关于做好防汛工作的通知');
  });
});
