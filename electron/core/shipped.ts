import { readFileSync } from 'node:fs';
import { parseOrThrow } from '../../contract/domain/validate.ts';
import { WorkingCalendar } from '../../contract/domain/calendar/working-calendar.ts';
import { readCatalogFile } from './catalog/catalog-file.ts';
import { SynonymFile, type SynonymTable } from './catalog/search-index.ts';
import { assetPath } from './paths.ts';

export function shippedCatalog() {
  return readCatalogFile(assetPath('catalog', 'catalog.json'));
}

export function shippedSynonyms(): SynonymTable {
  const { $schema: _schema, ...table } = parseOrThrow(
    SynonymFile,
    JSON.parse(readFileSync(assetPath('catalog', 'synonyms.json'), 'utf8')),
    'assets/catalog/synonyms.json',
  );
  return table as SynonymTable;
}

/** China's holidays and make-up working days as shipped; the township publishes newer ones. */
export function shippedCalendar(): WorkingCalendar {
  const file = assetPath('calendar', 'holidays-cn.json');
  return WorkingCalendar.fromJSON(readFileSync(file, 'utf8'), file);
}
