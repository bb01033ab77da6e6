import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS } from '../../../contract/domain/case-states.ts';
import { DECISION_STEPS, roleTakes, stationTakes, stepsFor } from '../../../contract/domain/case-steps.ts';
import { HandlingLevel } from '../../../contract/domain/catalog.ts';

describe('who decides a case', () => {
  it('decides a village matter at the station and every other level at the township', () => {
    for (const step of DECISION_STEPS) {
      expect(stationTakes('village', step)).toBe(true);
      for (const level of ['village-forward', 'township', 'county'] as const) expect(stationTakes(level, step)).toBe(false);
    }
  });

  it('forwards only what is decided elsewhere, and hands over, closes and withdraws at every level', () => {
    expect(stationTakes('village', 'forward')).toBe(false);
    for (const level of HandlingLevel.options) {
      if (level !== 'village') expect(stationTakes(level, 'forward')).toBe(true);
      for (const step of ['supplementProvided', 'deliver', 'close', 'withdraw'] as const) expect(stationTakes(level, step)).toBe(true);
    }
  });

  it('never lets an agent or a technician decide; agents still take in, hand over and close', () => {
    for (const step of DECISION_STEPS) {
      expect(roleTakes('clerk', step)).toBe(true);
      expect(roleTakes('admin', step)).toBe(true);
      expect(roleTakes('agent', step)).toBe(false);
      expect(roleTakes('technician', step)).toBe(false);
    }
    expect(roleTakes('agent', 'deliver')).toBe(true);
    expect(roleTakes('technician', 'deliver')).toBe(false);
  });

  it('offers each role exactly the steps both rules allow, for every level', () => {
    expect(stepsFor('village', 'clerk', CASE_ACTIONS)).toEqual(CASE_ACTIONS.filter((a) => a !== 'forward'));
    expect(stepsFor('township', 'technician', CASE_ACTIONS)).toEqual([]);
    expect(stepsFor('county', 'agent', CASE_ACTIONS)).toEqual(['forward', 'supplementProvided', 'deliver', 'close', 'withdraw']);
  });
});
