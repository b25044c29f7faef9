/**
 * Packaging cannot run here (it needs the network), so the config is checked against electron-builder's
 * own JSON schema (app-builder-lib/scheme.json, with the ajv electron-builder itself ships), and for the
 * choices the issue asks for: fuses, targets and architectures, and an icon that exists.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './e2e-support';

const require = createRequire(path.join(ROOT, 'node_modules', 'app-builder-lib', 'package.json'));
// electron-builder's own dependencies: the YAML reader and the validator it uses for this very schema.
const { load } = require('js-yaml') as { load: (text: string) => unknown };
const Ajv = require('ajv') as new (opts: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] } };

type Target = { target: string; arch: string[] };
interface Config {
  electronFuses: Record<string, boolean>;
  win: { target: Target[]; icon: string };
  mac: { target: Target[]; icon: string };
  linux: { target: Target[]; icon: string };
}

const config = load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator is not a yes-man: an unknown key and a wrong type are refused.
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } })).toBe(false);
    expect(validate({ ...config, linux: { target: 7 } })).toBe(false);
  });

  it('sets the fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('builds Windows, Linux (deb, AppImage) on x64 and arm64, and macOS', () => {
    const pairs = (targets: Target[]) => targets.flatMap((t) => t.arch.map((a) => `${t.target}/${a}`)).sort();
    expect(pairs(config.win.target)).toEqual(['nsis/arm64', 'nsis/x64']);
    expect(pairs(config.linux.target)).toEqual(['AppImage/arm64', 'AppImage/x64', 'deb/arm64', 'deb/x64']);
    expect(pairs(config.mac.target)).toEqual(['dmg/arm64', 'dmg/x64']);
  });

  it('names an icon that exists and is a 1024×1024 PNG', () => {
    for (const icon of new Set([config.win.icon, config.mac.icon, config.linux.icon])) {
      const png = readFileSync(path.join(ROOT, icon));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    }
  });
});
