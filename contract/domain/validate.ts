import type { z } from 'zod';
import { ValidationError } from './errors.ts';

/** `matters[3].materials[0].name`: the path of an issue as a person reads it. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/** Parses with a schema; on failure throws one ValidationError that lists every bad field with its path. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(
    what,
    result.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })),
  );
}
