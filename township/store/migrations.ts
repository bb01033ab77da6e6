import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** township/migrations/<backend>/NNNN-name.sql, in order; numbers must run 1, 2, 3 … without a gap. */
export function migrations(backend: 'sqlite' | 'pg'): Migration[] {
  const dir = fileURLToPath(new URL(`../migrations/${backend}/`, import.meta.url));
  const list = readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 4)), name, sql: readFileSync(dir + name, 'utf8') }));
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`township migrations (${backend}): expected ${i + 1}, found ${m.name}`);
  });
  return list;
}
