import { describe, expect, it } from 'vitest';
import { purifyDocxHtml, sanitizedDocxBody } from './purifyInNode';

describe('purifyDocxHtml (the allowlist sanitiser of the .docx worker)', () => {
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

  it('unwraps elements off the list, drops code-like ones with their content, comments and foreign attributes', () => {
    const out = purifyDocxHtml(
      '<div class="x" data-a="1"><p>一<font color="red">二</font><a href="http://example.invalid/">三</a></p></div>' +
        '<style>p{color:red}</style><template><p>模板</p></template><noscript>无脚本</noscript><!-- 注释 -->' +
        '<math><mi>x</mi></math><object data="x.swf">对象</object><p style="background:url(http://example.invalid/t.png)" title="t">四</p>' +
        '<img src=" javascript:alert(1)" onerror="alert(2)"><td onmouseover="alert(3)">五</td>',
    );
    expect(out).toContain('一二三');
    expect(out).toContain('四');
    expect(out).not.toMatch(/div|font|<a |href|data-a|style>|模板|无脚本|注释|<math|对象|example\.invalid|title=|javascript|onerror|onmouseover/);
  });

  it('hands the walk a body of the same text', () => {
    const body = sanitizedDocxBody('<p>关于做好防汛工作的通知</p><script>alert(1)</script><table><tr><td>甲</td></tr></table>');
    expect(body.nodeName.toLowerCase()).toBe('body');
    expect(body.innerHTML).toBe('<p>关于做好防汛工作的通知</p><table><tr><td>甲</td></tr></table>');
  });
});
