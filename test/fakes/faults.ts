/**
 * Fault knobs shared by both fakes (issue 5): a share of requests answered with a transient
 * failure (429 with Retry-After, 5xx, or no answer at all), and a per-user quota in units per
 * second enforced over a sliding one-second window (Gmail: 250). Seeded, so a failing run can
 * be replayed.
 */
export type TransientFault = 'rate-limit' | 'server-error' | 'unavailable' | 'timeout';

export type FaultKnobs = {
  /** 0..1: the share of API requests that fail transiently. */
  errorRate: number;
  kinds: TransientFault[];
  /** Seconds sent in Retry-After with injected 429s (fakes send 0-1, provider-facts §7.3). */
  retryAfterSeconds: number;
  /** Units per user per second; 0 = unlimited. */
  unitsPerSecond: number;
  seed: number;
};

export const NO_FAULTS: FaultKnobs = {
  errorRate: 0,
  kinds: ['rate-limit', 'server-error', 'unavailable', 'timeout'],
  retryAfterSeconds: 0,
  unitsPerSecond: 0,
  seed: 1,
};

export class FaultInjector {
  knobs: FaultKnobs = { ...NO_FAULTS };
  /** Units used per user, for the bench's quota-use figure. */
  readonly unitsUsed = new Map<string, number>();
  private spent = new Map<string, { at: number; units: number }[]>();
  private state = 1;

  configure(knobs: Partial<FaultKnobs>): void {
    this.knobs = { ...this.knobs, ...knobs };
    this.state = this.knobs.seed >>> 0 || 1;
  }

  /** mulberry32: tiny, seeded, good enough to spread faults. */
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A transient fault to answer this request with, or null. */
  transient(): TransientFault | null {
    if (this.knobs.errorRate <= 0 || this.random() >= this.knobs.errorRate) return null;
    const kinds = this.knobs.kinds;
    return kinds[Math.floor(this.random() * kinds.length)] ?? null;
  }

  /** Spends `units` for `user`, or returns the ms until they would fit (the request is refused). */
  spend(user: string, units: number, now = Date.now()): number | null {
    const limit = this.knobs.unitsPerSecond;
    const window = (this.spent.get(user) ?? []).filter((s) => s.at > now - 1000);
    if (limit > 0) {
      const used = window.reduce((sum, s) => sum + s.units, 0);
      if (used + units > limit) {
        let freed = used + units - limit;
        let wait = 0;
        for (const s of window) {
          freed -= s.units;
          wait = s.at + 1000 - now;
          if (freed <= 0) break;
        }
        this.spent.set(user, window);
        return Math.max(1, wait);
      }
    }
    window.push({ at: now, units });
    this.spent.set(user, window);
    this.unitsUsed.set(user, (this.unitsUsed.get(user) ?? 0) + units);
    return null;
  }
}
