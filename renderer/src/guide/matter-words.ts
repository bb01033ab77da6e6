import type { HandlingLevel, TimeLimit } from '../../../contract/domain/catalog.ts';

type T = (key: string, params?: Record<string, string | number>) => string;

/** Catalogue keys for the contract's enums, kept in one place so each is written once. */
export const LEVEL_KEYS: Record<HandlingLevel, string> = {
  village: 'guide.level.village',
  'village-forward': 'guide.level.village-forward',
  township: 'guide.level.township',
  county: 'guide.level.county',
};

/** 即办, or N个工作日. */
export function timeLimitText(t: T, limit: TimeLimit): string {
  return limit.kind === 'immediate'
    ? t('guide.timeLimit.immediate')
    : t('ui.guide.timeLimit.workingDays', { days: limit.days });
}
