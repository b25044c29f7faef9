import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isNetworkFsType, looksLikeNetworkPath, openLibrary } from '../main/store/index';
import { appRoot } from '../main/appRoot';
import { defaultLibraryPath, defaultSamplePath, openAppLibrary } from '../main/paths';
import { makeTree, tempDir } from './store-fixtures';

describe('defaultLibraryPath', () => {
  it('follows each platform’s application data folder, like Electron’s userData', () => {
    expect(defaultLibraryPath({}, 'linux', '/home/u')).toBe('/home/u/.config/gazette/library.sqlite');
    expect(defaultLibraryPath({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/gazette/library.sqlite');
    expect(defaultLibraryPath({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/gazette/library.sqlite');
    expect(defaultLibraryPath({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\gazette\\library.sqlite',
    );
  });

  it('is overridden by GAZETTE_LIBRARY', () => {
    expect(defaultLibraryPath({ GAZETTE_LIBRARY: '/tmp/x/lib.sqlite', XDG_CONFIG_HOME: '/xdg' }, 'linux', '/h')).toBe('/tmp/x/lib.sqlite');
  });

  it('finds the project root and the sample issue path from the source tree', () => {
    expect(existsSync(path.join(appRoot(), 'package.json'))).toBe(true);
    expect(defaultSamplePath()).toBe(path.join(appRoot(), 'resources', 'sample', 'sample-issue.json'));
  });
});

describe('openAppLibrary', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());
  const silent = { warn: () => {} };

  it('starts a new library with the sample issue, once', () => {
    const sample = path.join(dir, 'sample-issue.json');
    writeFileSync(sample, JSON.stringify(makeTree()));
    const file = path.join(dir, 'gazette', 'library.sqlite');
    const lib = openAppLibrary(file, { samplePath: sample, logger: silent });
    expect(lib.issues.list().map((i) => [i.year, i.number, i.documentCount])).toEqual([[2024, 6, 5]]);
    lib.close();
    const again = openAppLibrary(file, { samplePath: sample, logger: silent });
    expect(again.issues.list()).toHaveLength(1);
    again.close();
  });

  it('creates an empty library when the sample is missing or unreadable', () => {
    const lib = openAppLibrary(path.join(dir, 'a.sqlite'), { samplePath: path.join(dir, 'missing.json'), logger: silent });
    expect(lib.issues.list()).toEqual([]);
    lib.close();
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    const warnings: string[] = [];
    const lib2 = openAppLibrary(path.join(dir, 'b.sqlite'), { samplePath: broken, logger: { warn: (m) => warnings.push(m) } });
    expect(lib2.issues.list()).toEqual([]);
    expect(warnings.join()).toMatch(/示例期刊/);
    lib2.close();
  });
});

describe('network shares', () => {
  it('recognises UNC paths, where WAL is not used', () => {
    expect(looksLikeNetworkPath('\\\\server\\share\\library.sqlite')).toBe(true);
    expect(looksLikeNetworkPath('//server/share/library.sqlite')).toBe(true);
    expect(looksLikeNetworkPath('C:\\Users\\u\\library.sqlite')).toBe(false);
    expect(looksLikeNetworkPath('/home/u/library.sqlite')).toBe(false);
  });

  it('recognises network file systems by their statfs type (Linux)', () => {
    expect(isNetworkFsType(0x6969)).toBe(true); // NFS
    expect(isNetworkFsType(0xff534d42)).toBe(true); // CIFS
    expect(isNetworkFsType(0xef53)).toBe(false); // ext4
  });

  it('falls back to DELETE journaling with a warning, and back to WAL on a local open', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(dir, 'share.sqlite');
      const warnings: string[] = [];
      const lib = openLibrary(file, { avoidWal: true, logger: { warn: (m) => warnings.push(m) } });
      expect(lib.journalMode).toBe('delete');
      expect(lib.rawDb.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(lib.rawDb.pragma('synchronous', { simple: true })).toBe(2);
      expect(warnings.join()).toMatch(/DELETE/);
      lib.issues.insertTree(makeTree());
      lib.close();
      const local = openLibrary(file, { logger: { warn: () => {} } });
      expect(local.journalMode).toBe('wal');
      expect(local.issues.list()).toHaveLength(1);
      local.close();
    } finally {
      cleanup();
    }
  });
});
