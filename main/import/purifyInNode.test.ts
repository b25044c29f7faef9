import { describe, expect, it } from 'vitest';
import { purifyDocxHtml } from './purifyInNode';

describe('purifyDocxHtml (DOMPurify on jsdom in the .docx worker)', () => {
  it('removes script, event handlers and javascript: links', () => {
    const out = purifyDocxHtml(
      '<p onclick="alert(1)">正文<script>alert(2)</script></p><a href="javascript:alert(3)">链接</a><svg onload="alert(4)"></svg><iframe src="x"></iframe>',
    );
    expect(out).not.toMatch(/script|onclick|onload|javascript:|iframe|svg/i);
    expect(out).toContain('正文');
    expect(out).toContain('链接');
  });

  it('keeps table spans, alignment and images that point at stored assets only', () => {
    const out = purifyDocxHtml(
      '<table><tr><td colspan="2" rowspan="3">维度</td></tr></table><p style="text-align:right">2024年7月5日</p>' +
        '<img src="gz-asset:0b6d-11aa"><img src="http://example.invalid/x.png"><img src="data:image/png;base64,AAAA">',
    );
    expect(out).toContain('colspan="2"');
    expect(out).toContain('rowspan="3"');
    expect(out).toContain('text-align:right');
    expect(out).toContain('src="gz-asset:0b6d-11aa"');
    expect(out).not.toContain('example.invalid');
    expect(out).not.toContain('data:image');
  });
});
