import { describe, expect, it } from 'vitest';
import { renderLeaves } from './toHtml';

describe('long Latin words in the print HTML', () => {
  it('lets a URL, a long number or a long word break anywhere (gz-longword), short words not', () => {
    expect(renderLeaves([{ text: '详见https://www.geermu.gov.cn/a.html，编号20240615000123。' }])).toBe(
      '详见<span class="gz-longword">https://www.geermu.gov.cn/a.html</span>，编号<span class="gz-longword">20240615000123</span>。',
    );
    expect(renderLeaves([{ text: '依据ISO 9001和GB/T 9704执行' }])).toBe('依据ISO 9001和GB/T 9704执行');
    expect(renderLeaves([{ text: 'a<b&c>d"e\'f-long' }])).toContain('<span class="gz-longword">a&lt;b&amp;c&gt;d');
  });
});
