import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageTables } from '../../electron/core/messages.ts';
import { appRoot } from '../../electron/core/paths.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Error codes as the code writes them: `super('x.y', …)`, and the members of code unions like `'a.b' | 'c.d'`. */
function errorCodesInSource(): Set<string> {
  const codes = new Set<string>();
  const patterns = [/super\(\s*'([a-z][\w-]*\.[\w.-]+)'/g, /'([a-z][\w-]*\.[a-z][\w.-]*)'\s*\|/g, /\|\s*'([a-z][\w-]*\.[a-z][\w.-]*)'/g];
  for (const dir of ['electron', 'db', 'native']) {
    for (const file of sourceFiles(join(appRoot(), dir))) {
      const text = readFileSync(file, 'utf8');
      for (const p of patterns) for (const m of text.matchAll(p)) codes.add(m[1]!);
    }
  }
  return codes;
}

describe('the message catalogue', () => {
  const tables = messageTables();

  it('has the same keys in zh-CN and en', () => {
    expect(Object.keys(tables.en).sort()).toEqual(Object.keys(tables['zh-CN']).sort());
  });

  it('has a Chinese message for every error code the code can raise', () => {
    const missing = [...errorCodesInSource()].filter((c) => !(c in tables['zh-CN']) && !c.endsWith('.ts'));
    expect(missing).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(tables['zh-CN'])) {
      expect(placeholders(tables.en[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('has no empty message', () => {
    for (const [key, text] of Object.entries(tables['zh-CN'])) expect(text.trim(), key).not.toBe('');
  });
});
