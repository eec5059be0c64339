import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportService } from '../../src/report/service.ts';
import { SlackReportDelivery } from '../../src/slack/delivery/report/poster.ts';
import { createSlackClient } from '../../src/slack/delivery/slack-client.ts';
import { REPORT_TASK, startReportScheduler } from '../../src/schedule/scheduler.ts';
import { ScanRecorder } from '../../src/store/recorder.ts';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { result, scanReport } from '../report/fixtures.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

let dir: string;
let slack: FakeSlack;
const stores: SqliteStore[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'awscheck-schedule-'));
  slack = await startFakeSlack();
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

function replica(cron: string) {
  const store = openSqliteStore(join(dir, 'awscheck.db'));
  stores.push(store);
  const reports = new ReportService({
    store,
    recorder: new ScanRecorder(store),
    delivery: new SlackReportDelivery(createSlackClient('xoxb-test', { slackApiUrl: slack.apiUrl }), 'en'),
    channel: 'C0REPORT',
    timeZone: 'UTC',
    locale: 'en',
    retentionDays: 90,
    logger: quiet,
  });
  const scans = {
    run: async () => {
      const finishedAt = new Date().toISOString();
      return scanReport([result()], { startedAt: finishedAt, finishedAt });
    },
  };
  return startReportScheduler({ cron, timeZone: 'UTC', store, run: (slot) => reports.post(scans, { slot }), logger: quiet });
}

describe('startReportScheduler', () => {
  it('fires at the configured wall-clock time of the time zone', async () => {
    const store = { claimSlot: async () => true, completeSlot: async () => undefined };
    const options = { cron: '0 9 * * *', store, run: async () => undefined, logger: quiet };
    const tokyo = startReportScheduler({ ...options, timeZone: 'Asia/Tokyo' });
    const utc = startReportScheduler({ ...options, timeZone: 'UTC' });
    expect(tokyo.nextRun()?.toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(utc.nextRun()?.toISOString()).toMatch(/T09:00:00\.000Z$/);
    await tokyo.stop();
    await utc.stop();
    expect(tokyo.task.getStatus()).toBe('destroyed');
  });

  it('lets two replicas on one store post exactly one report per slot', async () => {
    const a = replica('* * * * * *');
    const b = replica('* * * * * *');
    await new Promise((resolve) => setTimeout(resolve, 3300));
    await a.stop();
    await b.stop();
    const db = new Database(join(dir, 'awscheck.db'));
    try {
      // Let runs already elected finish before counting.
      await slack.waitFor(() => db.prepare('SELECT count(*) FROM slots WHERE completed_at IS NULL').pluck().get() === 0);
      const slots = db.prepare('SELECT key, owner FROM slots').all() as { key: string; owner: string }[];
      const perSlot = db.prepare('SELECT slot, count(*) AS n FROM reports GROUP BY slot').all() as { slot: string; n: number }[];
      expect(slots.length).toBeGreaterThanOrEqual(2);
      expect(slots.every((s) => s.key.startsWith(`${REPORT_TASK}:`))).toBe(true);
      expect(perSlot.map((r) => r.n)).toEqual(slots.map(() => 1));
      expect(perSlot.map((r) => r.slot).sort()).toEqual(slots.map((s) => s.key).sort());
      expect(slack.callsTo('chat.postMessage')).toHaveLength(slots.length);
    } finally {
      db.close();
    }
  });
});
