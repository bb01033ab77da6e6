import { writeFileSync } from 'node:fs';
import { asOperator } from '../operator.ts';
import type { Command } from '../command.ts';
import { needPositionals, parse } from '../options.ts';
import { UsageError } from '../command.ts';
import { withStation } from '../open.ts';

export const guidePdfCommand: Command = {
  path: ['guide', 'pdf'],
  usage: 'station guide pdf <code> -o <file> [--data-dir DIR]',
  async run(args, io) {
    const { values, positionals } = parse(args, { output: { type: 'string', short: 'o' }, 'data-dir': { type: 'string' } }, this.usage);
    needPositionals(positionals, 1, this.usage);
    if (!values.output) throw new UsageError(`missing -o <file>\nusage: ${this.usage}`);
    const output = values.output;
    return withStation(values['data-dir'], async (station) => {
      const pdf = Buffer.from((await asOperator(station, 'guideDocument', { code: positionals[0]! })).pdf, 'base64');
      writeFileSync(output, pdf);
      io.out(`${output} (${pdf.length} bytes)`);
      return 0;
    });
  },
};
