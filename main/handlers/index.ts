/** Contract handlers: hosts (Electron ipcMain, the web bridge, the CLI) call `handleCall`. */
export { handleCall, channels, describeIssues, type CallContext } from './call';
export { handlers } from './registry';
export type { HandlerDeps, HandlerLogger } from './deps';
export type { Handler, HandlerTable } from './types';
