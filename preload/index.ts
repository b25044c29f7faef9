/**
 * Preload (sandboxed, context-isolated): exposes `window.gazette` with one function per contract channel,
 * which sends the call to main over one IPC name, plus `onEvent` for the contract's events. Nothing else:
 * no ipcRenderer, no Node, no environment.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { contract } from '../common/ipc/index';
import { channelFunctionName, IPC_CALL, IPC_EVENT } from '../common/ipc/names';

const api: Record<string, unknown> = {};
for (const channel of Object.keys(contract)) {
  api[channelFunctionName(channel)] = (input: unknown) => ipcRenderer.invoke(IPC_CALL, channel, input);
}
api.onEvent = (listener: (event: { channel: string; payload: unknown }) => void) => {
  const wrapped = (_: IpcRendererEvent, event: { channel: string; payload: unknown }) => listener(event);
  ipcRenderer.on(IPC_EVENT, wrapped);
  return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
};

contextBridge.exposeInMainWorld('gazette', Object.freeze(api));
