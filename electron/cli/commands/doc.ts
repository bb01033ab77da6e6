import { writeFileSync } from 'node:fs';
import type { CaseDocumentKind } from '../../core/cases/case-documents.ts';
import { asOperator } from '../operator.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { needPositionals, parse } from '../options.ts';
import { withStation } from '../open.ts';

const KINDS: CaseDocumentKind[] = ['receipt', 'rongque', 'mandate'];

export const docCommand: Command = {
  path: ['doc'],
  usage: `station doc ${KINDS.join('|')} <case-no> -o <file> [--data-dir DIR]`,
  async run(args, io) {
    const { values, positionals } = parse(args, { output: { type: 'string', short: 'o' }, 'data-dir': { type: 'string' } }, this.usage);
    needPositionals(positionals, 2, this.usage);
    const [kind, caseNo] = positionals as [CaseDocumentKind, string];
    if (!KINDS.includes(kind)) throw new UsageError(`unknown document ${kind}\nusage: ${this.usage}`);
    if (!values.output) throw new UsageError(`missing -o <file>\nusage: ${this.usage}`);
    const output = values.output;
    return withStation(values['data-dir'], async (station) => {
      const pdf = Buffer.from((await asOperator(station, 'docRender', { caseNo, document: kind })).pdf, 'base64');
      writeFileSync(output, pdf);
      io.out(`${output} (${pdf.length} bytes)`);
      return 0;
    });
  },
};
