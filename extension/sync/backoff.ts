/** 2 s, 4 s, 8 s … capped at 60 s (the 1-minute alarm is the floor anyway). */
export function backoffDelayMs(attempt: number): number {
  return Math.min(2000 * 2 ** Math.max(0, attempt), 60_000);
}
