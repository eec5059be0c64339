// AWSCHECK_EVENTS_QUEUE_URL and AWSCHECK_ALERT_CHANNEL: validated, defaulted, and off when unset.
import { describe, expect, it } from 'vitest';
import { configurationPart, alertsConfig } from '../../src/config/configuration.ts';
import { queueRegion } from '../../src/alerts/config.ts';
import { startAlerts } from '../../src/alerts/feature.ts';
import { alertsPolicy } from '../../src/policy/alerts.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { ConfigError } from '../../src/config/errors.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { runAwscheck } from '../helpers/cli.ts';

const QUEUE = 'https://sqs.eu-west-1.amazonaws.com/111122223333/awscheck-events';

function problems(env: Record<string, string>): string[] {
  try {
    configurationPart(env, alertsConfig);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message.split('\n');
  }
}

describe('alerts configuration', () => {
  it('is off without a queue, and sends alerts to the report channel unless told otherwise', () => {
    expect(configurationPart({}, alertsConfig)).toEqual({});
    expect(configurationPart({ AWSCHECK_EVENTS_QUEUE_URL: QUEUE, AWSCHECK_REPORT_CHANNEL: 'C0REPORT' }, alertsConfig)).toEqual({ queueUrl: QUEUE, channel: 'C0REPORT' });
    expect(configurationPart({ AWSCHECK_EVENTS_QUEUE_URL: QUEUE, AWSCHECK_REPORT_CHANNEL: 'C0REPORT', AWSCHECK_ALERT_CHANNEL: 'C0ALERT' }, alertsConfig)).toMatchObject({ channel: 'C0ALERT' });
    expect(configurationPart({ AWSCHECK_EVENTS_QUEUE_URL: 'http://localhost:4566/000000000000/events', AWSCHECK_ALERT_CHANNEL: 'C0A' }, alertsConfig)).toMatchObject({ queueUrl: 'http://localhost:4566/000000000000/events' });
  });

  it('names the variable and how to fix it', () => {
    expect(problems({ AWSCHECK_EVENTS_QUEUE_URL: 'awscheck-events', AWSCHECK_ALERT_CHANNEL: 'C0A' }).join('\n')).toMatch(/AWSCHECK_EVENTS_QUEUE_URL: got "awscheck-events"; expected the queue's URL/);
    expect(problems({ AWSCHECK_EVENTS_QUEUE_URL: QUEUE }).join('\n')).toContain('AWSCHECK_ALERT_CHANNEL: not set (nor AWSCHECK_REPORT_CHANNEL)');
    expect(problems({ AWSCHECK_EVENTS_QUEUE_URL: QUEUE, AWSCHECK_ALERT_CHANNEL: '#sec alerts' }).join('\n')).toContain('AWSCHECK_ALERT_CHANNEL: got');
  });

  it('never repeats a password given inside the queue URL', () => {
    const text = problems({ AWSCHECK_EVENTS_QUEUE_URL: 'https://user:hunter2@sqs.eu-west-1.amazonaws.com/111122223333/q', AWSCHECK_ALERT_CHANNEL: 'C0A' }).join('\n');
    expect(text).toContain('AWSCHECK_EVENTS_QUEUE_URL: the URL contains a user name or password');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('user:');
  });

  it('reads the region from the queue URL', () => {
    expect(queueRegion(QUEUE)).toBe('eu-west-1');
    expect(queueRegion('http://localhost:4566/000000000000/events')).toBeUndefined();
  });

  it('says at start-up that alerts are off', async () => {
    const lines: string[] = [];
    const store = openSqliteStore(':memory:');
    const started = startAlerts({
      config: {},
      settings: defaultSettings(),
      checks: [],
      store: store.alerts,
      client: {} as never,
      logger: { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) },
    });
    expect(started).toBeUndefined();
    expect(lines).toEqual([expect.stringContaining('real-time alerts are off (set AWSCHECK_EVENTS_QUEUE_URL')]);
    await store.close();
  });

  it('prints the queue permissions, scoped to the queue when its URL is known', () => {
    expect(alertsPolicy(QUEUE).Statement).toEqual([
      {
        Sid: 'AwscheckEventsQueue',
        Effect: 'Allow',
        Action: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:ReceiveMessage'],
        Resource: 'arn:aws:sqs:eu-west-1:111122223333:awscheck-events',
      },
    ]);
    expect(alertsPolicy().Statement[0]!.Resource).toBe('*');
  });

  it('is what `awscheck policy --alerts` prints', async () => {
    const run = await runAwscheck(['policy', '--alerts'], { AWSCHECK_EVENTS_QUEUE_URL: QUEUE });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(alertsPolicy(QUEUE));
  });
});
