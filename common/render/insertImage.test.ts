import { describe, expect, it } from 'vitest';
import { insertImageProblem } from './insertImage';

describe('insertImageProblem: what the editor says of a file it cannot insert', () => {
  it('takes every format the print page prints', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml', 'image/bmp']) expect(insertImageProblem({ name: 'a', type })).toBeUndefined();
  });

  it('names a TIFF scan or an iPhone HEIC photo and says what to do', () => {
    expect(insertImageProblem({ name: '扫描件.tif', type: 'image/tiff' })).toBe('“扫描件.tif”是 TIFF 格式的图片，不能插入：请先另存为 PNG 或 JPEG 格式再插入');
    // Browsers often give HEIC no type at all: the extension names it.
    expect(insertImageProblem({ name: 'IMG_0001.HEIC', type: '' })).toContain('HEIC 格式');
  });

  it('says a file that is no picture is not one', () => {
    expect(insertImageProblem({ name: '通知.pdf', type: 'application/pdf' })).toBe('“通知.pdf”不是图片文件，不能插入');
  });
});
