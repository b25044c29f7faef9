import { describe, expect, it } from 'vitest';
import { splitHeadingNumber } from '../editor/numbering';
import { typedHeadingLevel } from '../editor/paragraphFlow';
import { ARTICLE, LEVEL1, LEVEL2 } from '../import/patterns';
import { normalizeHeadingNumber } from '../model/normalize';
import { leadInStyleFor } from '../render/docx/runs';
import { STYLE } from '../render/docx/styles';
import { chineseNumeral, chineseToNumber, CN_NUMERAL_CHARS } from './chineseNumerals';

describe('Chinese numerals', () => {
  it('convert both ways for 1..99', () => {
    for (let n = 1; n < 100; n++) expect(chineseToNumber(chineseNumeral(n))).toBe(n);
    expect(chineseNumeral(100)).toBe('100');
    expect(chineseToNumber('二〇二四')).toBe(2024);
  });

  it('are one character set for every recogniser: editor, typed headings, importer, normalisation, DOCX', () => {
    // 一百零一 and 〇 were read by some layers and not others before the set was shared.
    for (const n of ['十二', '一百零一', '二〇']) {
      expect([...n].every((c) => CN_NUMERAL_CHARS.includes(c))).toBe(true);
      expect(splitHeadingNumber(`${n}、总则`).prefix).toBe(`${n}、`);
      expect(splitHeadingNumber(`（${n}）总则`).prefix).toBe(`（${n}）`);
      expect(typedHeadingLevel(`${n}、`)).toBe(1);
      expect(typedHeadingLevel(`（${n}）`)).toBe(2);
      expect(LEVEL1.test(`${n}、总则`)).toBe(true);
      expect(LEVEL2.test(`（${n}）总则`)).toBe(true);
      expect(ARTICLE.test(`第${n}条 内容`)).toBe(true);
      expect(normalizeHeadingNumber(`(${n})总则`)).toBe(`（${n}）总则`);
      expect(leadInStyleFor(`（${n}）总则。`)).toEqual({ style: STYLE.leadInKai });
      expect(leadInStyleFor(`${n}、总则`)).toEqual({ face: 'hei' });
      expect(leadInStyleFor(`第${n}条 内容`)).toEqual({ face: 'hei' });
    }
  });
});
