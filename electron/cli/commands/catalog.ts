import { writeFileSync } from 'node:fs';
import { readCatalogFile } from '../../core/catalog/catalog-file.ts';
import { asOperator } from '../operator.ts';
import type { Command } from '../command.ts';
import { needPositionals, parse } from '../options.ts';
import { withStation } from '../open.ts';

const dataDirOption = { 'data-dir': { type: 'string' } } as const;

export const catalogSearch: Command = {
  path: ['catalog', 'search'],
  usage: 'station catalog search <query> [--json] [--limit N] [--data-dir DIR]',
  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, limit: { type: 'string' }, ...dataDirOption }, this.usage);
    needPositionals(positionals, 1, this.usage);
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    return withStation(values['data-dir'], async (station) => {
      const hits = await asOperator(station, 'catalogSearch', { query: positionals[0]!, limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, 100) : 20 });
      if (values.json) io.out(JSON.stringify(hits));
      else for (const h of hits) io.out(`${h.score.toFixed(1).padStart(5)}  ${h.code}  ${h.name}`);
      return 0;
    });
  },
};

export const catalogImport: Command = {
  path: ['catalog', 'import'],
  usage: 'station catalog import <file> [--data-dir DIR]',
  async run(args, io) {
    const { values, positionals } = parse(args, dataDirOption, this.usage);
    needPositionals(positionals, 1, this.usage);
    // Validate the whole file before the database is even opened: a bad file changes nothing.
    const catalog = readCatalogFile(positionals[0]!);
    return withStation(values['data-dir'], async (station) => {
      const { changed } = await asOperator(station, 'catalogImport', { catalog });
      io.out(changed ? `catalogue ${catalog.version} installed (${catalog.matters.length} matters)` : `catalogue ${catalog.version} already active`);
      return 0;
    });
  },
};

export const catalogExport: Command = {
  path: ['catalog', 'export'],
  usage: 'station catalog export [file] [--data-dir DIR]',
  async run(args, io) {
    const { values, positionals } = parse(args, dataDirOption, this.usage);
    if (positionals.length > 1) needPositionals(positionals, 1, this.usage);
    return withStation(values['data-dir'], async (station) => {
      const text = `${JSON.stringify(await asOperator(station, 'catalogExport', {}), null, 2)}\n`;
      if (positionals[0]) writeFileSync(positionals[0], text);
      else io.out(text.trimEnd());
      return 0;
    });
  },
};
