import { LOCALES, type Locale, type MessageTable } from '../../../contract/domain/messages.ts';

// Every catalogue file of every locale, bundled: the kiosk must show messages with no network and no Node.
const files = import.meta.glob<MessageTable>('../../../assets/messages/*/*.json', { eager: true, import: 'default' });

function buildTables(): Record<Locale, MessageTable> {
  const tables = Object.fromEntries(LOCALES.map((l) => [l, {} as MessageTable])) as Record<Locale, MessageTable>;
  // Sorted like the core's loader, so both merge the files of a locale in the same order.
  for (const path of Object.keys(files).sort()) {
    const locale = path.split('/').at(-2);
    if ((LOCALES as readonly string[]).includes(locale ?? '')) Object.assign(tables[locale as Locale], files[path]);
  }
  return tables;
}

export const messageTables = buildTables();

export function hasMessage(locale: Locale, key: string): boolean {
  return Object.hasOwn(messageTables[locale], key) || Object.hasOwn(messageTables['zh-CN'], key);
}
