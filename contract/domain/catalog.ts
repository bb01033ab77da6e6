import { z } from 'zod';
import { EligibilityCondition } from './eligibility.ts';
import { PhotoBackgroundSchema } from './photo-spec.ts';
import { FormSchema } from './forms.ts';

/** Why a material may be waived (减材料 / 无证明: the grounds the reforms give for dropping a proof). */
export const ExemptionKind = z.enum([
  'no-legal-basis', // no law or regulation requires it
  'database-lookup', // the station or department can look it up
  'home-visit', // confirmed by a home visit or consultation
  'unverifiable', // nobody can verify it anyway
  'id-card-proves', // an ID already presented proves it
]);
export type ExemptionKind = z.infer<typeof ExemptionKind>;

export const Exemption = z.strictObject({
  kind: ExemptionKind,
  reason: z.string().min(2),
  /** Where the looked-up data comes from, for database-lookup. */
  source: z.string().min(2).optional(),
});

export const Material = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  form: z.enum(['original', 'copy', 'original-and-copy', 'electronic']),
  count: z.int().min(1).max(20),
  /** required: the case cannot proceed without it; secondary: may be supplied later under 容缺受理. */
  requirement: z.enum(['required', 'secondary']),
  exemptions: z.array(Exemption),
  note: z.string().optional(),
  /**
   * A 证件照 the station can take and print (assets/photo/specs.json): the spec's id, and the background the matter
   * asks for; without one the person chooses.
   */
  photo: z.strictObject({ spec: z.string().regex(/^[a-z0-9-]+$/), background: PhotoBackgroundSchema.optional() }).optional(),
});
export type Material = z.infer<typeof Material>;

export const Step = z.strictObject({
  name: z.string().min(2),
  actor: z.string().min(2),
  description: z.string().min(2),
});

export const TimeLimit = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('immediate') }),
  z.strictObject({ kind: z.literal('working-days'), days: z.int().min(1).max(365) }),
]);
export type TimeLimit = z.infer<typeof TimeLimit>;

export const Fees = z.strictObject({
  free: z.boolean(),
  description: z.string().min(2),
});

export const HandlingLevel = z.enum(['village', 'village-forward', 'township', 'county']);
export type HandlingLevel = z.infer<typeof HandlingLevel>;

export const MatterType = z.enum([
  '行政许可',
  '行政给付',
  '行政确认',
  '行政登记',
  '公共服务',
  '其他行政权力',
]);

export const MatterTag = z.enum(['马上办', '网上办', '就近办', '一次办']);

export const LifeEventId = z.enum([
  'birth',
  'education',
  'medical',
  'marriage',
  'employment',
  'business',
  'housing',
  'agriculture',
  'social-aid',
  'elderly',
  'social-insurance',
  'identity',
  'disability',
  'veterans',
  'death',
]);
export type LifeEventId = z.infer<typeof LifeEventId>;

export const LifeEvent = z.strictObject({
  id: LifeEventId,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  icon: z.string().min(1),
});
export type LifeEvent = z.infer<typeof LifeEvent>;

export const MatterCode = z.string().regex(/^[0-9A-Z][0-9A-Z-]{5,39}$/);

export const Matter = z.strictObject({
  /** Provincial catalogue code (省级事项目录编码). */
  code: MatterCode,
  name: z.string().min(2).max(60),
  shortName: z.string().min(2).max(20),
  /** Other names villagers use; searched like the name. */
  synonyms: z.array(z.string().min(1)),
  type: MatterType,
  department: z.string().min(2),
  level: HandlingLevel,
  legalBasis: z.array(z.string().min(4)).min(1),
  conditions: z.array(z.string().min(2)).min(1),
  /** Of the conditions, those the station decides by itself before the form (age, household), checked again at intake. */
  eligibility: z.array(EligibilityCondition).optional(),
  materials: z.array(Material),
  steps: z.array(Step).min(1),
  timeLimit: TimeLimit,
  fees: Fees,
  /** Agents' points class: 1 = 1.5 points, 2 = 2 points. */
  class: z.union([z.literal(1), z.literal(2)]),
  tags: z.array(MatterTag),
  lifeEvents: z.array(LifeEventId).min(1),
  /** The villager may apply alone at the kiosk. */
  selfService: z.boolean(),
  /** A village agent may handle it by mandate (代办). */
  proxyAllowed: z.boolean(),
  /** Secondary materials may be supplied later (容缺受理). */
  rongque: z.boolean(),
  /**
   * 刷脸核验: the applicant's live face is checked against their card photo at intake (docs/architecture.md, "Face
   * check"), unless the form's answer in `unless` chose another way (上门认证). A village matter that is 即办 is
   * decided by the check itself.
   */
  faceCheck: z.strictObject({ unless: z.strictObject({ field: z.string(), value: z.string() }).optional() }).optional(),
  /** The application form, as ticks and choices; matters without one take only the card and a signature. */
  form: FormSchema.optional(),
  /** Public link of the guide; the QR code falls back to the guide text when absent. */
  publicUrl: z.url().optional(),
});
export type Matter = z.infer<typeof Matter>;

export const Catalog = z
  .strictObject({
    /** Editors' pointer to the JSON schema; ignored. */
    $schema: z.string().optional(),
    version: z.string().regex(/^\d{4}\.\d{1,2}\.\d{1,3}$/),
    publishedAt: z.iso.date(),
    publisher: z.string().min(2),
    lifeEvents: z.array(LifeEvent).min(1),
    matters: z.array(Matter).min(1),
  })
  .superRefine((c, ctx) => {
    const codes = new Set<string>();
    c.matters.forEach((m, i) => {
      if (codes.has(m.code)) {
        ctx.addIssue({ code: 'custom', path: ['matters', i, 'code'], message: `duplicate code ${m.code}` });
      }
      codes.add(m.code);
      const events = new Set(c.lifeEvents.map((e) => e.id));
      m.lifeEvents.forEach((e, j) => {
        if (!events.has(e)) {
          ctx.addIssue({ code: 'custom', path: ['matters', i, 'lifeEvents', j], message: `unknown life event ${e}` });
        }
      });
      const ids = new Set<string>();
      m.materials.forEach((mat, j) => {
        if (ids.has(mat.id)) {
          ctx.addIssue({ code: 'custom', path: ['matters', i, 'materials', j, 'id'], message: `duplicate material id ${mat.id}` });
        }
        ids.add(mat.id);
      });
    });
  });
export type Catalog = z.infer<typeof Catalog>;
