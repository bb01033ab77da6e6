import { cliText } from '../cli-text.ts';
import { asOperator } from '../operator.ts';
import type { Command } from '../command.ts';
import { needPositionals, parse } from '../options.ts';
import { withStation } from '../open.ts';

export const doctor: Command = {
  path: ['doctor'],
  usage: 'station doctor [--json] [--simulate] [--data-dir DIR]   (devices, and how far the holiday calendar reaches)',
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      { json: { type: 'boolean' }, simulate: { type: 'boolean' }, 'data-dir': { type: 'string' } },
      this.usage,
    );
    needPositionals(positionals, 0, this.usage);
    return withStation(values['data-dir'], async (station) => {
      const devices = station.startDevices({ simulate: values.simulate ?? false });
      await devices.whenReady();
      // The face model loads in the background; the doctor reports how that went, not that it is still going.
      await devices.api.faceSettled();
      const list = await asOperator(station, 'devicesList', {});
      const calendar = await asOperator(station, 'calendarStatus', {});
      if (values.json) {
        io.out(JSON.stringify({ devices: list, calendar }));
        return 0;
      }
      for (const d of list) {
        const error = d.lastError ? ` · ${cliText(d.lastError.code, d.lastError.params)}` : '';
        const roles = d.roles.length > 0 ? ` [${d.roles.join(', ')}]` : '';
        io.out(`${d.kind.padEnd(8)} ${cliText(`devices.state.${d.state}`).padEnd(4)} ${d.name}${roles}${d.detail ? ` (${d.detail})` : ''}${error}`);
      }
      io.out(cliText('cli.doctor.calendar', { version: calendar.version, officialThrough: calendar.officialThrough }));
      if (calendar.warning) io.out(cliText('cli.doctor.calendarWarning', { warnFrom: calendar.warnFrom }));
      return 0;
    });
  },
};
