/** The preload's function name for a channel: `documents.save` -> `documentsSave`, `search` -> `search`. */
export function channelFunctionName(channel: string): string {
  return channel.replace(/[.:]([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** IPC names used between the preload and main (not contract channels). */
export const IPC_CALL = 'gazette:call';
export const IPC_EVENT = 'gazette:event';
/** The app's own origin in Electron (custom protocol). */
export const APP_ORIGIN = 'app://gazette';
