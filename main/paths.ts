/**
 * Where the desktop app keeps its library, and opening it (a new library starts with the sample issue).
 * The same path main/index.ts gets from app.getPath('userData') after app.setPath('userData', <appData>/gazette).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { appRoot } from './appRoot';
import type { IssueTree } from '../common/model/index';
import { dailyBackup, openLibrary, type Library, type LibraryOptions } from './store/index';
import { tightenAppDir } from './umask';

export const LIBRARY_FILE_NAME = 'library.sqlite';

/** The per-user application data folder: $XDG_CONFIG_HOME or ~/.config, ~/Library/Application Support, %APPDATA%. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.join(home, '.config');
}

/** `<appData>/gazette/library.sqlite`; GAZETTE_LIBRARY overrides. */
export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.GAZETTE_LIBRARY) return path.resolve(env.GAZETTE_LIBRARY);
  const join = (...parts: string[]) => (platform === 'win32' ? path.win32.join(...parts) : path.join(...parts));
  return join(appDataDir(env, platform, home), 'gazette', LIBRARY_FILE_NAME);
}


export function defaultSamplePath(): string {
  return path.join(appRoot(), 'resources', 'sample', 'sample-issue.json');
}

export interface OpenAppLibraryOptions extends LibraryOptions {
  /** The sample issue to seed a new library with; a missing file means an empty library. */
  samplePath?: string;
}

/** Open the library, creating it (with the sample issue when available) if the file does not exist yet. */
export function openAppLibrary(file: string, opts: OpenAppLibraryOptions = {}): Library {
  // The app's own folder, made readable by earlier versions: closed to other local users.
  if (path.dirname(path.resolve(file)) === path.resolve(appDataDir(), 'gazette')) tightenAppDir(path.dirname(path.resolve(file)));
  const isNew = !existsSync(file);
  const backup = opts.dailyBackup ?? true;
  // A new library is backed up once the sample is in it (not empty, as it is at open).
  const library = openLibrary(file, { ...opts, dailyBackup: backup && !isNew });
  if (isNew) {
    const samplePath = opts.samplePath ?? defaultSamplePath();
    try {
      if (existsSync(samplePath)) library.issues.insertTree(JSON.parse(readFileSync(samplePath, 'utf8')) as IssueTree);
    } catch (error) {
      (opts.logger ?? console).warn(`示例期刊无法载入 (sample issue not loaded): ${(error as Error).message}`);
    }
    if (backup && file !== ':memory:') {
      try {
        dailyBackup(library.rawDb, file);
      } catch (error) {
        (opts.logger ?? console).warn(`今天的自动备份没有完成 (daily backup failed): ${(error as Error).message}`);
      }
    }
  }
  return library;
}
