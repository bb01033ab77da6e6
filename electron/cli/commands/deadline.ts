import { StationError } from '../../contract/errors.ts';
import type { Command } from '../command.ts';
import { needPositionals, parse } from '../options.ts';
import { withStation } from '../open.ts';

class BadDaysError extends StationError {
  constructor(text: string) {
    super('cli.bad-days', `not a whole number of working days: ${text}`, { params: { text: text.slice(0, 20) }, kind: 'input' });
  }
}

export const deadline: Command = {
  path: ['deadline'],
  usage: 'station deadline <YYYY-MM-DD> <N> [--data-dir DIR]   (N working days after intake; 0 = 即办, the same day)',
  async run(args, io) {
    const { values, positionals } = parse(args, { 'data-dir': { type: 'string' } }, this.usage);
    needPositionals(positionals, 2, this.usage);
    const [start, n] = positionals as [string, string];
    if (!/^\d{1,3}$/.test(n)) throw new BadDaysError(n);
    return withStation(values['data-dir'], (station) => {
      io.out(station.calendar.current.addWorkingDays(start, Number(n)));
      return 0;
    });
  },
};
