// The one environment loader: every variable parsed once by one schema, an empty value an error naming the
// variable (except the documented ones), all problems together, no secret printed; and each part of the
// configuration built from it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertsConfig, configurationPart, loadConfiguration, remediationConfig, reportConfig, scheduleConfig, slackConfig, storeConfig } from '../../src/config/configuration.ts';
import { runCli } from '../../src/cli/main.ts';
import { parseEnvironment, readEnvironment } from '../../src/config/environment.ts';
import { ConfigError } from '../../src/config/errors.ts';
import { loadConfig } from '../../src/config/load.ts';
import { configProblems, REMEDIATION_VARIABLES } from '../helpers/config.ts';

type Env = Record<string, string | undefined>;

function outcome(read: () => unknown): unknown {
  try {
    return { value: read() };
  } catch (err) {
    if (err instanceof ConfigError) return { problems: err.problems };
    throw err;
  }
}

const problemsOf = (env: Env) => configProblems(() => readEnvironment(env));

const cwd = mkdtempSync(join(tmpdir(), 'awscheck-env-'));

/** Each formerly separate reader, with a valid and an invalid environment for it. */
const READERS: { name: string; read: (env: Env) => unknown; valid: Env; invalid: Env; empty: string[] }[] = [
  {
    name: 'Slack (src/slack/config.ts)',
    read: (env) => configurationPart(env, slackConfig),
    valid: {
      SLACK_BOT_TOKEN: ' xoxb-1-abc ',
      SLACK_SIGNING_SECRET: 'secret123',
      PORT: '3100',
      HOST: '127.0.0.1',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
      AWSCHECK_STARTUP_TIMEOUT: '12.5',
      AWSCHECK_SCANNERS: 'U0123ABCD, S0456EFGH',
    },
    invalid: { SLACK_BOT_TOKEN: 'xapp-1-x', SLACK_SIGNING_SECRET: 'has space', PORT: 'eighty', HOST: 'not a host', AWSCHECK_SCANNERS: 'bob' },
    empty: ['SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL', 'PORT', 'HOST', 'AWSCHECK_STARTUP_TIMEOUT'],
  },
  {
    name: 'store (src/store/config.ts)',
    read: (env) => configurationPart(env, (env) => storeConfig(env, cwd)),
    valid: { AWSCHECK_DB: 'dynamodb://awscheck?region=eu-west-1', AWSCHECK_RETENTION_DAYS: '30' },
    invalid: { AWSCHECK_DB: 'dynamodb://x', AWSCHECK_RETENTION_DAYS: '0' },
    empty: ['AWSCHECK_DB', 'AWSCHECK_RETENTION_DAYS'],
  },
  {
    name: 'report (src/report/config.ts)',
    read: (env) => configurationPart(env, reportConfig),
    valid: { AWSCHECK_REPORT_CHANNEL: 'C0REPORT', AWSCHECK_TIMEZONE: 'Asia/Tokyo' },
    invalid: { AWSCHECK_TIMEZONE: 'Mars/Olympus' },
    empty: ['AWSCHECK_REPORT_CHANNEL', 'AWSCHECK_TIMEZONE'],
  },
  {
    name: 'schedule (src/schedule/config.ts)',
    read: (env) => configurationPart(env, scheduleConfig),
    valid: { AWSCHECK_REPORT_CRON: '0 9 * * 1-5', AWSCHECK_TIMEZONE: 'UTC' },
    invalid: { AWSCHECK_REPORT_CRON: '99 * * * *' },
    empty: ['AWSCHECK_REPORT_CRON'],
  },
  {
    name: 'remediation (src/remediation/config.ts)',
    read: (env) => configurationPart(env, remediationConfig),
    valid: {
      AWSCHECK_REMEDIATION: 'on',
      AWSCHECK_APPROVERS: 'U0123ABCD S0456EFGH',
      AWSCHECK_ALLOW_SELF_APPROVAL: 'yes',
      AWSCHECK_APPROVAL_CHANNEL: 'C0APPROVE',
      AWSCHECK_APPROVAL_TTL: '90m',
      AWSCHECK_RISK_SELF_ACCEPT: 'off',
      AWSCHECK_REMEDIATION_ROLE_ARN: 'arn:aws:iam::123456789012:role/awscheck-fix',
    },
    invalid: { AWSCHECK_REMEDIATION: 'maybe', AWSCHECK_APPROVAL_TTL: '3 weeks', AWSCHECK_REMEDIATION_ROLE_ARN: 'awscheck-fix' },
    empty: REMEDIATION_VARIABLES,
  },
  {
    name: 'alerts (src/alerts/config.ts)',
    read: (env) => configurationPart(env, alertsConfig),
    valid: { AWSCHECK_EVENTS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/awscheck-events', AWSCHECK_ALERT_CHANNEL: 'C0ALERTS' },
    invalid: { AWSCHECK_EVENTS_QUEUE_URL: 'https://example.com/queue' },
    empty: ['AWSCHECK_EVENTS_QUEUE_URL', 'AWSCHECK_ALERT_CHANNEL'],
  },
  {
    name: 'scan settings (src/config/load.ts)',
    read: (env) => loadConfig(env, cwd).settings,
    valid: {
      AWSCHECK_REGIONS: 'us-east-1, ap-northeast-1',
      AWSCHECK_LOCALE: 'ja',
      AWSCHECK_CONCURRENCY: '8',
      AWSCHECK_HOME_REGION: 'eu-west-1',
      AWSCHECK_ORG_ROLE_NAME: 'awscheck-read',
    },
    invalid: { AWSCHECK_REGIONS: 'moon-1', AWSCHECK_LOCALE: 'fr', AWSCHECK_CONCURRENCY: '0' },
    empty: ['AWSCHECK_CONFIG', 'AWSCHECK_REGIONS', 'AWSCHECK_LOCALE', 'AWSCHECK_CONCURRENCY', 'AWSCHECK_HOME_REGION', 'AWSCHECK_ORG_ROLE_NAME'],
  },
];

describe('the one environment loader', () => {
  for (const reader of READERS) {
    describe(reader.name, () => {
      it('parses valid variables', () => {
        expect(outcome(() => reader.read(reader.valid))).toHaveProperty('value');
      });

      it('reports every invalid variable, each problem naming its variable', () => {
        const result = outcome(() => reader.read(reader.invalid)) as { problems?: string[] };
        expect(new Set(result.problems?.map((p) => p.split(/[: ]/)[0]))).toEqual(new Set(Object.keys(reader.invalid)));
      });

      it('refuses an empty value, naming the variable and how to set it', () => {
        for (const name of reader.empty) {
          const problems = problemsOf({ [name]: '  ' });
          expect(problems).toHaveLength(1);
          expect(problems[0]).toMatch(new RegExp(`^${name}: set but empty; set it to .+, or remove the variable`));
        }
      });
    });
  }

  it('rejects an empty AWSCHECK_SCANNERS (unset lets everyone scan) and reports an empty bot token as "not set"', () => {
    const env = { AWSCHECK_SCANNERS: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: 'xapp-1-a' };
    expect(outcome(() => configurationPart(env, slackConfig))).toEqual({
      problems: expect.arrayContaining([
        expect.stringMatching(/^AWSCHECK_SCANNERS: set but empty; .*remove the variable to let everyone scan/),
        expect.stringMatching(/^SLACK_BOT_TOKEN: not set\. Copy the Bot User OAuth Token/),
      ]),
    });
    expect(configurationPart({ SLACK_BOT_TOKEN: 'xoxb-1-a', SLACK_APP_TOKEN: 'xapp-1-a' }, slackConfig).scanners).toEqual([]);
  });

  it('reports every empty variable at once and never repeats a value', () => {
    const problems = problemsOf({ SLACK_SIGNING_SECRET: ' ', SLACK_APP_TOKEN: '', AWSCHECK_DB: '', PORT: '3000' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['AWSCHECK_DB', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']);
    const secret = problemsOf({ SLACK_SIGNING_SECRET: 'xoxb-1-secret', AWSCHECK_APPROVAL_TTL: '' });
    expect(secret.join('\n')).not.toContain('xoxb-1-secret');
  });

  it('goes on after a problem, so the rules that combine variables still see the rest of the environment', () => {
    const { environment, problems } = parseEnvironment({ AWSCHECK_DB: '', AWSCHECK_TIMEZONE: 'Mars/Olympus', AWSCHECK_REPORT_CHANNEL: 'C0REPORT' });
    expect(problems).toEqual([expect.stringMatching(/^AWSCHECK_DB: set but empty/), expect.stringMatching(/^AWSCHECK_TIMEZONE: got "Mars\/Olympus"/)]);
    expect(environment.AWSCHECK_DB).toBeUndefined();
    expect(reportConfig(environment)).toEqual({ channel: 'C0REPORT', timeZone: 'UTC' });
  });

  it('stays quiet about a rule whose variable was already rejected', () => {
    expect(outcome(() => configurationPart({ AWSCHECK_REMEDIATION: 'on', AWSCHECK_APPROVERS: 'bob', AWSCHECK_APPROVAL_CHANNEL: 'C0A' }, remediationConfig))).toEqual({
      problems: [expect.stringMatching(/^AWSCHECK_APPROVERS: got "bob"/)],
    });
  });

  it('trims values, keeps the SDK endpoint and region variables as given, and drops everything else', () => {
    const env = readEnvironment({
      AWSCHECK_DB: ' ./x.db ',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4566',
      AWS_REGION: 'eu-west-1',
      HOME: '/root',
      AWS_SECRET_ACCESS_KEY: 'never-copied',
    });
    expect(env).toEqual({ AWSCHECK_DB: './x.db', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4566', AWS_REGION: 'eu-west-1' });
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('makes the CLI exit 2 naming the empty variable, before any command runs', async () => {
    let stderr = '';
    const sink = (write: (s: string) => void) => ({ write: (s: string) => (write(s), true) }) as unknown as NodeJS.WritableStream;
    const code = await runCli(['audit'], {
      stdout: sink(() => undefined),
      stderr: sink((s) => (stderr += s)),
      env: { AWSCHECK_DB: '', AWSCHECK_RETENTION_DAYS: ' ' },
      cwd,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/AWSCHECK_DB: set but empty/);
    expect(stderr).toMatch(/AWSCHECK_RETENTION_DAYS: set but empty/);
  });
});

describe('loadConfiguration', () => {
  it('builds every part for the bot from one parse', () => {
    const configuration = loadConfiguration(
      { SLACK_BOT_TOKEN: 'xoxb-1-a', SLACK_APP_TOKEN: 'xapp-1-a', AWSCHECK_REPORT_CHANNEL: 'C0REPORT', AWSCHECK_REMEDIATION: 'on', AWSCHECK_APPROVERS: 'U0123ABCD' },
      cwd,
    );
    expect(configuration.slack.mode).toBe('socket');
    expect(configuration.history.schedule).toEqual({ channel: 'C0REPORT', timeZone: 'UTC', cron: '0 9 * * *' });
    expect(configuration.remediation).toMatchObject({ enabled: true, approvers: ['U0123ABCD'], approvalChannel: 'C0REPORT', approvalTtlMs: 86_400_000 });
    expect(configuration.alerts).toEqual({ channel: 'C0REPORT' });
    expect(configuration.config.settings.locale).toBe('en');
  });

  it('names the problems of every part in one error', () => {
    const result = outcome(() => loadConfiguration({ AWSCHECK_LOCALE: 'fr', PORT: 'x', AWSCHECK_REMEDIATION: 'on', AWSCHECK_EVENTS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/q' }, cwd)) as {
      problems: string[];
    };
    expect(result.problems.map((p) => p.split(/[: ]/)[0]).sort()).toEqual(
      ['AWSCHECK_ALERT_CHANNEL', 'AWSCHECK_APPROVAL_CHANNEL', 'AWSCHECK_APPROVERS', 'AWSCHECK_LOCALE', 'PORT', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'].sort(),
    );
  });
});
