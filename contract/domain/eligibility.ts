import { z } from 'zod';

/**
 * A condition of a matter that the station can decide by itself from the card (age from the birth date, household
 * registration from the card's address, which is the 户籍地址) and its own settings. Conditions it cannot decide
 * (income, disability, a marriage) stay in the guide's text for a person to judge.
 */
export const EligibilityCondition = z.discriminatedUnion('kind', [
  /** 年满 N 周岁. */
  z.strictObject({ kind: z.literal('min-age'), years: z.int().min(1).max(150) }),
  /** 未满 N 周岁. */
  z.strictObject({ kind: z.literal('under-age'), years: z.int().min(1).max(150) }),
  /** 户籍在本县（市、区）: the card's address names the county the station serves (station.json `county`). */
  z.strictObject({ kind: z.literal('household-in-county') }),
]);
export type EligibilityCondition = z.infer<typeof EligibilityCondition>;

export const ELIGIBILITY_CODES = ['eligibility.too-young', 'eligibility.too-old', 'eligibility.not-local'] as const;
export type EligibilityCode = (typeof ELIGIBILITY_CODES)[number];

/** One condition the person does not meet: the code of its message (what it asks, and what to do instead). */
export const EligibilityFailure = z.strictObject({
  code: z.enum(ELIGIBILITY_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type EligibilityFailure = z.infer<typeof EligibilityFailure>;

/** Whole years (周岁) on `today` of someone born on `birthDate`; a 29 February birthday comes on 1 March in other years. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const reached = tm > bm || (tm === bm && td >= bd);
  return ty - by - (reached ? 0 : 1);
}

export interface EligibilityFacts {
  birthDate: string;
  /** The card's address; null when no card was read (a typed ID number), and then the household is for a person. */
  address: string | null;
  today: string;
  /** The county the station serves, as addresses write it (津市市); null when not set, and then not decided. */
  county: string | null;
}

/** The conditions this person does not meet, of those the station can decide; empty when none is failed. */
export function eligibilityFailures(conditions: readonly EligibilityCondition[], facts: EligibilityFacts): EligibilityFailure[] {
  const age = ageOn(facts.birthDate, facts.today);
  const failures: EligibilityFailure[] = [];
  for (const c of conditions) {
    if (c.kind === 'min-age' && age < c.years) failures.push({ code: 'eligibility.too-young', params: { years: c.years, age } });
    if (c.kind === 'under-age' && age >= c.years) failures.push({ code: 'eligibility.too-old', params: { years: c.years, age } });
    if (c.kind === 'household-in-county' && facts.county !== null && facts.address !== null && !facts.address.includes(facts.county)) {
      failures.push({ code: 'eligibility.not-local', params: { county: facts.county } });
    }
  }
  return failures;
}
