import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testClock } from '../../helpers/clock.ts';
import { openDatabase } from '../../../db/open.ts';
import { StationData } from '../../../db/station-data.ts';
import { ValidationError } from '../../../contract/domain/errors.ts';
import { parseCatalog } from '../../../electron/core/catalog/catalog-file.ts';
import { CatalogService, QueryError, UnknownMatterError } from '../../../electron/core/catalog/catalog-service.ts';
import { CatalogVersionError } from '../../../electron/core/catalog/catalog-store.ts';
import { compareVersions } from '../../../contract/domain/versions.ts';
import { migrationsDir } from '../../../electron/core/paths.ts';
import { testCatalog, testMatter } from '../../helpers/catalog.ts';
import { tempDir } from '../../helpers/tmp.ts';

const v1 = testCatalog('2026.1.1', [testMatter('430000-MZ-9001', '老年优待证办理', '老年优待证')]);
const v2 = testCatalog('2026.10.1', [
  testMatter('430000-MZ-9001', '老年优待证办理', '老年优待证'),
  testMatter('430000-MZ-9002', '高龄津贴申领', '高龄津贴'),
]);

function open(dir: string) {
  return openDatabase(join(dir, 'station.db'), { migrationsDir: migrationsDir() });
}

describe('catalogue versions', () => {
  it('compares part by part as numbers', () => {
    expect(compareVersions('2026.10.1', '2026.9.3')).toBe(1);
    expect(compareVersions('2026.1.1', '2026.1.1')).toBe(0);
    expect(compareVersions('2025.12.9', '2026.1.1')).toBe(-1);
  });
});

describe('CatalogService', () => {
  it('takes the shipped catalogue on a fresh station and keeps a newer stored one', () => {
    const dir = tempDir();
    const db = open(dir);
    const first = new CatalogService({ db: new StationData(db), shipped: v1, synonyms: {}, clock: testClock });
    expect(first.current().version).toBe('2026.1.1');
    first.install(v2, 'township');
    // The app restarts with the old shipped catalogue: the newer one from the township stays.
    const again = new CatalogService({ db: new StationData(db), shipped: v1, synonyms: {}, clock: testClock });
    expect(again.current().version).toBe('2026.10.1');
    expect(again.list().map((m) => m.code)).toEqual(['430000-MZ-9001', '430000-MZ-9002']);
    db.close();
  });

  it('replaces only with a newer version, and tells listeners', () => {
    const db = open(tempDir());
    const service = new CatalogService({ db: new StationData(db), shipped: v1, synonyms: {}, clock: testClock });
    const seen: string[] = [];
    service.onUpdated((v) => seen.push(v));
    expect(service.install(v2, 'township')).toBe(true);
    expect(service.install(v2, 'township')).toBe(false);
    expect(() => service.install(v1, 'township')).toThrow(CatalogVersionError);
    const changed = { ...v2, publisher: '另一个发布者' };
    expect(() => service.install(changed, 'township')).toThrow(/cannot replace/);
    expect(seen).toEqual(['2026.10.1']);
    expect(service.search('gljt')[0]!.code).toBe('430000-MZ-9002');
    db.close();
  });

  it('rejects a corrupt catalogue listing every bad field, and changes nothing', () => {
    const db = open(tempDir());
    const service = new CatalogService({ db: new StationData(db), shipped: v1, synonyms: {}, clock: testClock });
    const bad = structuredClone(v2) as unknown as { matters: Record<string, unknown>[]; version: string };
    bad.version = '2027.1.1';
    bad.matters[0]!.code = 'bad code';
    bad.matters[1]!.timeLimit = { kind: 'working-days', days: 0 };
    delete bad.matters[1]!.fees;
    let error: unknown;
    try {
      parseCatalog(JSON.stringify(bad), 'bad.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['matters[0].code', 'matters[1].timeLimit.days', 'matters[1].fees']));
    expect(() => parseCatalog('{"version": ', 'cut.json')).toThrow(/not valid JSON/);
    expect(service.current().version).toBe('2026.1.1');
    db.close();
  });

  it('gives typed errors for an unknown code, an empty query and an overlong one', () => {
    const db = open(tempDir());
    const service = new CatalogService({ db: new StationData(db), shipped: v1, synonyms: {}, clock: testClock });
    expect(() => service.guide('430000-XX-0000')).toThrow(UnknownMatterError);
    expect(() => service.search('   ')).toThrow(QueryError);
    expect(() => service.search('l'.repeat(10_000))).toThrow(/10000 characters/);
    db.close();
  });

  it('counts matters per life event', () => {
    const db = open(tempDir());
    const service = new CatalogService({ db: new StationData(db), shipped: v2, synonyms: {}, clock: testClock });
    expect(service.lifeEvents()).toEqual([{ id: 'elderly', name: '养老', nameEn: 'Old age', icon: '👴', count: 2 }]);
    expect(service.list('elderly')).toHaveLength(2);
    db.close();
  });
});
