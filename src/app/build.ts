// Assembles the bot: scan service, Slack listeners, and the receiver (Socket Mode with SLACK_APP_TOKEN,
// else HTTP on PORT at /slack/events with GET /healthz). Other features plug in through `registrars`
// (their own listeners), `subcommands` (more /awscheck words), `findingActions` and `history`.
import type { AddressInfo } from 'node:net';
import { App, type Logger, type LogLevel } from '@slack/bolt';
import { registerCommands } from '../../commands/index.ts';
import { subcommandTable } from '../../commands/awscheck/router.ts';
import type { Subcommand } from '../../commands/awscheck/types.ts';
import { ConfigError } from '../config/errors.ts';
import type { Settings } from '../config/schema.ts';
import { type ScanDeps, type ScanOptions, scan } from '../engine/scan.ts';
import type { AnyCheck } from '../engine/types.ts';
import type { Remediation } from '../remediation/feature.ts';
import { BackgroundTasks } from '../slack/listeners/background.ts';
import type { SlackConfig } from '../slack/config.ts';
import type { ScanHistory, SlackDeps } from '../slack/deps.ts';
import { slackErrorCode } from '../slack/errors.ts';
import { slackClientOptions } from '../slack/delivery/slack-client.ts';
import { registerListeners } from '../slack/listeners/index.ts';
import type { ProgressReporterOptions } from '../slack/delivery/progress-reporter.ts';
import type { FindingActions } from '../slack/render/results.ts';
import type { GroupActions } from '../slack/results/prepare.ts';
import { MemoryResultSets, type ResultSets } from '../slack/results/result-sets.ts';
import { ScannerAllowlist } from '../slack/access/scanners.ts';
import { UserLocaleCache } from '../slack/access/user-locale.ts';
import type { ScanRecorder } from '../store/recorder.ts';
import { healthRoute } from './health.ts';
import { DEFAULT_STARTUP_TIMEOUT_MS, unreachableMessage, withinDeadline } from './startup.ts';
import { ScanService } from './scan-service.ts';

export type Registrar = (app: App, deps: SlackDeps) => void;

export interface SlackAppOptions {
  logger?: Logger;
  logLevel?: LogLevel;
}

export interface BuildAppOptions extends SlackAppOptions {
  slack: SlackConfig;
  /** The Bolt app, built by createSlackApp before the services that share its client; built here otherwise. */
  app?: App;
  settings: Settings;
  /** The check catalogue (ALL_CHECKS in production). */
  checks: readonly AnyCheck[];
  /** Extra scan dependencies (clock, env, instrument) for tests and benchmarks. */
  scanDeps?: Omit<Partial<ScanDeps>, 'settings' | 'checks'>;
  /** A ready scan service; otherwise one is built from settings and checks. */
  scans?: ScanService;
  /** Accepted risks, when `scans` is not given. */
  mute?: ScanOptions['mute'];
  /** Streams scans into the history store as they run, when `scans` is not given. */
  recorder?: ScanRecorder;
  /** Past scans for App Home; without it App Home shows this process's scans. */
  history?: ScanHistory;
  /** Other features' listeners (report, remediation): called once with the app and shared deps. */
  registrars?: readonly Registrar[];
  /** More /awscheck subcommands (report, risks, audit). */
  subcommands?: readonly Subcommand[];
  /** Extra buttons per failing finding (Fix…, Accept risk). */
  findingActions?: FindingActions;
  /** Buttons for a whole group of one check's findings, next to Show all (e.g. "Fix all (N)…"). */
  groupActions?: GroupActions;
  /** Where "Show all" finds a message's findings; kept in this process's memory by default. */
  resultSets?: ResultSets;
  /** Fix requests, risk acceptances and the audit trail: their listeners and `/awscheck risks|audit`. */
  remediation?: Remediation;
  /** HTTP mode's listen address; SlackConfig's (HOST) when unset, all interfaces when neither says. */
  host?: string;
  progress?: Pick<ProgressReporterOptions, 'gapsMs'>;
}

export interface AwscheckApp {
  app: App;
  scans: ScanService;
  deps: SlackDeps;
  /** Connects (Socket Mode) or listens (HTTP); resolves with the bound port in HTTP mode. */
  start(): Promise<{ mode: SlackConfig['mode']; port?: number }>;
  stop(): Promise<void>;
  /** Resolves when the work started by commands so far has finished (tests, graceful shutdown). */
  idle(): Promise<void>;
}

const REJECTED_TOKEN = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'not_allowed_token_type']);

/** A token Slack refuses is a configuration problem: say which variable, not a stack trace. */
function startupError(err: unknown, slack: SlackConfig): unknown {
  const code = slackErrorCode(err);
  if (!REJECTED_TOKEN.has(code)) return err;
  const variable = slack.mode === 'socket' && /apps\.connections|xapp|app.level/i.test(String((err as Error).message)) ? 'SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN';
  return new ConfigError([
    `${variable}: Slack refused the token (${code}). Copy it again from your app's settings (OAuth & Permissions for the bot token, Basic Information → App-Level Tokens for the app token) and reinstall the app if it was revoked.`,
  ]);
}

/**
 * The Bolt app, not started: Socket Mode with SLACK_APP_TOKEN, else HTTP with /healthz. Its `app.client`
 * is the process's one Web API client; the report, approver lookups and alerts post with it too.
 */
export function createSlackApp(slack: SlackConfig, options: SlackAppOptions = {}): App {
  const common = {
    token: slack.botToken,
    clientOptions: slackClientOptions(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    // auth.test runs in start(), where a refused token becomes a readable error.
    deferInitialization: true,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.logLevel !== undefined ? { logLevel: options.logLevel } : {}),
  };
  return slack.mode === 'socket'
    ? new App({ ...common, socketMode: true, appToken: slack.appToken ?? '' })
    : new App({ ...common, signingSecret: slack.signingSecret ?? '', port: slack.port, customRoutes: [healthRoute] });
}

export function buildApp(options: BuildAppOptions): AwscheckApp {
  const { slack, settings } = options;
  const app = options.app ?? createSlackApp(slack, options);

  const scans =
    options.scans ??
    new ScanService({
      scan,
      deps: { ...options.scanDeps, settings, checks: options.checks },
      ...(options.mute ? { mute: options.mute } : {}),
      ...(options.recorder ? { recorder: options.recorder } : {}),
      onListenerError: (err) => app.logger.error('awscheck: a scan listener failed:', err),
    });
  const deps: SlackDeps = {
    scans,
    catalogue: options.checks,
    settings,
    locale: settings.locale,
    userLocales: new UserLocaleCache(settings.locale, {
      onLookupError: (user, code) => app.logger.warn(`awscheck: could not read the Slack language of ${user} (${code}); answering in ${settings.locale}`),
    }),
    scanners: new ScannerAllowlist(slack.scanners, {
      onLookupError: (group, err) => app.logger.warn(`awscheck: could not read user group ${group} (${slackErrorCode(err)}); its members may not scan until it can be read`),
    }),
    background: new BackgroundTasks((err) => app.logger.error('awscheck: background work failed:', err)),
    ...(options.history ? { history: options.history } : {}),
    ...(options.findingActions ? { findingActions: options.findingActions } : {}),
    ...(options.groupActions ? { groupActions: options.groupActions } : {}),
    resultSets: options.resultSets ?? new MemoryResultSets(),
    ...(options.remediation ? { remediation: options.remediation } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
  };

  registerCommands(app, deps, subcommandTable(options.subcommands));
  registerListeners(app, deps);
  for (const registrar of options.registrars ?? []) registrar(app, deps);
  app.error(async (error) => {
    app.logger.error(`awscheck: unhandled error in a listener: ${slackErrorCode(error)}`);
  });

  return {
    app,
    scans,
    deps,
    async start() {
      const timeoutMs = slack.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
      try {
        await withinDeadline(app.init(), timeoutMs, () => unreachableMessage(slack, 'auth.test', timeoutMs));
        if (slack.mode === 'socket') {
          await withinDeadline(app.start(), timeoutMs, () => unreachableMessage(slack, 'the Socket Mode connection', timeoutMs));
          return { mode: slack.mode };
        }
        const host = options.host ?? slack.host;
        const server = await app.start({ port: slack.port, ...(host ? { host } : {}) });
        return { mode: slack.mode, port: (server.address() as AddressInfo).port };
      } catch (err) {
        throw startupError(err, slack);
      }
    },
    async stop() {
      await app.stop();
    },
    idle: () => deps.background.idle(),
  };
}
