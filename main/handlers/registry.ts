/**
 * Every channel's handler, one spread line per area. The type makes a missing or misnamed handler a
 * compile error. Hosts never call these directly: they go through `handleCall` (call.ts).
 */
import type { Channel } from '../../common/ipc/index';
import { exportHandlers } from './export';
import { importTextHandlers } from './importText';
import { libraryHandlers } from './library';
import type { HandlerTable } from './types';

export const handlers: HandlerTable<Channel> = {
  ...libraryHandlers,
  ...importTextHandlers,
  ...exportHandlers,
};
