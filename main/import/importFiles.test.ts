import { describe, expect, it } from 'vitest';
import { sectionNameFor } from './importFiles';

describe('section by rule', () => {
  const issue = ['市政府办公室文件', '干部任免', '工作大事记'];
  it('sends 任免 notices and 大事记 to the issue’s own sections of that kind, the rest to the chosen or first section', () => {
    expect(sectionNameFor({ section: '', kind: 'personnel' }, issue, '市政府办公室文件')).toBe('干部任免');
    expect(sectionNameFor({ section: '', kind: 'chronicle' }, issue, undefined)).toBe('工作大事记');
    expect(sectionNameFor({ section: '', kind: 'notice' }, issue, '规范性文件')).toBe('规范性文件');
    expect(sectionNameFor({ section: '', kind: 'other' }, issue, undefined)).toBe('市政府办公室文件');
  });
  it('makes the usual sections when the issue has none, and keeps a whole-issue file’s own sections', () => {
    expect(sectionNameFor({ section: '', kind: 'personnel' }, [], undefined)).toBe('人事任免');
    expect(sectionNameFor({ section: '', kind: 'notice' }, [], undefined)).toBe('市政府办公室文件');
    expect(sectionNameFor({ section: '政策解读', kind: 'notice' }, issue, '市政府办公室文件')).toBe('政策解读');
  });
});
