import type { Channel, ChannelInput, ChannelOutput } from '../../common/ipc/index';
import type { HandlerDeps } from './deps';

/** A handler implements one channel: plain function, no SQL, no electron. */
export type Handler<C extends Channel> = (deps: HandlerDeps, input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** Handlers of a set of channels, e.g. one area's. */
export type HandlerTable<C extends Channel> = { [K in C]: Handler<K> };
