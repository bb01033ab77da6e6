import { StationError } from '../contract/domain/errors.ts';

/** A row that does not have the shape its table promises: a damaged file, never something to read on past. */
export class DatabaseRowError extends StationError {
  constructor(table: string, column: string, why: string) {
    super('db.bad-row', `${table}.${column} ${why}`, { params: { table, column } });
  }
}

/**
 * Typed reads of one row, each column checked as it is taken: the mapping function of every table is written with
 * these, so a damaged row is a DatabaseRowError at the first bad column instead of an undefined field further on.
 */
export class RowReader {
  readonly #table: string;
  readonly #row: Record<string, unknown>;

  constructor(table: string, row: unknown) {
    if (typeof row !== 'object' || row === null) throw new DatabaseRowError(table, '*', 'is not a row');
    this.#table = table;
    this.#row = row as Record<string, unknown>;
  }

  #bad(column: string, why: string): never {
    throw new DatabaseRowError(this.#table, column, why);
  }

  text(column: string): string {
    const v = this.#row[column];
    return typeof v === 'string' ? v : this.#bad(column, 'is not text');
  }

  textOrNull(column: string): string | null {
    return this.#row[column] === null ? null : this.text(column);
  }

  int(column: string): number {
    const v = this.#row[column];
    return typeof v === 'number' && Number.isSafeInteger(v) ? v : this.#bad(column, 'is not an integer');
  }

  intOrNull(column: string): number | null {
    return this.#row[column] === null ? null : this.int(column);
  }

  /** A 0/1 column. */
  flag(column: string): boolean {
    const v = this.int(column);
    return v === 1 ? true : v === 0 ? false : this.#bad(column, 'is not 0 or 1');
  }

  oneOf<const T extends string>(column: string, values: readonly T[]): T {
    const v = this.text(column);
    return (values as readonly string[]).includes(v) ? (v as T) : this.#bad(column, 'is not one of its values');
  }

  oneOfOrNull<const T extends string>(column: string, values: readonly T[]): T | null {
    return this.#row[column] === null ? null : this.oneOf(column, values);
  }

  blob(column: string): Buffer {
    const v = this.#row[column];
    return Buffer.isBuffer(v) ? v : this.#bad(column, 'is not a blob');
  }

  #json(column: string): unknown {
    const text = this.text(column);
    try {
      return JSON.parse(text);
    } catch {
      return this.#bad(column, 'is not JSON');
    }
  }

  /** A JSON text column holding an array of strings. */
  strings(column: string): string[] {
    const parsed = this.#json(column);
    return Array.isArray(parsed) && parsed.every((s) => typeof s === 'string') ? parsed : this.#bad(column, 'is not a list of text');
  }

  /** A JSON text column holding an object. */
  object(column: string): Record<string, unknown> {
    const parsed = this.#json(column);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : this.#bad(column, 'is not a JSON object');
  }
}
