import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/station.ts';
import { station } from '../helpers/station-cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('station catalog', () => {
  it('search lnyd --json lists 老年优待证 first, as {code, name, score}', () => {
    const r = station(['catalog', 'search', 'lnyd', '--json', '--data-dir', tempDir()]);
    expect(r.status).toBe(0);
    const hits = JSON.parse(r.stdout) as { code: string; name: string; score: number }[];
    expect(hits[0]!.name).toContain('老年优待证');
    expect(Object.keys(hits[0]!).sort()).toEqual(['code', 'name', 'score']);
  });

  it('search yljz finds 医疗救助申请 first', () => {
    const hits = JSON.parse(station(['catalog', 'search', 'yljz', '--json', '--data-dir', tempDir()]).stdout);
    expect(hits[0].name).toBe('医疗救助申请');
  });

  it('an empty or 10,000-character query exits 2 with one line on stderr', () => {
    const dir = tempDir();
    for (const q of ['', 'a'.repeat(10_000)]) {
      const r = station(['catalog', 'search', q, '--data-dir', dir]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('bad usage exits 2', () => {
    expect(station(['catalog', 'search']).status).toBe(2);
    expect(station(['catalog', 'search', 'x', '--nope']).status).toBe(2);
    expect(station(['no-such-command']).status).toBe(2);
  });

  it('export then import of a newer version round-trips; a bad file lists every bad field and changes nothing', () => {
    const dir = tempDir();
    const exported = join(dir, 'catalog.json');
    expect(station(['catalog', 'export', exported, '--data-dir', dir]).status).toBe(0);
    const catalog = JSON.parse(readFileSync(exported, 'utf8'));

    const bad = structuredClone(catalog);
    bad.version = '2099.1.1';
    bad.matters[2].name = '';
    bad.matters[5].materials[0].requirement = 'maybe';
    bad.matters[7].unknownField = true;
    const badFile = join(dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    const db = join(dir, DATABASE_FILE);
    const before = sha(db);
    const r = station(['catalog', 'import', badFile, '--data-dir', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('matters[2].name');
    expect(r.stderr).toContain('matters[5].materials[0].requirement');
    expect(r.stderr).toContain('matters[7]');
    expect(sha(db)).toBe(before);

    writeFileSync(join(dir, 'cut.json'), readFileSync(exported, 'utf8').slice(0, 500));
    expect(station(['catalog', 'import', join(dir, 'cut.json'), '--data-dir', dir]).stderr).toMatch(/not valid JSON/);

    const newer = structuredClone(catalog);
    newer.version = '2099.1.1';
    newer.matters[0].shortName = '新简称';
    writeFileSync(join(dir, 'newer.json'), JSON.stringify(newer));
    expect(station(['catalog', 'import', join(dir, 'newer.json'), '--data-dir', dir]).status).toBe(0);
    const after = JSON.parse(station(['catalog', 'export', '--data-dir', dir]).stdout);
    expect(after.version).toBe('2099.1.1');
    expect(after.matters[0].shortName).toBe('新简称');
    expect(station(['catalog', 'import', exported, '--data-dir', dir]).status).toBe(2);
  });

  it('a corrupt database is reported, exit 1, and left as it was', () => {
    const dir = tempDir();
    const db = join(dir, DATABASE_FILE);
    writeFileSync(db, Buffer.alloc(4096, 0x42));
    const r = station(['catalog', 'search', 'lnyd', '--data-dir', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/db\.corrupt/);
    expect(readFileSync(db).every((b) => b === 0x42)).toBe(true);
  });
});
