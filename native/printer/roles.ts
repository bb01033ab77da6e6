import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseOrThrow } from '../../contract/domain/validate.ts';
import type { RolePapers } from './types.ts';
import { assetPath } from '../app-paths.ts';

/**
 * Which paper each role prints on: data in assets/printer/roles.json, so a station that gets a real receipt printer
 * changes one line instead of code. assets/printer/roles.schema.json is generated from RolesFileSchema (a test keeps
 * the two in step).
 */
export const ROLES_FILE = assetPath('printer', 'roles.json');

/** Paper sizes CUPS knows by name, in mm (PWG 5101.1), for the media keywords a station is likely to use. */
const NAMED_SIZES_MM: Record<string, readonly [number, number]> = {
  A4: [210, 297],
  A5: [148, 210],
  A6: [105, 148],
  Letter: [215.9, 279.4],
  '4x6': [101.6, 152.4],
  '5x7': [127, 177.8],
};

const UNIT_MM: Record<string, number> = { mm: 1, cm: 10, in: 25.4, '': 25.4 / 72 };

/**
 * The size a CUPS media keyword stands for, in mm, or null when only the printer's PPD knows it. Covers the named
 * sizes above, `Custom.WxH[unit]` (no unit means points) and PPD-style `wNNNhMMM` (points).
 */
export function mediaSizeMm(media: string): [number, number] | null {
  const named = NAMED_SIZES_MM[media];
  if (named) return [named[0], named[1]];
  const custom = /^Custom\.(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(mm|cm|in|)$/.exec(media);
  if (custom) {
    const unit = UNIT_MM[custom[3] ?? ''] ?? 1;
    return [Number(custom[1]) * unit, Number(custom[2]) * unit];
  }
  const points = /^w(\d+(?:\.\d+)?)h(\d+(?:\.\d+)?)$/.exec(media);
  if (points) return [(Number(points[1]) * 25.4) / 72, (Number(points[2]) * 25.4) / 72];
  return null;
}

export const RolePaperSchema = z
  .strictObject({
    media: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/)
      .describe('CUPS media keyword passed as lp -o media=…, e.g. A4, 4x6, Custom.80x200mm'),
    widthMm: z.number().positive().max(1000).describe('Paper width in mm; the test page is made this size'),
    heightMm: z.number().positive().max(10000).describe('Paper height in mm'),
    timeoutSeconds: z.int().min(5).max(3600).describe('How long a job may take before it is cancelled'),
    note: z.string().optional().describe('Why this paper, for whoever edits the file'),
  })
  .superRefine((paper, ctx) => {
    const size = mediaSizeMm(paper.media);
    // A mismatch would make the test page (sized from widthMm/heightMm) disagree with the paper CUPS selects.
    if (size && (Math.abs(size[0] - paper.widthMm) > 0.5 || Math.abs(size[1] - paper.heightMm) > 0.5)) {
      const named = size.map((mm) => mm.toFixed(1)).join('×');
      ctx.addIssue({
        code: 'custom',
        path: ['widthMm'],
        message: `${paper.media} is ${named} mm, not ${paper.widthMm}×${paper.heightMm}`,
      });
    }
  });

export const RolesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  roles: z.strictObject({ receipt: RolePaperSchema, a4: RolePaperSchema, photo: RolePaperSchema }),
});

/** The JSON Schema that assets/printer/roles.schema.json must contain. */
export function rolesJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RolesFileSchema, { io: 'input' }) as Record<string, unknown>;
}

export function parseRolePapers(value: unknown, what = 'assets/printer/roles.json'): RolePapers {
  const { roles } = parseOrThrow(RolesFileSchema, value, what);
  const papers = {} as RolePapers;
  for (const [role, { media, widthMm, heightMm, timeoutSeconds }] of Object.entries(roles)) {
    papers[role as keyof RolePapers] = { media, widthMm, heightMm, timeoutSeconds };
  }
  return papers;
}

export function loadRolePapers(file: string = ROLES_FILE): RolePapers {
  return parseRolePapers(JSON.parse(readFileSync(file, 'utf8')), String(file));
}
