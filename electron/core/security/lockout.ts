/** How many wrong PINs in a row lock an account, and for how long. */
export interface LockoutPolicy {
  maxAttempts: number;
  lockMs: number;
}

export const LOCKOUT: LockoutPolicy = { maxAttempts: 5, lockMs: 5 * 60_000 };

/** What the staff table keeps per account; `lockedUntil` is an ISO instant. */
export interface LockState {
  failedAttempts: number;
  lockedUntil: string | null;
}

export const UNLOCKED: LockState = { failedAttempts: 0, lockedUntil: null };

/** The instant the account opens again, or null when it is open now. */
export function lockedUntil(state: LockState, now: Date): Date | null {
  if (state.lockedUntil === null) return null;
  const until = new Date(state.lockedUntil);
  return until.getTime() > now.getTime() ? until : null;
}

/**
 * The state after one more wrong PIN, and how many tries are left before the lock. The count starts again after a
 * lock, so once it has run out the account gets another full set of tries.
 */
export function afterWrongPin(
  state: LockState,
  now: Date,
  policy: LockoutPolicy = LOCKOUT,
): { state: LockState; attemptsLeft: number } {
  const failed = state.failedAttempts + 1;
  if (failed >= policy.maxAttempts) {
    const until = new Date(now.getTime() + policy.lockMs).toISOString();
    return { state: { failedAttempts: 0, lockedUntil: until }, attemptsLeft: 0 };
  }
  return { state: { failedAttempts: failed, lockedUntil: null }, attemptsLeft: policy.maxAttempts - failed };
}
