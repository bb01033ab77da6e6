import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LifeEventId } from '../../contract/domain/catalog.ts';
import { readCatalogFile } from '../../electron/core/catalog/catalog-file.ts';
import { assetPath } from '../../electron/core/paths.ts';
import { shippedSynonyms } from '../../electron/core/shipped.ts';
import { generatedSchemas, schemaText } from '../../scripts/gen-schemas.ts';

const catalog = readCatalogFile(assetPath('catalog', 'catalog.json'));
const byName = (part: string) => catalog.matters.find((m) => m.name.includes(part));

describe('the shipped catalogue', () => {
  it('holds at least 60 valid matters with unique codes', () => {
    expect(catalog.matters.length).toBeGreaterThanOrEqual(60);
    expect(new Set(catalog.matters.map((m) => m.code)).size).toBe(catalog.matters.length);
  });

  it('covers every life event', () => {
    for (const id of LifeEventId.options) {
      expect(catalog.matters.filter((m) => m.lifeEvents.includes(id)).length, id).toBeGreaterThanOrEqual(3);
    }
  });

  it('holds every matter the seed documents name', () => {
    for (const name of [
      '老年优待证',
      '医疗救助',
      '居民身份证',
      '社会保障卡',
      '最低生活保障',
      '失业登记',
      '就业创业证',
      '农机购置',
      '危房改造',
      '宅基地使用权及房屋所有权登记',
      '施工许可',
    ]) {
      expect(byName(name), name).toBeDefined();
    }
  });

  it('follows the 衡阳 template for 老年优待证 and 医疗救助', () => {
    const elderly = byName('老年优待证')!;
    expect(elderly.timeLimit).toEqual({ kind: 'immediate' });
    expect(elderly.fees.free).toBe(true);
    expect(elderly.level).toBe('village');
    expect(elderly.conditions.join()).toMatch(/65/);
    const aid = byName('医疗救助')!;
    expect(aid.timeLimit).toEqual({ kind: 'working-days', days: 10 });
    expect(aid.fees.free).toBe(true);
    expect(aid.steps.map((s) => s.name).join()).toMatch(/公示/);
  });

  it('gives every exemption a reason, and a source for every database look-up', () => {
    for (const m of catalog.matters) {
      for (const mat of m.materials) {
        for (const e of mat.exemptions) {
          expect(e.reason.length, `${m.code} ${mat.id}`).toBeGreaterThan(3);
          if (e.kind === 'database-lookup') expect(e.source, `${m.code} ${mat.id}`).toBeTruthy();
        }
      }
    }
  });

  it('has synonyms that parse', () => {
    expect(shippedSynonyms()['低保']).toEqual(['最低生活保障']);
  });

  it('ships JSON schemas that match the code', () => {
    for (const [file, make] of Object.entries(generatedSchemas)) {
      expect(readFileSync(file, 'utf8'), `${file} is stale: run npx tsx scripts/gen-schemas.ts`).toBe(schemaText(make));
    }
  });
});
