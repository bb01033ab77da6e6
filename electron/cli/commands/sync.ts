import { asOperator } from '../operator.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { needPositionals, parse } from '../options.ts';
import { withStation } from '../open.ts';

export const enroll: Command = {
  path: ['enroll'],
  usage: 'station enroll --server <url> --code <one-time code> [--data-dir DIR]',
  async run(args, io) {
    const { values, positionals } = parse(args, { server: { type: 'string' }, code: { type: 'string' }, 'data-dir': { type: 'string' } }, this.usage);
    needPositionals(positionals, 0, this.usage);
    if (!values.server || !values.code) throw new UsageError(`--server and --code are needed\nusage: ${this.usage}`);
    let url: URL;
    try {
      url = new URL(values.server);
    } catch {
      throw new UsageError(`not a URL: ${values.server}`);
    }
    return withStation(values['data-dir'], async (station) => {
      const linked = await asOperator(station, 'syncEnroll', { server: url.href, code: values.code! });
      io.out(`enrolled as ${linked.stationId}: ${linked.village} / ${linked.grid}`);
      return 0;
    });
  },
};

export const syncCommand: Command = {
  path: ['sync'],
  usage: 'station sync [--once] [--json] [--data-dir DIR]   |   station sync status --json',
  async run(args, io) {
    const { values, positionals } = parse(args, { once: { type: 'boolean' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, this.usage);
    if (positionals.length > 1 || (positionals[0] !== undefined && positionals[0] !== 'status')) throw new UsageError(`usage: ${this.usage}`);
    return withStation(values['data-dir'], async (station) => {
      if (positionals[0] === 'status') {
        const status = await asOperator(station, 'syncStatus', {});
        if (values.json) io.out(JSON.stringify(status));
        else io.out(`${status.enrolled ? status.stationId : 'not enrolled'} · pending ${status.pending} · conflicts ${status.conflicts} · last sync ${status.lastSyncAt ?? 'never'}`);
        return 0;
      }
      // --once is what this command does; the station syncs by itself while it serves its screens.
      const result = await asOperator(station, 'syncRun', {});
      if (values.json) io.out(JSON.stringify(result));
      else io.out(`pushed ${result.pushed} (duplicates ${result.duplicates}, conflicts ${result.conflicts}), uploaded ${result.uploaded}, pulled ${result.pulled}, pending ${result.pending}`);
      return 0;
    });
  },
};
