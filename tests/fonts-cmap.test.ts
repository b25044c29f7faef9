/**
 * The bundled 仿宋 face maps every code point to its own glyph and no control code point at all, so the
 * PDF's ToUnicode (which Chromium derives from the cmap) gives 木 and not the radical ⽊, and spaces as spaces.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TTF } from 'fonteditor-core';
import { expect, it } from 'vitest';
import { oneCodePointPerGlyph, primaryCodePoint } from '../scripts/fontCmap';
import { woffCmap } from './woff-cmap';

const glyph = (unicode: number[]): TTF.Glyph => ({ contours: [[{ x: 0, y: 0, onCurve: true }]], xMin: 0, yMin: 0, xMax: 1, yMax: 1, advanceWidth: 1000, leftSideBearing: 0, name: 'g', unicode });

it('gives each code point of a shared glyph its own copy and drops control code points', () => {
  const glyf = [glyph([0x00, 0x01, 0x20, 0xa0]), glyph([0x2f4a, 0x6728]), glyph([0xe7c8, 0x1f9])];
  expect(oneCodePointPerGlyph(glyf)).toEqual({ dropped: 3, duplicated: 2 });
  expect(glyf.map((g) => g.unicode)).toEqual([[0x20], [0x6728], [0x1f9], [0xa0], [0x2f4a]]);
  expect(glyf[4].contours).toEqual(glyf[1].contours);
  expect(glyf[4].contours).not.toBe(glyf[1].contours);
  expect(primaryCodePoint([0xfa0c, 0x5140])).toBe(0x5140);
});

it('the converted FandolFang has one code point per glyph and no control code points', () => {
  const cmap = woffCmap(readFileSync(path.join(import.meta.dirname, '../resources/fonts/FandolFang-Regular.woff')));
  const byGlyph = new Map<number, number[]>();
  for (const [cp, g] of cmap) byGlyph.set(g, [...(byGlyph.get(g) ?? []), cp]);
  expect([...byGlyph.values()].filter((cps) => cps.length > 1)).toEqual([]);
  expect([...cmap.keys()].filter((cp) => cp < 0x20 || (cp >= 0x7f && cp < 0xa0))).toEqual([]);
  expect(cmap.size).toBeGreaterThan(10_000);
  for (const ch of '格尔木市人民政府 ⽊') expect(cmap.get(ch.codePointAt(0)!), ch).toBeDefined();
});
