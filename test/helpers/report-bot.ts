// The bot with `/awscheck report` over the SQLite store, as src/main.ts wires it: a ReportService posting
// through the fake Slack, and the scan recorder attached. For signed end-to-end tests.
import { LogLevel } from '@slack/bolt';
import { reportCommand } from '../../commands/awscheck/report.ts';
import { type AwscheckApp, buildApp } from '../../src/app/build.ts';
import { defaultSettings, type Settings } from '../../src/config/schema.ts';
import type { AnyCheck } from '../../src/engine/types.ts';
import { ReportService } from '../../src/report/service.ts';
import { SlackReportDelivery } from '../../src/slack/delivery/report/poster.ts';
import { createSlackClient } from '../../src/slack/delivery/slack-client.ts';
import { ScanRecorder } from '../../src/store/recorder.ts';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { FakeSlack } from './fake-slack.ts';
import { TEST_SIGNING_SECRET } from './slack-signing.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface ReportBotOptions {
  store: SqliteStore;
  slack: FakeSlack;
  checks: readonly AnyCheck[];
  /** AWSCHECK_REPORT_CHANNEL; unset: none. */
  channel?: string;
  settings?: Settings;
}

/** Started on 127.0.0.1:0; `events` is its /slack/events URL. */
export async function startReportBot(options: ReportBotOptions): Promise<{ bot: AwscheckApp; events: string }> {
  const settings = options.settings ?? defaultSettings();
  const { store, slack } = options;
  const recorder = new ScanRecorder(store, quiet);
  const reports = new ReportService({
    store,
    recorder,
    delivery: new SlackReportDelivery(createSlackClient('xoxb-test-token', { slackApiUrl: slack.apiUrl }), settings.locale),
    ...(options.channel ? { channel: options.channel } : {}),
    timeZone: 'UTC',
    locale: settings.locale,
    retentionDays: 90,
    logger: quiet,
  });
  const bot = buildApp({
    slack: { botToken: 'xoxb-test-token', signingSecret: TEST_SIGNING_SECRET, port: 0, apiUrl: slack.apiUrl, scanners: [], mode: 'http' },
    settings,
    checks: options.checks,
    logLevel: LogLevel.ERROR,
    host: '127.0.0.1',
    progress: { gapsMs: [30] },
    history: store,
    subcommands: [reportCommand(reports)],
  });
  recorder.attach(bot.scans);
  const { port } = await bot.start();
  return { bot, events: `http://127.0.0.1:${port}/slack/events` };
}
