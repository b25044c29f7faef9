/**
 * The open library of a long-running host (the Electron app, the web bridge), which 恢复 can swap for a
 * backup: close it, restore the backup in its place (the current file kept aside), open it again.
 */
import { openAppLibrary, type OpenAppLibraryOptions } from './paths';
import { listBackups, restoreBackup, StoreError, type Library } from './store/index';

export interface LibraryHost {
  readonly library: Library;
  restore(day?: string): { restoredDay: string };
  close(): void;
}

export function createLibraryHost(file: string, opts: OpenAppLibraryOptions = {}, opened?: Library): LibraryHost {
  let library: Library | null = opened ?? openAppLibrary(file, opts);
  return {
    get library(): Library {
      if (!library) throw new StoreError('io', '资料库没有打开 (library not open)');
      return library;
    },
    restore(day) {
      const from = day ? listBackups(file).find((b) => b.day === day)?.file : undefined;
      if (day && !from) throw new StoreError('not-found', `没有 ${day} 的备份 (no backup of that day)`);
      library?.close();
      library = null;
      try {
        const result = restoreBackup(file, { from, nativeBinding: opts.nativeBinding });
        opts.logger?.warn(`资料库已从 ${result.restored.day} 的备份恢复，原文件保留为 ${result.previous ?? '（无）'}`);
        return { restoredDay: result.restored.day };
      } finally {
        library = openAppLibrary(file, opts);
      }
    },
    close() {
      library?.close();
      library = null;
    },
  };
}
