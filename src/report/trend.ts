// The score over the last days as a text sparkline: one character per day, `·` for a day without a scan.
import { localDay } from '../i18n/format.ts';

export interface TrendPoint {
  /** Calendar day in the report's time zone, YYYY-MM-DD. */
  day: string;
  score: number | undefined;
}

const BARS = '▁▂▃▄▅▆▇█';
const NO_DATA = '·';
/** A smaller spread is drawn as this many points, so 80.1 → 80.3 does not look like a collapse. */
const MIN_SPAN = 10;

/** The last `days` calendar days ending today; each day's score is that of its last scan. */
export function dailyScores(
  scans: readonly { finishedAt: string; score: number | undefined }[],
  now: Date,
  timeZone: string,
  days = 14,
): TrendPoint[] {
  const byDay = new Map<string, number | undefined>();
  for (const scan of scans) byDay.set(localDay(new Date(scan.finishedAt), timeZone), scan.score);
  const [year, month, day] = localDay(now, timeZone).split('-').map(Number) as [number, number, number];
  const points: TrendPoint[] = [];
  for (let back = days - 1; back >= 0; back -= 1) {
    // Calendar arithmetic on the date alone: stepping 24 h from `now` could skip a day across DST.
    const key = new Date(Date.UTC(year, month - 1, day - back)).toISOString().slice(0, 10);
    points.push({ day: key, score: byDay.get(key) });
  }
  return points;
}

export function sparkline(points: readonly TrendPoint[]): string {
  const values = points.map((p) => p.score).filter((s): s is number => s !== undefined);
  if (values.length === 0) return points.map(() => NO_DATA).join('');
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (high - low < MIN_SPAN) {
    const middle = (high + low) / 2;
    low = Math.max(0, Math.min(middle - MIN_SPAN / 2, 100 - MIN_SPAN));
    high = low + MIN_SPAN;
  }
  return points
    .map((p) => {
      if (p.score === undefined) return NO_DATA;
      const level = Math.round(((p.score - low) / (high - low)) * (BARS.length - 1));
      return BARS[Math.min(BARS.length - 1, Math.max(0, level))];
    })
    .join('');
}
