import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConflictReason, SyncErrorCode } from '../../contract/api/sync.ts';

const table = (locale: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../assets/messages', locale, 'township.json'), 'utf8')) as Record<string, string>;

describe('messages for what the township says to a station', () => {
  it('explain every refusal and conflict code, in both languages, and nothing else', () => {
    const codes = [...SyncErrorCode.options, ...ConflictReason.options].sort();
    for (const locale of ['zh-CN', 'en']) expect(Object.keys(table(locale)).sort(), locale).toEqual(codes);
  });
});
