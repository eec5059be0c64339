// Where the daily report goes and in which time zone its days run: AWSCHECK_REPORT_CHANNEL, AWSCHECK_TIMEZONE.
import type { Environment } from '../config/environment.ts';
import { ConfigError, showValue } from '../config/errors.ts';

export const DEFAULT_TIMEZONE = 'UTC';

export interface ReportConfig {
  /** Channel ID (C0123ABCD) or name; unset means no scheduled report. */
  channel?: string;
  /** IANA time zone name, e.g. Asia/Tokyo. */
  timeZone: string;
}

/** The canonical IANA name, or undefined when the runtime does not know the zone. */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function reportConfigFromEnv(env: Environment): ReportConfig {
  const zone = env.AWSCHECK_TIMEZONE?.trim() || DEFAULT_TIMEZONE;
  const timeZone = canonicalTimeZone(zone);
  if (!timeZone) {
    throw new ConfigError([
      `AWSCHECK_TIMEZONE: got ${showValue(zone)}; expected an IANA time zone name such as UTC, Asia/Tokyo or America/New_York.`,
    ]);
  }
  const channel = env.AWSCHECK_REPORT_CHANNEL?.trim();
  return channel ? { channel, timeZone } : { timeZone };
}
