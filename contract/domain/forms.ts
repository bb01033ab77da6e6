import { z } from 'zod';

/**
 * Application forms as data ("多做选择题，少做填空题"): mostly ticks and choices, a few short fields, each optionally
 * filled from the ID card (少填). A matter's form lives with it in the catalogue.
 */
export const PrefillSource = z.enum(['name', 'gender', 'birthDate', 'idNumber', 'address', 'nation', 'today']);

const FieldBase = {
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  label: z.string().min(1),
  required: z.boolean(),
  /** Shown under the field: what to tick, in plain words. */
  hint: z.string().optional(),
};

export const Choice = z.strictObject({ value: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1) });

export const FormField = z.discriminatedUnion('type', [
  z.strictObject({ ...FieldBase, type: z.literal('tick') }),
  z.strictObject({ ...FieldBase, type: z.literal('single'), choices: z.array(Choice).min(2) }),
  z.strictObject({ ...FieldBase, type: z.literal('multiple'), choices: z.array(Choice).min(2) }),
  z.strictObject({ ...FieldBase, type: z.literal('date'), prefill: PrefillSource.optional() }),
  z.strictObject({
    ...FieldBase,
    type: z.literal('text'),
    maxLength: z.int().min(1).max(200),
    /** A pattern the text must match, e.g. a mobile number; `patternHint` says it in words. */
    pattern: z.string().optional(),
    patternHint: z.string().optional(),
    prefill: PrefillSource.optional(),
  }),
]);
export type FormField = z.infer<typeof FormField>;

/** Checked as a whole too: a catalogue from the township must not bring duplicate ids or a pattern that cannot run. */
export const FormSchema = z.strictObject({ fields: z.array(FormField).min(1) }).superRefine((form, ctx) => {
  const ids = new Set<string>();
  form.fields.forEach((f, i) => {
    if (ids.has(f.id)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `duplicate field id ${f.id}` });
    ids.add(f.id);
    if ((f.type === 'single' || f.type === 'multiple') && new Set(f.choices.map((c) => c.value)).size !== f.choices.length) {
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'choices'], message: 'duplicate choice values' });
    }
    if (f.type === 'text' && f.pattern !== undefined) {
      try {
        new RegExp(f.pattern);
      } catch {
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'pattern'], message: 'pattern is not a valid regular expression' });
      }
    }
  });
});
export type FormSchema = z.infer<typeof FormSchema>;

/** What the applicant answered: ticks true/false, one choice, several choices, dates and texts as strings. */
export const FormValue = z.union([z.boolean(), z.string().max(200), z.array(z.string().max(40)).max(20)]);
export const FormValues = z.record(z.string(), FormValue);
export type FormValues = z.infer<typeof FormValues>;
