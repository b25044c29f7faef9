/**
 * Paths belong to the main process (issue 12.2): no contract channel, all of which the renderer can reach
 * (Electron's preload exposes every one, the web bridge answers every one), takes a file path. Files the
 * app writes or reads are chosen by the host (save/open dialogs, the CLI's arguments, exports/).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '../common/ipc/index';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

interface Field {
  where: string;
  schema: z.ZodType;
}

/** Every object field of a schema (through unions, optionals, arrays, records), and every object schema. */
function walk(schema: z.ZodType, where: string, fields: Field[], objects: Array<{ where: string; def: Def }>): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      objects.push({ where, def });
      for (const [key, value] of Object.entries(def.shape ?? {})) {
        fields.push({ where: `${where}.${key}`, schema: value });
        walk(value, `${where}.${key}`, fields, objects);
      }
      return;
    case 'union':
      def.options?.forEach((option, i) => walk(option, `${where}|${i}`, fields, objects));
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return walk(def.innerType!, where, fields, objects);
    case 'array':
      return walk(def.element!, `${where}[]`, fields, objects);
    case 'record':
      walk(def.keyType!, `${where}{key}`, fields, objects);
      return walk(def.valueType!, `${where}{}`, fields, objects);
    case 'pipe':
      return walk(def.in!, where, fields, objects);
    default:
      return;
  }
}

/** Field names that would carry a location in the file system (or a URL). */
const PATH_LIKE = /(path|file|dir|folder|dest|target|location|url|uri)/i;
/** Names of a picked file, for its type and messages only: refused when they hold a folder. */
const FILE_NAMES = new Set(['fileName']);
/** Document content is data (Slate blocks, loose by design); the store normalises it, no host reads a file from it. */
const CONTENT = /\.content(\.|$)/;

const channels = Object.entries(contract).map(([name, spec]) => {
  const fields: Field[] = [];
  const objects: Array<{ where: string; def: Def }> = [];
  walk(spec.input as z.ZodType, name, fields, objects);
  return { name, input: spec.input as z.ZodType, fields, objects };
});

describe('the contract takes no file paths', () => {
  it('walks every channel (the walker sees the fields it should)', () => {
    const all = channels.flatMap((c) => c.fields.map((f) => f.where));
    expect(all).toContain('export.pdf.issueId');
    expect(all).toContain('issues.importPackage|0.dataBase64');
    expect(all).toContain('documents.importWord.fileName');
    expect(channels.length).toBe(Object.keys(contract).length);
  });

  it('has no path-like field in any channel input', () => {
    const offending = channels.flatMap((c) =>
      c.fields.filter((f) => !CONTENT.test(f.where)).filter((f) => PATH_LIKE.test(f.where.split('.').pop()!.replace(/[[\]{}|\d]/g, ''))).filter((f) => !FILE_NAMES.has(f.where.split('.').pop()!)),
    );
    expect(offending.map((f) => f.where)).toEqual([]);
  });

  it('refuses unknown fields (so no `path` can ride along) in every input object outside document content', () => {
    const loose = channels.flatMap((c) => c.objects.filter((o) => !CONTENT.test(o.where)).filter((o) => !o.def.catchall || defOf(o.def.catchall).type !== 'never'));
    expect(loose.map((o) => o.where)).toEqual([]);
    for (const c of channels) {
      const parsed = c.input.safeParse({ path: '/etc/passwd' });
      expect(parsed.success, c.name).toBe(false);
    }
  });

  it('takes file names without folders', () => {
    const named = channels.flatMap((c) => c.fields.filter((f) => FILE_NAMES.has(f.where.split('.').pop()!)).map((f) => f));
    expect(named.length).toBeGreaterThan(0);
    for (const field of named) {
      const name = field.where.endsWith('importWord.fileName') ? 'x.docx' : 'x.txt';
      expect(field.schema.safeParse(name).success, field.where).toBe(true);
      for (const bad of ['../x.docx', '/etc/x.docx', 'C:\\Users\\x.docx', 'a/b.txt', '..\\x.txt']) {
        expect(field.schema.safeParse(bad).success, `${field.where} ${bad}`).toBe(false);
      }
    }
  });

  it('the channels that used to take paths now name files by the host or by an export id', () => {
    expect(contract['export.pdf'].input.safeParse({ issueId: 'i', path: '/tmp/x.pdf' }).success).toBe(false);
    expect(contract['export.docx'].input.safeParse({ issueId: 'i', path: '/tmp/x.docx' }).success).toBe(false);
    expect(contract['issues.exportPackage'].input.safeParse({ issueId: 'i', path: '/tmp/x.gazette' }).success).toBe(false);
    expect(contract['issues.importPackage'].input.safeParse({ path: '/tmp/x.gazette' }).success).toBe(false);
    expect(contract['issues.importPackage'].input.safeParse({ pick: true }).success).toBe(true);
    expect(contract['shell.reveal'].input.safeParse({ path: '/tmp/x.pdf' }).success).toBe(false);
    expect(contract['shell.reveal'].input.safeParse({ exportId: 'e1' }).success).toBe(true);
  });
});
