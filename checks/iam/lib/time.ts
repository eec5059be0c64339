// Ages for evidence and thresholds. Thresholds compare milliseconds; whole days are for people.
export const DAY_MS = 86_400_000;

/** Milliseconds from `then` to `now` (negative if `then` is in the future, e.g. clock skew). */
export function ageMs(then: Date, now: Date): number {
  return now.getTime() - then.getTime();
}

/** Whole days elapsed, never negative. */
export function ageDays(then: Date, now: Date): number {
  return Math.max(0, Math.floor(ageMs(then, now) / DAY_MS));
}

/** YYYY-MM-DD (UTC): enough precision for a person, stable across locales. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
