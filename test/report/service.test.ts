import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanReport, ScanSelection } from '../../src/engine/types.ts';
import { SlackReportDelivery } from '../../src/slack/delivery/report/poster.ts';
import { createSlackClient } from '../../src/slack/delivery/slack-client.ts';
import { ReportService, type ScanRunner } from '../../src/report/service.ts';
import { ScanRecorder } from '../../src/store/recorder.ts';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { allText } from '../helpers/block-kit.ts';
import { CHART_HEIGHT, CHART_WIDTH } from '../../src/report/chart.ts';
import { result, scanReport } from './fixtures.ts';
import { decodePng, pngInUpload } from './png.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

let dir: string;
let store: SqliteStore;
let slack: FakeSlack;
let now: Date;
let logged: string[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'awscheck-report-'));
  store = openSqliteStore(join(dir, 'awscheck.db'));
  slack = await startFakeSlack();
  now = new Date('2026-11-25T09:00:00Z');
  logged = [];
});
afterEach(async () => {
  await store.close();
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

function service(apiUrl = slack.apiUrl, channel: string | null = 'C0REPORT') {
  return new ReportService({
    store,
    recorder: new ScanRecorder(store),
    delivery: new SlackReportDelivery(createSlackClient('xoxb-test', { slackApiUrl: apiUrl, retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 } }), 'en'),
    ...(channel ? { channel } : {}),
    timeZone: 'Asia/Tokyo',
    locale: 'en',
    retentionDays: 90,
    clock: { now: () => now },
    logger: { ...quiet, error: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) },
  });
}

/** A scan runner that returns the given results as a fresh scan finishing "now". */
function scans(results: () => ScanReport['results']): ScanRunner {
  return {
    run: async (selection: ScanSelection) =>
      scanReport(results(), { selection, startedAt: new Date(now.getTime() - 60_000).toISOString(), finishedAt: now.toISOString() }),
  };
}

describe('the daily report', () => {
  it('posts the report, attaches the CSV in its thread, and lists a fix as resolved the next day', async () => {
    let open = true;
    const runner = scans(() => [result({ status: open ? 'FAIL' : 'PASS', evidence: open ? 'sg-0abc allows tcp/22 from 0.0.0.0/0' : 'sg-0abc allows no SSH from anywhere' })]);
    const reports = service();

    const { record: first } = await reports.post(runner, { slot: 'slot-1' });
    expect(first).toMatchObject({ status: 'posted', messageTs: '1700000000.000200', slot: 'slot-1' });
    const [post] = slack.callsTo('chat.postMessage');
    expect(post?.params.channel).toBe('C0REPORT');
    const [complete] = slack.callsTo('files.completeUploadExternal');
    expect(complete?.params).toMatchObject({ channel_id: 'C0REPORT', thread_ts: '1700000000.000200' });
    expect(slack.uploads[0]?.body.toString()).toContain('checkId,status,severity');
    // Then the trend chart, a PNG, in the same thread, named and described in the report's language.
    const chartUpload = slack.callsTo('files.completeUploadExternal')[1];
    expect(chartUpload?.params).toMatchObject({ channel_id: 'C0REPORT', thread_ts: '1700000000.000200' });
    expect(JSON.stringify(chartUpload?.params)).toContain('Posture trend');
    const chart = decodePng(pngInUpload(slack.uploads[1]?.body ?? Buffer.alloc(0)));
    expect([chart.width, chart.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);

    open = false;
    now = new Date('2026-11-26T09:00:00Z');
    const { record: second } = await reports.post(runner);
    const text = allText(second.message);
    expect(text).toContain('Resolved since the last report (1)');
    expect(text).toContain('sg-0abc allows no SSH from anywhere');
    expect(text).toContain('▲ +100.0 since the last report');
    expect(text).toMatch(/`·+▁█`/);
  });

  it('compares with the last posted report, not an ad-hoc scan in between', async () => {
    const reports = service();
    let status: 'FAIL' | 'PASS' = 'FAIL';
    const runner = scans(() => [result({ status })]);
    await reports.post(runner);
    status = 'PASS';
    now = new Date('2026-11-25T12:00:00Z');
    await new ScanRecorder(store).save(await runner.run({})); // someone ran /awscheck after fixing it
    now = new Date('2026-11-26T09:00:00Z');
    const { record: next } = await reports.post(runner);
    expect(next.message.text).toContain('1 resolved');
  });

  it('keeps the report pending with a clear fix when the bot is not in the channel, and re-posts it', async () => {
    slack.on('chat.postMessage', () => ({ ok: false, error: 'not_in_channel' }));
    const reports = service();
    const { record } = await reports.post(scans(() => [result()]));
    expect(record.status).toBe('pending');
    expect(record.error).toContain('/invite @awscheck');
    expect(record.error).toContain('AWSCHECK_REPORT_CHANNEL');
    expect(logged.join('\n')).toContain('not_in_channel');
    expect(await store.getReport(record.id)).toMatchObject({ status: 'pending' });

    slack.on('chat.postMessage', (p) => ({ ok: true, channel: p.channel, ts: '1700000001.000100' }));
    const reposted = await reports.repost();
    expect(reposted).toMatchObject({ id: record.id, status: 'posted', messageTs: '1700000001.000100' });
    expect((await store.getReport(record.id))?.error).toBeUndefined();
    expect(slack.uploads).toHaveLength(2);
    expect(await reports.repost()).toBeUndefined();
  });

  it('marks a report failed when the token is refused', async () => {
    slack.on('chat.postMessage', () => ({ ok: false, error: 'invalid_auth' }));
    const { record } = await service().post(scans(() => [result()]));
    expect(record.status).toBe('failed');
    expect(record.error).toContain('SLACK_BOT_TOKEN');
  });

  it('still reports a partly failed scan, saying what failed', async () => {
    const runner: ScanRunner = {
      run: async (selection) =>
        scanReport([result(), result({ status: 'ERROR', region: 'eu-west-1', resourceId: 'eu-west-1', resourceType: 'region', evidence: 'AccessDenied' })], {
          selection,
          finishedAt: now.toISOString(),
          errors: [{ accountId: '123456789012', region: 'eu-west-1', checkIds: ['ec2.sg-open-ssh'], reason: 'AccessDenied' }],
        }),
    };
    const { record } = await service().post(runner);
    expect(record.status).toBe('posted');
    expect(record.message.text).toContain('some checks could not run');
  });

  it('tells the channel when the scan cannot run at all', async () => {
    const runner: ScanRunner = { run: () => Promise.reject(new Error('Cannot identify the AWS account: no credentials')) };
    await expect(service().post(runner)).rejects.toThrow(/no credentials/);
    expect(slack.callsTo('chat.postMessage')[0]?.params.text).toContain('could not be produced');
  });

  it('needs a channel to post, not to preview', async () => {
    const reports = service(slack.apiUrl, null);
    await expect(reports.post(scans(() => [result()]))).rejects.toThrow(/AWSCHECK_REPORT_CHANNEL is not set/);
    const { message } = await reports.preview(scans(() => [result()]));
    expect(message.text).toContain('1 failing');
    expect(slack.calls).toEqual([]);
  });

  it('prunes scans past the retention period as part of the run', async () => {
    const old = await store.saveScan(scanReport([result()], { finishedAt: '2026-07-01T00:00:00.000Z' }));
    await service().post(scans(() => [result()]));
    expect(await store.getScan(old.id)).toBeUndefined();
  });
});

describe('Slack rate limits', () => {
  it('waits out a 429 with Retry-After and posts', async () => {
    const hits: number[] = [];
    const server = createServer((req, res) => {
      void (async () => {
        for await (const _ of req) void _;
        const method = (req.url ?? '').replace('/api/', '');
        if (method === 'chat.postMessage') {
          hits.push(Date.now());
          if (hits.length === 1) {
            res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
            res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: true, channel: 'C0REPORT', ts: '1.2' }));
          return;
        }
        const port = (server.address() as AddressInfo).port;
        const body =
          method === 'files.getUploadURLExternal'
            ? { ok: true, upload_url: `http://127.0.0.1:${port}/upload/F1`, file_id: 'F1' }
            : { ok: true, files: [{ id: 'F1' }] };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      })();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { record } = await service(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`).post(scans(() => [result()]));
      expect(record.status).toBe('posted');
      expect(hits).toHaveLength(2);
      expect(hits[1]! - hits[0]!).toBeGreaterThanOrEqual(1000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
