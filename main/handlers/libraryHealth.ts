/** Handlers of library.status and library.restore (common/ipc/libraryHealth.ts). */
import type { libraryHealthChannels } from '../../common/ipc/libraryHealth';
import { listBackups, StoreError } from '../store/index';
import type { HandlerTable } from './types';

export const libraryHealthHandlers: HandlerTable<keyof typeof libraryHealthChannels> = {
  'library.status': (deps) => ({
    readOnly: deps.library.readOnly,
    backups: deps.library.file === ':memory:' ? [] : listBackups(deps.library.file).map((b) => ({ day: b.day, size: b.size })),
  }),
  'library.restore': (deps, { day }) => {
    if (!deps.restoreLibrary) throw new StoreError('invalid', '这里不能恢复资料库，请使用 gazette restore 命令 (restore is not available here)');
    return deps.restoreLibrary(day);
  },
};
