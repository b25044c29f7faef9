/** Untagged graphics objects become artifacts; tagged content is left as Chromium wrote it. */
import { describe, expect, it } from 'vitest';
import { contentOperators, wrapUntagged } from './pdfArtifacts';

describe('wrapUntagged', () => {
  it('wraps text, painted paths and XObjects outside marked content, and nothing inside it', () => {
    const stream = [
      'q 0 0 595 842 re W* n',
      '/P <</MCID 0 >>BDC BT /F4 16 Tf 1 0 0 -1 8 39 Tm <0026> Tj ET EMC',
      'BT /F4 9 Tf (\\(— 3 —\\)) Tj ET',
      '1 0 0 RG 10 10 m 20 20 l S',
      '/Im1 Do',
      '/Figure <</MCID 1 >>BDC /Im2 Do EMC Q',
    ].join('\n');
    const { text, wrapped } = wrapUntagged(stream);
    expect(wrapped).toBe(3);
    expect(text).toContain('/Artifact BMC\nBT /F4 9 Tf (\\(— 3 —\\)) Tj ET\nEMC');
    expect(text).toContain('/Artifact BMC\n10 10 m 20 20 l S\nEMC');
    expect(text).toContain('/Artifact BMC\n/Im1 Do\nEMC');
    // The clipping path, the tagged text and the tagged image are untouched.
    expect(text).toContain('q 0 0 595 842 re W* n\n/P <</MCID 0 >>BDC BT');
    expect(text).toContain('/Figure <</MCID 1 >>BDC /Im2 Do EMC Q');
  });

  it('reads strings with parentheses and hex strings as operands, not operators', () => {
    const names = contentOperators('BT (a \\) Tf (b) Tj) Tj <414243> Tj [(x) -20 (y)] TJ ET').map((o) => o.name);
    expect(names).toEqual(['BT', 'Tj', 'Tj', 'TJ', 'ET']);
  });

  it('leaves a stream without untagged objects unchanged', () => {
    const stream = '/P <</MCID 0 >>BDC BT (x) Tj ET EMC';
    expect(wrapUntagged(stream)).toEqual({ text: stream, wrapped: 0 });
  });
});
