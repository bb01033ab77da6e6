import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../contract/domain/errors.ts';
import { LOCALES } from '../../../contract/domain/messages.ts';
import { PRINTER_ERROR_CODES } from '../../../native/printer/errors.ts';
import { loadRolePapers, mediaSizeMm, parseRolePapers, rolesJsonSchema } from '../../../native/printer/roles.ts';
import { printerMessages } from './helpers.ts';

type RolesFile = { roles: Record<'receipt' | 'a4' | 'photo', Record<string, unknown>> };

const schemaFile = new URL('../../../assets/printer/roles.schema.json', import.meta.url);

describe('roles.json', () => {
  it('gives each role its paper', () => {
    expect(loadRolePapers()).toEqual({
      receipt: { media: 'A4', widthMm: 210, heightMm: 297, timeoutSeconds: 120 },
      a4: { media: 'A4', widthMm: 210, heightMm: 297, timeoutSeconds: 120 },
      photo: { media: '4x6', widthMm: 101.6, heightMm: 152.4, timeoutSeconds: 300 },
    });
  });

  it('matches roles.schema.json, which is generated from the zod schema', () => {
    const expected = `${JSON.stringify(rolesJsonSchema(), null, 2)}\n`;
    const regenerate =
      `npx tsx -e "import('./native/printer/roles.ts').then((m) => ` +
      `console.log(JSON.stringify(m.rolesJsonSchema(), null, 2)))" > assets/printer/roles.schema.json`;
    expect(readFileSync(schemaFile, 'utf8'), `out of date; regenerate: ${regenerate}`).toBe(expected);
  });

  it.each([
    ['a paper size that contradicts its media keyword', (f: RolesFile) => void (f.roles.photo.widthMm = 110), 'roles.photo.widthMm'],
    ['an unknown field', (f: RolesFile) => void (f.roles.a4.colour = 'red'), 'roles.a4'],
    ['a missing role', (f: RolesFile) => void delete (f.roles as Partial<RolesFile['roles']>).receipt, 'roles.receipt'],
  ])('refuses %s', (_what, change, path) => {
    const file = JSON.parse(readFileSync(new URL('../../../assets/printer/roles.json', import.meta.url), 'utf8')) as RolesFile;
    change(file);
    const error = (() => {
      try {
        parseRolePapers(file);
      } catch (err) {
        return err;
      }
      throw new Error('parsed');
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([path]);
  });

  it.each([
    ['A4', [210, 297]],
    ['4x6', [101.6, 152.4]],
    ['Custom.101.6x152.4mm', [101.6, 152.4]],
    ['Custom.4x6in', [101.6, 152.4]],
    ['Custom.288x432', [101.6, 152.4]],
    ['w288h432', [101.6, 152.4]],
  ] as const)('knows the size of %s', (media, [w, h]) => {
    const size = mediaSizeMm(media);
    expect(size?.[0]).toBeCloseTo(w, 6);
    expect(size?.[1]).toBeCloseTo(h, 6);
  });

  it('leaves sizes only a PPD knows alone', () => {
    expect(mediaSizeMm('Postcard')).toBeNull();
  });
});

describe('printer messages', () => {
  it('has a message for every error code in every locale, with the same placeholders', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(printerMessages[locale]).sort(), locale).toEqual([...PRINTER_ERROR_CODES].sort());
    }
    for (const code of PRINTER_ERROR_CODES) {
      const placeholders = (locale: (typeof LOCALES)[number]) =>
        [...(printerMessages[locale][code] ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders('en'), code).toEqual(placeholders('zh-CN'));
    }
  });
});
