import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, translate, type Locale, type MessageTable } from '../../contract/domain/messages.ts';
import { assetPath } from './paths.ts';

let tables: Record<Locale, MessageTable> | undefined;

/** The message catalogue: every assets/messages/<locale>/*.json merged into one table per locale. */
export function messageTables(): Record<Locale, MessageTable> {
  if (tables) return tables;
  const loaded = {} as Record<Locale, MessageTable>;
  for (const locale of LOCALES) {
    const dir = assetPath('messages', locale);
    const table: MessageTable = {};
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      Object.assign(table, JSON.parse(readFileSync(join(dir, file), 'utf8')) as MessageTable);
    }
    loaded[locale] = table;
  }
  tables = loaded;
  return loaded;
}

export function message(code: string, params?: Record<string, string | number>, locale: Locale = 'zh-CN'): string {
  return translate(messageTables(), locale, code, params);
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * A lookup for printed documents that fails loudly on a missing key or parameter: a printed form with a raw key
 * on it is worse than no form.
 */
export function strictTranslator(locale: Locale): Translate {
  const table = messageTables()[locale];
  return (key, params = {}) => {
    const template = table[key];
    if (template === undefined) throw new Error(`missing message ${key} (${locale})`);
    return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
      if (!Object.hasOwn(params, name)) throw new Error(`message ${key} needs {${name}}`);
      return String(params[name]);
    });
  };
}
