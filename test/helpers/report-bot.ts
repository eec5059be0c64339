// The bot with `/awscheck report` over the SQLite store, as src/main.ts wires it: a ReportService posting
// through the fake Slack, and the scan recorder attached. For signed end-to-end tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { reportCommand } from '../../commands/awscheck/report.ts';
import type { AwscheckApp } from '../../src/app/build.ts';
import { defaultSettings, type Settings } from '../../src/config/schema.ts';
import type { AnyCheck } from '../../src/engine/types.ts';
import { ReportService } from '../../src/report/service.ts';
import { SlackReportDelivery } from '../../src/slack/delivery/report/poster.ts';
import { createSlackClient } from '../../src/slack/delivery/slack-client.ts';
import { ScanRecorder } from '../../src/store/recorder.ts';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { type FakeSlack, type FakeSlackOptions, type RecordedResponse, startFakeSlack } from './fake-slack.ts';
import { startTestBot } from './http-bot.ts';
import { FORM, postSigned, slashCommandBody } from './slack-signing.ts';

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
  const { bot, events } = await startTestBot(slack, {
    settings,
    checks: options.checks,
    history: store,
    subcommands: [reportCommand(reports)],
  });
  recorder.attach(bot.scans);
  return { bot, events };
}

export interface ReportBotWorld {
  /** This test's SQLite store, in a folder of its own. */
  readonly store: SqliteStore;
  /** This test's fake Slack. */
  readonly slack: FakeSlack;
  /** Starts the report bot over this test's store and Slack. */
  start(options: Omit<ReportBotOptions, 'store' | 'slack'>): Promise<void>;
  /** `/awscheck TEXT` typed by `user`, signed; once the bot is idle, what response_url `id` received. */
  command(text: string, id: string, user?: string): Promise<RecordedResponse[]>;
}

/** A fresh store and fake Slack for each test of the enclosing suite; the bot, Slack and store closed after it. */
export function useReportBotWorld(slackOptions: FakeSlackOptions = {}): ReportBotWorld {
  let dir: string | undefined;
  let store: SqliteStore | undefined;
  let slack: FakeSlack | undefined;
  let bot: { bot: AwscheckApp; events: string } | undefined;
  const current = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the report bot world exists only inside a test');
    return value;
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'awscheck-report-bot-'));
    store = openSqliteStore(join(dir, 'awscheck.db'));
    slack = await startFakeSlack(slackOptions);
  });
  afterEach(async () => {
    await bot?.bot.stop();
    bot = undefined;
    await store?.close();
    await slack?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get store() {
      return current(store);
    },
    get slack() {
      return current(slack);
    },
    async start(options) {
      bot = await startReportBot({ ...options, store: current(store), slack: current(slack) });
    },
    async command(text, id, user) {
      const { bot: app, events } = current(bot);
      const fake = current(slack);
      const answer = await postSigned(events, slashCommandBody({ text, response_url: fake.responseUrl(id), ...(user ? { user_id: user } : {}) }), FORM);
      expect(answer.status).toBe(200);
      await answer.text();
      await app.idle();
      return fake.responsesTo(id);
    },
  };
}
