import { describe, expect, it } from 'vitest';
import { afterWrongPin, LOCKOUT, lockedUntil, UNLOCKED } from '../../../electron/core/security/lockout.ts';

const t0 = new Date('2025-03-01T08:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('lockout', () => {
  it('counts down four wrong PINs and locks for five minutes on the fifth', () => {
    let state = UNLOCKED;
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const next = afterWrongPin(state, at(i * 1000));
      left.push(next.attemptsLeft);
      state = next.state;
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(state).toEqual({ failedAttempts: 0, lockedUntil: at(4000 + 5 * 60_000).toISOString() });
    expect(lockedUntil(state, at(4000))?.toISOString()).toBe(state.lockedUntil);
    expect(lockedUntil(state, at(4000 + 5 * 60_000 - 1))).not.toBeNull();
    expect(lockedUntil(state, at(4000 + 5 * 60_000))).toBeNull();
  });

  it('gives a full set of tries again once the lock has run out', () => {
    const locked = afterWrongPin({ failedAttempts: LOCKOUT.maxAttempts - 1, lockedUntil: null }, t0).state;
    expect(afterWrongPin(locked, at(LOCKOUT.lockMs)).attemptsLeft).toBe(LOCKOUT.maxAttempts - 1);
  });

  it('follows another policy when given one', () => {
    const policy = { maxAttempts: 3, lockMs: 1000 };
    const { state, attemptsLeft } = afterWrongPin({ failedAttempts: 2, lockedUntil: null }, t0, policy);
    expect(attemptsLeft).toBe(0);
    expect(state.lockedUntil).toBe(at(1000).toISOString());
  });
});
