import { describe, expect, it } from 'vitest';
import { squeezeWhitespace } from '../model';
import { journalNameLines, parseFrontMatter } from './frontMatter';
import { frontMatterToText } from './frontMatterText';
import { splitLines } from './lines';

const COVER = `
格尔木市人民政府政务公开信息

格尔木市人民政府公布规范性文件唯一刊物
主管：格尔木市人民政府
主办：格尔木市人民政府办公室
2024年第6期
总第191期
编辑委员会
名誉主任：冉清
副主任：刘新甫
委员：以姓氏笔画为序
马建伟 马媛
欧阳磊 强峰

主编：刘新甫
责任编辑：邓海军
电话：(0979) 8411326
网址：<http://www.geermu.gov.cn>
准印证号：青6328011
一行无法归类的文字`;

describe('parseFrontMatter', () => {
  const parsed = parseFrontMatter(splitLines(COVER));

  it('fills the cover fields and the issue numbers', () => {
    expect(parsed.journalName).toBe('格尔木市人民政府政务公开信息');
    expect(parsed.numbers).toEqual({ year: 2024, number: 6, cumulativeNumber: 191 });
    const fm = parsed.frontMatter;
    expect([fm.tagline, fm.supervisor, fm.sponsor, fm.permitNumber]).toEqual([
      '格尔木市人民政府公布规范性文件唯一刊物',
      '格尔木市人民政府',
      '格尔木市人民政府办公室',
      '青6328011',
    ]);
  });
  it('reads the committee roles, the members (two per line) and the staff', () => {
    const fm = parsed.frontMatter;
    expect(fm.committeeRoles).toEqual([
      { label: '名誉主任', names: ['冉清'] },
      { label: '副主任', names: ['刘新甫'] },
    ]);
    expect(fm.membersNote).toBe('以姓氏笔画为序');
    expect(fm.members).toEqual(['马建伟', '马媛', '欧阳磊', '强峰']);
    expect(fm.staff).toEqual([
      { label: '主编', names: ['刘新甫'] },
      { label: '责任编辑', names: ['邓海军'] },
    ]);
  });
  it('strips the autolink brackets of the URL in the colophon', () => {
    expect(parsed.frontMatter.colophon.find((c) => c.label === '网址')?.value).toBe('http://www.geermu.gov.cn');
  });
  it('returns lines it cannot place instead of dropping them', () => {
    expect(parsed.unplaced.map((l) => l.text)).toEqual(['一行无法归类的文字']);
  });
  it('renders back to text that holds every placed line', () => {
    const text = squeezeWhitespace(frontMatterToText(parsed.frontMatter, { year: 2024, number: 6, cumulativeNumber: 191 }));
    for (const line of COVER.split('\n').slice(0, -1)) {
      const needle = squeezeWhitespace(line.replace(/<(http[^>]+)>/, '$1'));
      expect(text).toContain(needle);
    }
  });
});

describe('journalNameLines', () => {
  it('splits the journal name after the issuing government', () => {
    expect(journalNameLines('格尔木市人民政府政务公开信息')).toEqual(['格尔木市人民政府', '政务公开信息']);
    expect(journalNameLines('政务公开')).toEqual(['政务公开']);
  });
});
