// The whole configuration, parsed once: awscheck.yml with the AWSCHECK_* scan variables over it (load.ts),
// and every other variable through the environment schema (environment.ts). The parts below add the rules
// that tie variables together and the defaults; the bot (src/main.ts) takes every part, the CLI the ones its
// command needs. Every problem is reported at once, each naming the variable and how to set it.
import { resolve } from 'node:path';
import type { AlertsConfig } from '../alerts/config.ts';
import type { RemediationConfig } from '../remediation/config.ts';
import type { ReportConfig } from '../report/config.ts';
import type { ScheduleConfig } from '../schedule/config.ts';
import type { SlackConfig, SlackMode } from '../slack/config.ts';
import type { StoreConfig } from '../store/config.ts';
import { ConfigError, ConfigProblems } from './errors.ts';
import { DEFAULT_APPROVAL_TTL_MS, type Environment, parseDynamoDbUrl, parseEnvironment, processEnvironment, type RawEnvironment } from './environment.ts';
import { type LoadedConfig, loadConfig } from './load.ts';

export const DEFAULT_PORT = 3000;
export const DEFAULT_DB_PATH = './data/awscheck.db';
export const DEFAULT_RETENTION_DAYS = 90;
export const DEFAULT_TIMEZONE = 'UTC';
export const DEFAULT_REPORT_CRON = '0 9 * * *';

export interface HistoryConfig {
  store: StoreConfig;
  schedule: ScheduleConfig;
}

export interface Configuration {
  config: LoadedConfig;
  slack: SlackConfig;
  history: HistoryConfig;
  remediation: RemediationConfig;
  alerts: AlertsConfig;
}

/** A variable that was set but rejected has its own problem already; rules built on it stay quiet. */
function rejected(env: Environment, ...names: string[]): boolean {
  return names.some((name) => env.rejected?.has(name) ?? false);
}

function throwIf(problems: string[]): void {
  if (problems.length > 0) throw new ConfigError(problems);
}

/** SLACK_BOT_TOKEN, which the bot and `awscheck report --post` cannot do without; `why` says who needs it. */
export function botToken(env: Environment, why = ''): string {
  if (env.SLACK_BOT_TOKEN) return env.SLACK_BOT_TOKEN;
  // A malformed token has its own problem already (the parse names it); "not set" would be wrong.
  if (rejected(env, 'SLACK_BOT_TOKEN')) return '';
  throw new ConfigError([
    `SLACK_BOT_TOKEN: not set${why}. Copy the Bot User OAuth Token (xoxb-…) from your app's "OAuth & Permissions" page and export SLACK_BOT_TOKEN=xoxb-….`,
  ]);
}

export function slackConfig(env: Environment): SlackConfig {
  const problems = new ConfigProblems();
  const token = problems.attempt(() => botToken(env));
  const mode: SlackMode = env.SLACK_APP_TOKEN || rejected(env, 'SLACK_APP_TOKEN') ? 'socket' : 'http';
  if (mode === 'http' && !env.SLACK_SIGNING_SECRET && !rejected(env, 'SLACK_SIGNING_SECRET')) {
    problems.add([
      'SLACK_SIGNING_SECRET: not set, and HTTP mode needs it to verify requests. Copy it from Basic Information → App Credentials → Signing Secret, or set SLACK_APP_TOKEN to use Socket Mode instead.',
    ]);
  }
  problems.throwIfAny();
  return {
    botToken: token ?? '',
    ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
    ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
    port: env.PORT ?? DEFAULT_PORT,
    ...(env.HOST ? { host: env.HOST } : {}),
    ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
    ...(env.AWSCHECK_STARTUP_TIMEOUT !== undefined ? { startupTimeoutMs: env.AWSCHECK_STARTUP_TIMEOUT } : {}),
    scanners: env.AWSCHECK_SCANNERS ?? [],
    mode,
  };
}

export function storeConfig(env: Environment, cwd: string = process.cwd()): StoreConfig {
  const retentionDays = env.AWSCHECK_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS;
  const path = env.AWSCHECK_DB ?? DEFAULT_DB_PATH;
  const dynamodb = parseDynamoDbUrl(path);
  if (dynamodb) return { path, dynamodb, retentionDays };
  return { path: path === ':memory:' ? path : resolve(cwd, path), retentionDays };
}

export function reportConfig(env: Environment): ReportConfig {
  const timeZone = env.AWSCHECK_TIMEZONE ?? DEFAULT_TIMEZONE;
  return env.AWSCHECK_REPORT_CHANNEL ? { channel: env.AWSCHECK_REPORT_CHANNEL, timeZone } : { timeZone };
}

export function scheduleConfig(env: Environment): ScheduleConfig {
  return { ...reportConfig(env), cron: env.AWSCHECK_REPORT_CRON ?? DEFAULT_REPORT_CRON };
}

export function historyConfig(env: Environment, cwd: string = process.cwd()): HistoryConfig {
  return { store: storeConfig(env, cwd), schedule: scheduleConfig(env) };
}

/** Off by default; when on, never without approvers or a channel to ask them in. */
export function remediationConfig(env: Environment): RemediationConfig {
  const problems: string[] = [];
  const enabled = env.AWSCHECK_REMEDIATION ?? false;
  const approvers = env.AWSCHECK_APPROVERS ?? [];
  const channel = env.AWSCHECK_APPROVAL_CHANNEL ?? env.AWSCHECK_REPORT_CHANNEL;
  if (enabled && approvers.length === 0 && !rejected(env, 'AWSCHECK_APPROVERS')) {
    problems.push(
      'AWSCHECK_APPROVERS: not set, and AWSCHECK_REMEDIATION=on needs someone to approve fixes. Set it to the member ids (U…) or user group ids (S…) of the people who may approve, e.g. AWSCHECK_APPROVERS=U0123ABCD,S0456EFGH, or set AWSCHECK_REMEDIATION=off.',
    );
  }
  if (enabled && channel === undefined && !rejected(env, 'AWSCHECK_APPROVAL_CHANNEL', 'AWSCHECK_REPORT_CHANNEL')) {
    problems.push(
      'AWSCHECK_APPROVAL_CHANNEL: not set (nor AWSCHECK_REPORT_CHANNEL), and AWSCHECK_REMEDIATION=on needs a channel to post approval requests in. Set it to a channel ID (channel details → About → Channel ID) and invite the bot there with /invite @awscheck.',
    );
  }
  throwIf(problems);
  return {
    enabled,
    approvers,
    allowSelfApproval: env.AWSCHECK_ALLOW_SELF_APPROVAL ?? false,
    ...(channel ? { approvalChannel: channel } : {}),
    approvalTtlMs: env.AWSCHECK_APPROVAL_TTL ?? DEFAULT_APPROVAL_TTL_MS,
    riskSelfAccept: env.AWSCHECK_RISK_SELF_ACCEPT ?? false,
    ...(env.AWSCHECK_REMEDIATION_ROLE_ARN ? { remediationRoleArn: env.AWSCHECK_REMEDIATION_ROLE_ARN } : {}),
  };
}

/** No queue: no alerts. A queue needs a channel (AWSCHECK_ALERT_CHANNEL, else AWSCHECK_REPORT_CHANNEL). */
export function alertsConfig(env: Environment): AlertsConfig {
  const queueUrl = env.AWSCHECK_EVENTS_QUEUE_URL;
  const channel = env.AWSCHECK_ALERT_CHANNEL ?? env.AWSCHECK_REPORT_CHANNEL;
  if (queueUrl !== undefined && channel === undefined && !rejected(env, 'AWSCHECK_ALERT_CHANNEL', 'AWSCHECK_REPORT_CHANNEL')) {
    throw new ConfigError([
      'AWSCHECK_ALERT_CHANNEL: not set (nor AWSCHECK_REPORT_CHANNEL), and AWSCHECK_EVENTS_QUEUE_URL needs a channel to post alerts in. Set it to a channel ID and invite the bot there with /invite @awscheck.',
    ]);
  }
  return { ...(queueUrl ? { queueUrl } : {}), ...(channel ? { channel } : {}) };
}

/**
 * Parses `raw` and builds one part of the configuration from it, naming the problems of both steps at once
 * (the CLI's commands, and tests of one part).
 */
export function configurationPart<T>(raw: RawEnvironment, build: (env: Environment) => T): T {
  const problems = new ConfigProblems();
  const parsed = parseEnvironment(raw);
  problems.add(parsed.problems);
  const part = problems.attempt(() => build(parsed.environment));
  problems.throwIfAny();
  return part!;
}

/** Everything the bot needs, from one parse of the environment; one ConfigError names every problem. */
export function loadConfiguration(raw: RawEnvironment = processEnvironment(), cwd: string = process.cwd()): Configuration {
  const problems = new ConfigProblems();
  const parsed = parseEnvironment(raw);
  problems.add(parsed.problems);
  const env = parsed.environment;
  const config = problems.attempt(() => loadConfig(env, cwd));
  const slack = problems.attempt(() => slackConfig(env));
  const history = problems.attempt(() => historyConfig(env, cwd));
  const remediation = problems.attempt(() => remediationConfig(env));
  const alerts = problems.attempt(() => alertsConfig(env));
  problems.throwIfAny();
  return { config: config!, slack: slack!, history: history!, remediation: remediation!, alerts: alerts! };
}
