import { readFileSync } from 'node:fs';
import { ROLES, type Role } from '../../../contract/domain/roles.ts';
import { asOperator } from '../operator.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { needPositionals, parse } from '../options.ts';
import { withStation } from '../open.ts';

export const staffAdd: Command = {
  path: ['staff', 'add'],
  usage:
    `station staff add --name <name> --role ${ROLES.join('|')} [--as <admin-id>] [--data-dir DIR]` +
    '   (standard input: the new PIN, then the admin\'s PIN when --as is given; the first account needs no --as)',
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      { name: { type: 'string' }, role: { type: 'string' }, as: { type: 'string' }, 'data-dir': { type: 'string' } },
      this.usage,
    );
    needPositionals(positionals, 0, this.usage);
    const role = values.role as Role;
    if (!values.name || !ROLES.includes(role)) throw new UsageError(`--name and --role are needed\nusage: ${this.usage}`);
    // Never on the command line, where the shell history and the process list would keep it.
    const [pin = '', adminPin = ''] = readFileSync(0, 'utf8').split('\n').map((l) => l.trim());
    return withStation(values['data-dir'], async (station) => {
      const approver = values.as === undefined ? undefined : { staffId: Number(values.as), pin: adminPin };
      const { id } = await asOperator(station, 'staffAdd', { name: values.name!, role, pin, ...(approver && { approver }) });
      io.out(`staff ${id} ${values.name} (${role})`);
      return 0;
    });
  },
};
