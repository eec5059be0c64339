// The composition root: builds the services once, for the bot (`npm start`, composeBot) and the CLI
// (composeHistory, storeMutes, engineRunner), so both wire the store, the report and accepted risks alike.
// The process has one Slack Web API client: Bolt's `app.client` in the bot, a standalone one in the CLI.
import type { webApi } from '@slack/bolt';
import { ALL_CHECKS } from '../../checks/index.ts';
import { reportCommand } from '../../commands/awscheck/report.ts';
import { type Alerts, startAlerts } from '../alerts/feature.ts';
import type { Settings } from '../config/schema.ts';
import { type ScanOptions, scan } from '../engine/scan.ts';
import { type Clock, systemClock } from '../engine/types.ts';
import { formatDuration } from '../time/duration.ts';
import { createRemediation, type Remediation } from '../remediation/feature.ts';
import { expiredAcceptances, expiringAcceptances, loadMutes, muteWith } from '../remediation/risks.ts';
import { shutDownGracefully } from '../remediation/shutdown.ts';
import type { ReportLogger } from '../report/delivery.ts';
import { EXPIRY_WINDOW_DAYS, toExpiringRisk } from '../report/model.ts';
import { ReportService, type ScanRunner } from '../report/service.ts';
import type { ScheduleConfig } from '../schedule/config.ts';
import { type ReportScheduler, startReportScheduler } from '../schedule/scheduler.ts';
import type { Configuration, HistoryConfig } from '../config/configuration.ts';
import { approverLookup } from '../slack/access/approvers.ts';
import { fixAllGroupActions } from '../slack/remediation/batch/group-actions.ts';
import type { SlackReportMessage } from '../slack/delivery/report/blocks.ts';
import { SlackReportDelivery } from '../slack/delivery/report/poster.ts';
import { startRemediationHousekeeping } from '../slack/remediation/housekeeping.ts';
import { remediationFindingActions } from '../slack/remediation/finding-actions.ts';
import type { StoreConfig } from '../store/config.ts';
import { openStore } from '../store/open.ts';
import { ScanRecorder } from '../store/recorder.ts';
import type { Store } from '../store/store.ts';
import { type AwscheckApp, buildApp, createSlackApp, type SlackAppOptions } from './build.ts';
import { ScanService } from './scan-service.ts';

export interface HistoryOptions {
  settings: Settings;
  store: StoreConfig;
  /** AWSCHECK_REPORT_CHANNEL (posting needs it) and AWSCHECK_TIMEZONE. */
  report: Pick<ScheduleConfig, 'channel' | 'timeZone'>;
  /** The process's Web API client: reports are posted with it. */
  slack: webApi.WebClient;
  logger: ReportLogger;
  clock?: Clock;
}

/** Scan history and the report: the store, what saves each scan once, and the report service. */
export interface History {
  store: Store;
  recorder: ScanRecorder;
  reports: ReportService<SlackReportMessage>;
}

export function composeHistory(options: HistoryOptions): History {
  const { logger, settings } = options;
  const store = openStore(options.store);
  const recorder = new ScanRecorder(store, logger);
  const { channel, timeZone } = options.report;
  const reports = new ReportService({
    store,
    recorder,
    delivery: new SlackReportDelivery(options.slack, settings.locale),
    ...(channel ? { channel } : {}),
    timeZone,
    locale: settings.locale,
    retentionDays: options.store.retentionDays,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    // Accepted risks come from the store's acceptances, which know expiries the scan's MUTED results can't.
    expiringRisks: async (now) => (await expiringAcceptances(store.remediation, now, EXPIRY_WINDOW_DAYS)).map(toExpiringRisk),
    expiredRisks: async (since, now) => (await expiredAcceptances(store.remediation, since, now)).map(toExpiringRisk),
  });
  return { store, recorder, reports };
}

/** Accepted risks as they stand now, for one CLI run: a FAIL is MUTED while its acceptance holds. */
export async function storeMutes(store: Store, clock: Clock = systemClock): Promise<NonNullable<ScanOptions['mute']>> {
  return muteWith(await loadMutes(store.remediation), clock);
}

/**
 * The CLI's scans: the engine directly, one at a time (the bot's go through ScanService). With a recorder,
 * a scan streams into the store account by account and its report is read back when it ends.
 */
export function engineRunner(
  settings: Settings,
  env: Record<string, string | undefined>,
  mute?: ScanOptions['mute'],
  recorder?: ScanRecorder,
): ScanRunner {
  return {
    run: async (selection, options = {}) => {
      const scanOptions: ScanOptions = { ...(mute ? { mute } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
      const run = (extra: Partial<ScanOptions> = {}) => scan(selection, { settings, checks: ALL_CHECKS, env }, { ...scanOptions, ...extra });
      return recorder ? (await recorder.stream(run)).report : run();
    },
  };
}

/** What `npm start` reads, parsed and validated once (src/config/configuration.ts). */
export type BotConfig = Configuration;

export interface Bot {
  bot: AwscheckApp;
  history: History;
  remediation: Remediation;
  /** Connects to Slack, then starts the housekeeping, the daily report's schedule and the alerts. */
  start(): Promise<void>;
  /** Stops taking work, waits for fixes and replies in flight, then closes the store. */
  shutdown(): Promise<void>;
}

/** `slackApp`: Bolt's logger or log level (tests quieten it); Bolt's defaults otherwise. */
export async function composeBot(configs: BotConfig, slackApp: SlackAppOptions = {}): Promise<Bot> {
  const { settings } = configs.config;
  const remediationConfig = configs.remediation;
  const app = createSlackApp(configs.slack, slackApp);
  const logger = app.logger;
  const client = app.client;
  const history = composeHistory({
    settings,
    store: configs.history.store,
    report: configs.history.schedule,
    slack: client,
    logger: console,
  });
  // Fixes, accepted risks and the audit trail (src/remediation). Accepted risks and the audit trail work
  // whether or not AWSCHECK_REMEDIATION=on; the Fix… and Accept risk buttons appear only when it is.
  const remediation = createRemediation({
    store: history.store.remediation,
    settings,
    config: remediationConfig,
    listed: approverLookup(remediationConfig.approvers, { client, onLookupError: (message) => logger.warn(message) }),
  });
  await remediation.risks.refresh();
  const mute: ScanOptions['mute'] = (result) => remediation.risks.mute(result);
  const scans = new ScanService({
    scan,
    deps: { settings, checks: ALL_CHECKS },
    mute,
    // Every scan streams into the store account by account, so nothing is left to save when it completes.
    recorder: history.recorder,
    onListenerError: (err) => logger.error('awscheck: a scan listener failed:', err),
  });
  const bot = buildApp({
    slack: configs.slack,
    app,
    settings,
    checks: ALL_CHECKS,
    scans,
    history: history.store,
    subcommands: [reportCommand(history.reports)],
    remediation,
    ...(remediationConfig.enabled
      ? {
          findingActions: remediationFindingActions({
            locale: settings.locale,
            fixFor: (finding) => remediation.fixFor(finding),
            remember: (finding) => remediation.snapshots.remember(finding),
          }),
          groupActions: fixAllGroupActions({ locale: settings.locale, fixFor: (finding) => remediation.fixFor(finding) }),
        }
      : {}),
  });

  let stopHousekeeping: (() => void) | undefined;
  let scheduler: ReportScheduler | undefined;
  let alerts: Alerts | undefined;
  return {
    bot,
    history,
    remediation,
    async start() {
      const started = await bot.start();
      stopHousekeeping = await startRemediationHousekeeping(client, { ...bot.deps, remediation }, logger);
      if (remediationConfig.enabled) {
        logger.info(
          `awscheck: remediation is on; approval requests go to ${remediationConfig.approvalChannel ?? '?'} and expire after ${formatDuration(remediationConfig.approvalTtlMs)}`,
        );
      }
      logger.info(
        started.mode === 'socket'
          ? `awscheck is running in Socket Mode with ${ALL_CHECKS.length} checks`
          : `awscheck is listening on port ${started.port ?? configs.slack.port} (/slack/events, /healthz) with ${ALL_CHECKS.length} checks`,
      );
      scheduler = startSchedule(configs.history, history, scans);
      // Real-time alerts from the events queue (src/alerts); off, with a log line, without AWSCHECK_EVENTS_QUEUE_URL.
      alerts = startAlerts({
        config: configs.alerts,
        settings,
        checks: ALL_CHECKS,
        store: history.store.alerts,
        client,
        logger,
        mute,
        scans,
        ...(bot.deps.findingActions ? { findingActions: bot.deps.findingActions } : {}),
      });
    },
    async shutdown() {
      await shutDownGracefully({
        stopIntake: async () => {
          stopHousekeeping?.();
          remediation.fixes.stop();
          await alerts?.stop();
          await bot.stop();
        },
        // Fixes and undos in flight, then what they tell Slack.
        idle: async () => {
          await remediation.fixes.idle();
          await remediation.sweeper.idle();
          await bot.idle();
        },
        close: async () => {
          await scheduler?.stop();
          await history.store.close();
        },
        warn: (message) => logger.warn(message),
      });
    },
  };
}

/** Starts the daily report when AWSCHECK_REPORT_CHANNEL is set; logs what it did either way. */
function startSchedule(config: HistoryConfig, history: History, scans: ScanRunner): ReportScheduler | undefined {
  const { channel, timeZone, cron } = config.schedule;
  if (!channel) {
    console.info(
      'awscheck: AWSCHECK_REPORT_CHANNEL is not set, so no daily report is scheduled (set it to a channel ID to get one; /awscheck report preview works meanwhile).',
    );
    return undefined;
  }
  const scheduler = startReportScheduler({ cron, timeZone, store: history.store, run: (slot) => history.reports.post(scans, { slot }), logger: console });
  console.info(
    `awscheck: daily report "${cron}" (${timeZone}) to ${channel}; next at ${scheduler.nextRun()?.toISOString() ?? 'never'}; scans kept ${config.store.retentionDays} days in ${config.store.path}`,
  );
  return scheduler;
}
