import { describe, expect, it } from 'vitest';
import { bodyFontOf, markRunFaces } from './docxPackage';

const run = (font: string, text: string) => `<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="${font}"/></w:rPr><w:t>${text}</w:t></w:r>`;
const styleOf = (xml: string) => [...xml.matchAll(/<w:rStyle w:val="([^"]+)"\/>[\s\S]*?<w:t>([^<]*)<\/w:t>/g)].map((m) => `${m[1]}:${m[2]}`);

describe('Word run fonts to face styles', () => {
  it('marks a run in 楷体_GB2312 or 黑体, not one in 宋体, 仿宋 or 微软雅黑, nor one with a character style', () => {
    const xml = run('宋体', '正文') + run('楷体_GB2312', '（牵头）') + run('黑体', '严禁') + run('仿宋_GB2312', '仿宋') + run('微软雅黑', '雅黑') +
      '<w:r><w:rPr><w:rStyle w:val="LeadInKai"/><w:rFonts w:eastAsia="楷体"/></w:rPr><w:t>引题</w:t></w:r>';
    expect(styleOf(markRunFaces(xml))).toEqual(['GzFaceKai:（牵头）', 'GzFaceHei:严禁', 'LeadInKai:引题']);
  });

  it('leaves a run that names the document\'s own body font (Normal style, else docDefaults) unmarked', () => {
    const styles =
      '<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:eastAsia="宋体"/></w:rPr></w:rPrDefault></w:docDefaults>' +
      '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style></w:styles>';
    expect(bodyFontOf(styles)).toBe('楷体_GB2312');
    expect(bodyFontOf('<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>')).toBe('宋体');
    expect(styleOf(markRunFaces(run('楷体_GB2312', '正文') + run('黑体', '严禁'), bodyFontOf(styles)))).toEqual(['GzFaceHei:严禁']);
  });
});
