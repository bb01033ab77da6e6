import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StationError } from '../../../contract/domain/errors.ts';
import { resolveDataDir } from '../../core/data-dir.ts';
import { rendererDistDir } from '../../core/paths.ts';
import { openStation } from '../../core/station.ts';
import { checkToken, startWebServer } from '../../transport/http-server.ts';
import type { Command } from '../command.ts';
import { needPositionals, parse } from '../options.ts';
import { UsageError } from '../command.ts';

class RendererNotBuiltError extends StationError {
  constructor(dir: string) {
    super('serve.renderer-missing', `the kiosk screens are not built in ${dir}: run npm run build`, { params: { dir } });
  }
}

export const serve: Command = {
  path: ['serve'],
  usage: 'station serve [--port N] [--data-dir DIR] [--simulate]',
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      { port: { type: 'string' }, 'data-dir': { type: 'string' }, simulate: { type: 'boolean' } },
      this.usage,
    );
    needPositionals(positionals, 0, this.usage);
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`bad port ${values.port}`);
    // Before anything starts: a bad token stops the command at once.
    checkToken(process.env.STATION_TOKEN);
    const rendererDir = rendererDistDir();
    if (!existsSync(join(rendererDir, 'index.html'))) throw new RendererNotBuiltError(rendererDir);

    const dataDir = resolveDataDir(values['data-dir']);
    const station = openStation({ dataDir, mode: 'web' });
    station.startDevices({ simulate: values.simulate ?? false });
    station.startSync();
    const server = await startWebServer(station, { port, rendererDir, token: process.env.STATION_TOKEN });
    io.out(`station ready: ${server.url}`);
    io.out(`kiosk: chromium --kiosk --app='${server.url}'`);
    io.out(`data: ${dataDir}`);
    const stop = () => {
      void server
        .close()
        .then(() => station.close())
        .finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 'keep-running';
  },
};
