// Durations people write in configuration: `24h`, `90m`, `2d` (AWSCHECK_APPROVAL_TTL), and back for logs.
import { DAY_MS, HOUR_MS, MINUTE_MS } from './units.ts';

const DURATION = /^(\d+)\s*(m|min|h|d)$/i;
const UNIT_MS: Record<string, number> = { m: MINUTE_MS, min: MINUTE_MS, h: HOUR_MS, d: DAY_MS };

/** `24h`, `90m`, `2d` in milliseconds; undefined when it is not one of those forms. */
export function parseDuration(raw: string): number | undefined {
  const match = DURATION.exec(raw.trim());
  if (!match) return undefined;
  return Number(match[1]) * (UNIT_MS[(match[2] ?? '').toLowerCase()] ?? NaN);
}

/** The shortest of `2d`, `36h`, `90m` that says the same. */
export function formatDuration(ms: number): string {
  if (ms % DAY_MS === 0) return `${ms / DAY_MS}d`;
  if (ms % HOUR_MS === 0) return `${ms / HOUR_MS}h`;
  return `${Math.round(ms / MINUTE_MS)}m`;
}
