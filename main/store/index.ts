export { openLibrary, type Library, type LibraryOptions } from './library';
export { sqliteCode, StoreError, storeErrorFromSqlite, type StoreErrorCode } from './errors';
export { APPLICATION_ID, isNetworkFsType, isOnNetworkShare, looksLikeNetworkPath, type Logger } from './db';
export { LATEST_VERSION } from './migrations/index';
export type * from './types';
export { BACKUPS_KEPT, backupDir, dailyBackup, listBackups, newestGoodBackup, restoreBackup, type BackupInfo, type RestoreResult } from './backups';
