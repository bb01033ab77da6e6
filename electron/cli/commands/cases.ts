import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { needPositionals, parse } from '../options.ts';
import { withStation } from '../open.ts';

const VIEWS = ['today', 'due-soon', 'overdue', 'owed', 'recent'] as const;
type View = (typeof VIEWS)[number];

export const caseList: Command = {
  path: ['case', 'list'],
  usage: `station case list [--view ${VIEWS.join('|')}] [--json] [--data-dir DIR]`,
  async run(args, io) {
    const { values, positionals } = parse(args, { view: { type: 'string' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, this.usage);
    needPositionals(positionals, 0, this.usage);
    const view = (values.view ?? 'recent') as View;
    if (!VIEWS.includes(view)) throw new UsageError(`unknown view ${values.view}\nusage: ${this.usage}`);
    return withStation(values['data-dir'], (station) => {
      const list = station.cases.list(view, 0, 1000);
      if (values.json) io.out(JSON.stringify(list));
      else for (const c of list) io.out(`${c.caseNo}  ${c.state.padEnd(20)} 办结 ${c.dueDate}  ${c.matterName}  ${c.applicantName}${c.owed > 0 ? `  容缺 ${c.owed}` : ''}`);
      return 0;
    });
  },
};

export const caseShow: Command = {
  path: ['case', 'show'],
  usage: 'station case show <case-no> [--json] [--data-dir DIR]',
  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, this.usage);
    needPositionals(positionals, 1, this.usage);
    return withStation(values['data-dir'], (station) => {
      const detail = station.cases.get(positionals[0]!, null);
      if (values.json) {
        io.out(JSON.stringify(detail));
        return 0;
      }
      const s = detail.summary;
      io.out(`${s.caseNo}  ${s.matterName} (${s.matterCode})`);
      io.out(`申请人 ${detail.applicant.name}  状态 ${s.state}  受理 ${s.receivedAt}  承诺办结 ${s.dueDate}`);
      for (const m of detail.materials) io.out(`  材料 ${m.name}: ${m.status}${m.dueDate ? ` (补交 ${m.dueDate})` : ''}${m.pages.length ? ` ${m.pages.length} 页` : ''}`);
      for (const e of detail.history) io.out(`  #${e.seq} ${e.at} ${e.type} → ${e.state}`);
      return 0;
    });
  },
};
