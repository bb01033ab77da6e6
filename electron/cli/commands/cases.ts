import { asOperator } from '../operator.ts';
import type { Command } from '../command.ts';
import { DESK_VIEWS, type DeskView } from '../../../contract/domain/desk-views.ts';
import { cliText } from '../cli-text.ts';
import { UsageError } from '../command.ts';
import { needPositionals, parse } from '../options.ts';
import { withStation } from '../open.ts';

const VIEWS = DESK_VIEWS;
type View = DeskView;

/** Every page of a desk list: the contract serves it a page at a time. */
async function allPages<T>(page: (n: number) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (let n = 0; ; n++) {
    const rows = await page(n);
    all.push(...rows);
    if (rows.length === 0) return all;
  }
}

/** A due date as the CLI prints it: 预计 before a provisional one. */
const dueText = (c: { dueDate: string; dueProvisional: boolean }): string =>
  c.dueProvisional ? cliText('cli.case.dueProvisional', { date: c.dueDate }) : c.dueDate;

export const caseList: Command = {
  path: ['case', 'list'],
  usage: `station case list [--view ${VIEWS.join('|')}] [--json] [--data-dir DIR]`,
  async run(args, io) {
    const { values, positionals } = parse(args, { view: { type: 'string' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, this.usage);
    needPositionals(positionals, 0, this.usage);
    const view = (values.view ?? 'recent') as View;
    if (!VIEWS.includes(view)) throw new UsageError(`unknown view ${values.view}\nusage: ${this.usage}`);
    return withStation(values['data-dir'], async (station) => {
      const list = await allPages((page) => asOperator(station, 'caseList', { view, page }));
      if (values.json) io.out(JSON.stringify(list));
      else {
        for (const c of list) {
          const row = cliText('cli.case.row', { caseNo: c.caseNo, state: c.state, dueDate: dueText(c), matter: c.matterName, applicant: c.applicantName });
          io.out(`${row}${c.owed > 0 ? cliText('cli.case.owed', { owed: c.owed }) : ''}`);
        }
      }
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
    return withStation(values['data-dir'], async (station) => {
      const detail = await asOperator(station, 'caseGet', { caseNo: positionals[0]! });
      if (values.json) {
        io.out(JSON.stringify(detail));
        return 0;
      }
      const s = detail.summary;
      io.out(`${s.caseNo}  ${s.matterName} (${s.matterCode})`);
      io.out(cliText('cli.case.head', { applicant: detail.applicant.name, state: s.state, receivedAt: s.receivedAt, dueDate: dueText(s) }));
      for (const m of detail.materials) {
        const due = m.dueDate ? cliText('cli.case.materialDue', { dueDate: m.dueDate }) : '';
        const pages = m.pages.length ? cliText('cli.case.materialPages', { pages: m.pages.length }) : '';
        io.out(`${cliText('cli.case.material', { name: m.name, status: m.status })}${due}${pages}`);
      }
      for (const e of detail.history) io.out(`  #${e.seq} ${e.at} ${e.type} → ${e.state}`);
      return 0;
    });
  },
};
