/**
 * Every channel's handler, one spread line per area. The type makes a missing or misnamed handler a
 * compile error. Hosts never call these directly: they go through `handleCall` (call.ts).
 *
 * Areas whose modules are heavy (export: playwright-core, docx, pdf-lib) are loaded on their first call,
 * so the CLI's import/list/toc/search and the app's start do not pay for them.
 */
import type { Channel } from '../../common/ipc/index';
import { exportChannels } from '../../common/ipc/export';
import { wordImportChannels } from '../../common/ipc/wordImport';
import { publishChannels } from '../../common/ipc/publish';
import { fileImportChannels } from '../../common/ipc/fileImport';
import { volumeChannels } from '../../common/ipc/volume';
import { importTextHandlers } from './importText';
import { libraryHandlers } from './library';
import { libraryHealthHandlers } from './libraryHealth';
import type { Handler, HandlerTable } from './types';

/** Handlers for `channels` that import their module on first use. */
export function lazyArea<C extends Channel>(channels: readonly C[], load: () => Promise<HandlerTable<C>>): HandlerTable<C> {
  let loaded: Promise<HandlerTable<C>> | undefined;
  const table = {} as Record<C, Handler<C>>;
  for (const channel of channels) {
    table[channel] = (async (deps, input) => {
      const area = await (loaded ??= load());
      return (area[channel] as Handler<C>)(deps, input);
    }) as Handler<C>;
  }
  return table as HandlerTable<C>;
}

export const handlers: HandlerTable<Channel> = {
  ...libraryHandlers,
  ...importTextHandlers,
  ...libraryHealthHandlers,
  ...lazyArea(Object.keys(exportChannels) as Array<keyof typeof exportChannels>, () => import('./export').then((m) => m.exportHandlers)),
  ...lazyArea(Object.keys(wordImportChannels) as Array<keyof typeof wordImportChannels>, () =>
    import('./wordImport').then((m) => m.wordImportHandlers),
  ),
  ...lazyArea(Object.keys(publishChannels) as Array<keyof typeof publishChannels>, () => import('./publish').then((m) => m.publishHandlers)),
  ...lazyArea(Object.keys(fileImportChannels) as Array<keyof typeof fileImportChannels>, () =>
    import('./fileImport').then((m) => m.fileImportHandlers),
  ),
  ...lazyArea(Object.keys(volumeChannels) as Array<keyof typeof volumeChannels>, () => import('./volume').then((m) => m.volumeHandlers)),
};
