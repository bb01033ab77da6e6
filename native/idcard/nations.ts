/** Nation codes (民族) of the resident ID card; the table is data in assets/idcard/nations.json. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { assetPath } from '../app-paths.ts';

export const NATIONS_FILE = assetPath('idcard', 'nations.json');

const NationsFile = z.object({ nations: z.record(z.string().regex(/^\d{2}$/), z.string().min(1)) });

let table: Readonly<Record<string, string>> | undefined;

function nations(): Readonly<Record<string, string>> {
  table ??= NationsFile.parse(JSON.parse(readFileSync(NATIONS_FILE, 'utf8'))).nations;
  return table;
}

/** The name printed on the card for a two-digit code, or undefined for a code GB 3304 does not have. */
export function nationName(code: string): string | undefined {
  const all = nations();
  return Object.hasOwn(all, code) ? all[code] : undefined;
}

export function nationCodes(): string[] {
  return Object.keys(nations());
}
