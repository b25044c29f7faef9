/**
 * `gazette web [--db PATH] [--port N]`: the browser bridge. Serves the built renderer (dist/renderer) and
 * answers the contract over HTTP on 127.0.0.1 with a per-run token. The first line printed is the URL.
 * A new library (no file yet at --db) starts with the sample issue, as the desktop app's does.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createHostServices, handlerServices } from '../hostServices';
import { handleCall } from '../handlers/index';
import { createLibraryHost } from '../libraryHost';
import { createFileLogger } from '../log';
import { appRoot } from '../appRoot';
import { defaultLibraryPath } from '../paths';
import { startWebServer, type WebServer } from '../web/server';
import { CliError, dbOption, parseCommandArgs, type CliContext } from './shared';

export const usage = 'web [--db PATH] [--port N]';

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(argv, { ...dbOption, port: { type: 'string' } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port 须为 0–65535 的整数 (bad port: ${values.port})`, 2);
  const root = path.join(appRoot(), 'dist', 'renderer');
  if (!existsSync(path.join(root, 'index.html'))) throw new CliError(`找不到界面文件，请先运行 npm run build (missing ${root}/index.html)`);

  const file = values.db ? path.resolve(values.db) : defaultLibraryPath(ctx.env);
  // The log file, echoed on stderr.
  const logger = createFileLogger('web', { echo: (line) => ctx.err(line) });
  const host = createLibraryHost(file, { logger });
  const live: { server?: WebServer } = {};
  // One Chromium and layout cache, the Word worker, the files written and the volume job for the bridge's life.
  const services = createHostServices();
  const deps = {
    get library() {
      return host.library;
    },
    logger,
    emit: (event: string, payload: unknown) => live.server?.emit({ channel: event, payload }),
    restoreLibrary: (day?: string) => host.restore(day),
    ...handlerServices(services),
  };
  const server = await startWebServer({ root, port, logger, call: (channel, payload) => handleCall(channel, payload, { deps }) });
  live.server = server;
  ctx.out(server.url);
  ctx.err(`资料库 (library): ${file}`);
  // Start the Word-import worker ahead of the first import, as the desktop app does (loading it takes ~2 s).
  setTimeout(() => void services.docxWorker.prewarm().catch(() => undefined), 10_000).unref();

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await services.stop();
  host.close();
  return 0;
}
