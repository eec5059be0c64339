import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.ts';
import { reportConfigFromEnv } from '../../src/report/config.ts';
import { scheduleConfigFromEnv } from '../../src/schedule/config.ts';

describe('scheduleConfigFromEnv', () => {
  it('defaults to 09:00 UTC every day, and no channel means no schedule', () => {
    expect(scheduleConfigFromEnv({})).toEqual({ cron: '0 9 * * *', timeZone: 'UTC' });
    expect(scheduleConfigFromEnv({ AWSCHECK_REPORT_CHANNEL: ' C0123 ', AWSCHECK_TIMEZONE: 'Asia/Tokyo', AWSCHECK_REPORT_CRON: '30 8 * * 1-5' })).toEqual({
      channel: 'C0123',
      timeZone: 'Asia/Tokyo',
      cron: '30 8 * * 1-5',
    });
  });

  it('names an invalid cron expression', () => {
    expect(() => scheduleConfigFromEnv({ AWSCHECK_REPORT_CRON: '0 25 * * *' })).toThrow(/AWSCHECK_REPORT_CRON: got "0 25 \* \* \*"; 25 is a invalid expression for hour/);
    expect(() => scheduleConfigFromEnv({ AWSCHECK_REPORT_CRON: 'daily' })).toThrow(/AWSCHECK_REPORT_CRON.*expected 5 or 6 fields/);
  });

  it('names an unknown time zone', () => {
    expect(() => reportConfigFromEnv({ AWSCHECK_TIMEZONE: 'Tokyo' })).toThrow(/AWSCHECK_TIMEZONE: got "Tokyo"; expected an IANA time zone name/);
    expect(reportConfigFromEnv({ AWSCHECK_TIMEZONE: 'asia/tokyo' }).timeZone).toBe('Asia/Tokyo');
  });

  it('reports both problems at once', () => {
    try {
      scheduleConfigFromEnv({ AWSCHECK_REPORT_CRON: '* * *', AWSCHECK_TIMEZONE: 'Mars/Olympus' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['AWSCHECK_TIMEZONE', 'AWSCHECK_REPORT_CRON']);
    }
  });
});
