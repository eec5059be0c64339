import { describe, expect, it } from 'vitest';
import { configurationPart, reportConfig, scheduleConfig } from '../../../src/config/configuration.ts';
import { ConfigError } from '../../../src/config/errors.ts';

describe('scheduleConfigFromEnv', () => {
  it('defaults to 09:00 UTC every day, and no channel means no schedule', () => {
    expect(configurationPart({}, scheduleConfig)).toEqual({ cron: '0 9 * * *', timeZone: 'UTC' });
    expect(configurationPart({ AWSCHECK_REPORT_CHANNEL: ' C0123 ', AWSCHECK_TIMEZONE: 'Asia/Tokyo', AWSCHECK_REPORT_CRON: '30 8 * * 1-5' }, scheduleConfig)).toEqual({
      channel: 'C0123',
      timeZone: 'Asia/Tokyo',
      cron: '30 8 * * 1-5',
    });
  });

  it('names an invalid cron expression', () => {
    expect(() => configurationPart({ AWSCHECK_REPORT_CRON: '0 25 * * *' }, scheduleConfig)).toThrow(/AWSCHECK_REPORT_CRON: got "0 25 \* \* \*"; 25 is a invalid expression for hour/);
    expect(() => configurationPart({ AWSCHECK_REPORT_CRON: 'daily' }, scheduleConfig)).toThrow(/AWSCHECK_REPORT_CRON.*expected 5 or 6 fields/);
  });

  it('names an unknown time zone', () => {
    expect(() => configurationPart({ AWSCHECK_TIMEZONE: 'Tokyo' }, reportConfig)).toThrow(/AWSCHECK_TIMEZONE: got "Tokyo"; expected an IANA time zone name/);
    expect(configurationPart({ AWSCHECK_TIMEZONE: 'asia/tokyo' }, reportConfig).timeZone).toBe('Asia/Tokyo');
  });

  it('reports both problems at once', () => {
    try {
      configurationPart({ AWSCHECK_REPORT_CRON: '* * *', AWSCHECK_TIMEZONE: 'Mars/Olympus' }, scheduleConfig);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['AWSCHECK_TIMEZONE', 'AWSCHECK_REPORT_CRON']);
    }
  });
});
