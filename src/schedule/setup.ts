// Wires scan history, the report and its schedule for `npm start`: read the variables (every problem at
// once), open the store, and start the daily schedule once the bot runs.
import type { HistoryConfig } from '../config/configuration.ts';
import type { Locale } from '../i18n/locale.ts';
import { EXPIRY_WINDOW_DAYS } from '../report/model.ts';
import type { ReportLogger } from '../report/poster.ts';
import { expiredAcceptances, expiringAcceptances } from '../remediation/risks.ts';
import { ReportService, type ScanRunner } from '../report/service.ts';
import { createReportSlackClient } from '../report/slack-client.ts';
import { openStore } from '../store/open.ts';
import { ScanRecorder } from '../store/recorder.ts';
import type { Store } from '../store/store.ts';
import { type ReportScheduler, startReportScheduler } from './scheduler.ts';

export interface HistoryOptions {
  locale: Locale;
  botToken: string;
  /** SLACK_API_URL, when set. */
  slackApiUrl?: string;
  logger: ReportLogger;
}

export interface History {
  store: Store;
  recorder: ScanRecorder;
  reports: ReportService;
  /** Starts the daily report when AWSCHECK_REPORT_CHANNEL is set; logs what it did either way. */
  startSchedule(scans: ScanRunner): ReportScheduler | undefined;
  close(): Promise<void>;
}

export function openHistory(config: HistoryConfig, options: HistoryOptions): History {
  const { logger } = options;
  const store = openStore(config.store);
  const recorder = new ScanRecorder(store, logger);
  const { channel, timeZone, cron } = config.schedule;
  const reports = new ReportService({
    store,
    recorder,
    slack: createReportSlackClient(options.botToken, options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    ...(channel ? { channel } : {}),
    timeZone,
    locale: options.locale,
    retentionDays: config.store.retentionDays,
    logger,
    // Accepted risks come from the store's acceptances, which know expiries the scan's MUTED results can't.
    expiringRisks: (now) => expiringAcceptances(store.remediation, now, EXPIRY_WINDOW_DAYS),
    expiredRisks: (since, now) => expiredAcceptances(store.remediation, since, now),
  });
  let scheduler: ReportScheduler | undefined;
  return {
    store,
    recorder,
    reports,
    startSchedule(scans) {
      if (!channel) {
        logger.info(
          'awscheck: AWSCHECK_REPORT_CHANNEL is not set, so no daily report is scheduled (set it to a channel ID to get one; /awscheck report preview works meanwhile).',
        );
        return undefined;
      }
      scheduler = startReportScheduler({
        cron,
        timeZone,
        store,
        run: (slot) => reports.post(scans, { slot }),
        logger,
      });
      logger.info(
        `awscheck: daily report "${cron}" (${timeZone}) to ${channel}; next at ${scheduler.nextRun()?.toISOString() ?? 'never'}; scans kept ${config.store.retentionDays} days in ${config.store.path}`,
      );
      return scheduler;
    },
    async close() {
      await scheduler?.stop();
      await store.close();
    },
  };
}
