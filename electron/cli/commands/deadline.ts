import { StationError } from '../../../contract/domain/errors.ts';
import { cliText } from '../cli-text.ts';
import { asOperator } from '../operator.ts';
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
  usage:
    'station deadline <YYYY-MM-DD> <N> [--json] [--data-dir DIR]   (N working days after intake; 0 = 即办; 预计 past the official calendar)',
  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, this.usage);
    needPositionals(positionals, 2, this.usage);
    const [start, n] = positionals as [string, string];
    if (!/^\d{1,3}$/.test(n)) throw new BadDaysError(n);
    return withStation(values['data-dir'], async (station) => {
      const due = await asOperator(station, 'deadline', { from: start, days: Number(n) });
      if (values.json) io.out(JSON.stringify({ due: due.date, provisional: due.provisional }));
      else io.out(due.provisional ? cliText('cli.deadline.provisional', { date: due.date }) : due.date);
      return 0;
    });
  },
};
