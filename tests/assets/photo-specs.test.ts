import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PhotoSpecsSchema } from '../../contract/domain/photo-spec.ts';
import { readCatalogFile } from '../../electron/core/catalog/catalog-file.ts';
import { assetPath } from '../../electron/core/paths.ts';

const specs = PhotoSpecsSchema.parse(JSON.parse(readFileSync(assetPath('photo', 'specs.json'), 'utf8')));
const byId = new Map(specs.specs.map((s) => [s.id, s]));
const catalog = readCatalogFile(assetPath('catalog', 'catalog.json'));

describe('the 证件照 specs', () => {
  it('hold the sizes the issue lists, in millimetres', () => {
    const sizes = specs.specs.map((s) => `${s.name} ${s.widthMm}×${s.heightMm}`);
    expect(sizes).toEqual(
      expect.arrayContaining(['小一寸 22×32', '一寸 25×35', '大一寸 33×48', '小二寸 35×45', '二寸 35×49', '二寸（35×53） 35×53', '身份证 26×32']),
    );
  });

  it('give each size its pixels at its print resolution', () => {
    for (const s of specs.specs) {
      expect(Math.abs(s.widthPx - (s.widthMm * s.dpi) / 25.4), s.id).toBeLessThanOrEqual(0.5);
      expect(Math.abs(s.heightPx - (s.heightMm * s.dpi) / 25.4), s.id).toBeLessThanOrEqual(0.5);
    }
    // GA 461-2004 states its own pixels: 358 × 441 at 350 dpi.
    expect(byId.get('id-card')).toMatchObject({ widthPx: 358, heightPx: 441, dpi: 350, backgrounds: ['white'] });
  });

  it('puts the eye line inside the head: below the crown gap, above the chin', () => {
    for (const s of specs.specs) {
      const crownMax = s.crownGap?.[1] ?? 1 - s.headHeight[1];
      expect(s.eyeLine[0], s.id).toBeGreaterThan(s.crownGap?.[0] ?? 0);
      expect(s.eyeLine[1], s.id).toBeLessThan(crownMax + s.headHeight[1]);
      expect(s.headHeight[1] + (s.crownGap?.[0] ?? 0), s.id).toBeLessThanOrEqual(1);
    }
    // GA 461-2004: the eyes at least 207 px above the bottom edge of 441, the face 207 ± 14 px wide of 358.
    const id = byId.get('id-card')!;
    expect(Math.round((1 - id.eyeLine[1]) * 441)).toBe(207);
    expect(id.faceWidth!.map((f) => Math.round(f * 358))).toEqual([193, 221]);
  });

  it('give every background its colour', () => {
    for (const s of specs.specs) for (const b of s.backgrounds) expect(specs.backgrounds[b], `${s.id} ${b}`).toBeDefined();
    expect(specs.backgrounds.red.rgb).toEqual([255, 0, 0]);
    expect(specs.backgrounds.white.rgb).toEqual([255, 255, 255]);
  });
});

describe('photos in the catalogue', () => {
  const photos = catalog.matters.flatMap((m) => m.materials.filter((x) => x.photo).map((x) => ({ matter: m, material: x, photo: x.photo! })));

  it('name a spec that exists, on a background it allows', () => {
    expect(photos.length).toBeGreaterThanOrEqual(3);
    for (const { material, photo } of photos) {
      const spec = byId.get(photo.spec);
      expect(spec, `${material.name}: ${photo.spec}`).toBeDefined();
      if (photo.background) expect(spec!.backgrounds, material.name).toContain(photo.background);
    }
  });

  it('agree with what the material says: 一寸/2寸 and 红底/白底', () => {
    for (const { material, photo } of photos) {
      const spec = byId.get(photo.spec)!;
      if (/1寸|一寸/.test(material.name)) expect(spec.name, material.name).toContain('一寸');
      if (/2寸|二寸/.test(material.name)) expect(spec.name, material.name).toContain('二寸');
      if (material.name.includes('红底')) expect(photo.background, material.name).toBe('red');
      if (material.name.includes('白底')) expect(photo.background, material.name).toBe('white');
    }
    expect(photos.find((p) => p.matter.shortName === '老年优待证')?.photo).toEqual({ spec: '1inch', background: 'red' });
  });
});
