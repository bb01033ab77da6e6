/**
 * Failed attempts per client, in a sliding window: past `limit` failures the client is refused until the oldest
 * one leaves the window. Enrolment codes are 60 bits, so guessing is hopeless anyway; this keeps a scripted guesser
 * from trying hundreds a second and from filling the log. In memory: a restart forgets, which costs a guesser only
 * one more window.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => Date,
  ) {}

  /** Seconds until `client` may try again, or 0 when it may now. */
  retryAfter(client: string): number {
    const recent = this.recent(client);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - this.now().getTime()) / 1000));
  }

  fail(client: string): void {
    this.failures.set(client, [...this.recent(client), this.now().getTime()]);
  }

  private recent(client: string): number[] {
    const since = this.now().getTime() - this.windowMs;
    const kept = (this.failures.get(client) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(client);
    else this.failures.set(client, kept);
    return kept;
  }
}
