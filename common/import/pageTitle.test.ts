import { describe, expect, it } from 'vitest';
import { titleFromPageHead } from './pageTitle';

describe('the title a page\'s head gives', () => {
  it('takes the part of <title> that reads as a 公文 title, not the column or the site', () => {
    expect(titleFromPageHead('<head><title>某某县人民政府关于同意某项目实施计划的批复_县政府文件_某某县人民政府网</title></head>')).toBe('某某县人民政府关于同意某项目实施计划的批复');
    expect(titleFromPageHead('<title>关于开展消防安全大检查的通知 - 某某县人民政府</title>')).toBe('关于开展消防安全大检查的通知');
    expect(titleFromPageHead('<title>某某镇国土空间规划（2021-2035年）的批复</title>')).toBe('某某镇国土空间规划（2021-2035年）的批复');
  });
  it('prefers the ArticleTitle meta, and gives nothing for a title that names no 公文', () => {
    expect(titleFromPageHead('<meta name="ArticleTitle" content="某某市人民政府关于加强燃气安全管理的意见" /><title>燃气安全_某某市</title>')).toBe('某某市人民政府关于加强燃气安全管理的意见');
    expect(titleFromPageHead('<title>某某县人民政府门户网站_首页</title>')).toBe('');
    expect(titleFromPageHead('<p>无标题</p>')).toBe('');
  });
});
