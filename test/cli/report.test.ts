import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { runAwscheck } from '../helpers/cli.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { CHART_HEIGHT, CHART_WIDTH } from '../../src/report/chart.ts';
import { result, scanReport } from '../report/fixtures.ts';
import { decodePng, pngInUpload } from '../report/png.ts';

const sts = mockClient(STSClient);
let dir: string;
let db: string;
let slack: FakeSlack;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'awscheck-cli-report-'));
  db = join(dir, 'awscheck.db');
  slack = await startFakeSlack();
  sts.reset();
});
afterEach(async () => {
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

async function storeScans(...reports: ReturnType<typeof scanReport>[]): Promise<void> {
  const store = openSqliteStore(db);
  for (const report of reports) await store.saveScan(report);
  await store.close();
}

const env = () => ({ AWSCHECK_DB: db, AWSCHECK_TIMEZONE: 'UTC' });
const slackEnv = () => ({ ...env(), SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: slack.apiUrl, AWSCHECK_REPORT_CHANNEL: 'C0REPORT' });
const now = new Date().toISOString();
const yesterday = new Date(Date.now() - 86_400_000).toISOString();

describe('awscheck report', () => {
  it('prints the report of the latest stored scan as Markdown', async () => {
    await storeScans(
      scanReport([result({ status: 'PASS', resourceId: 'sg-a' }), result({ status: 'FAIL', resourceId: 'sg-b' })], { finishedAt: yesterday }),
      scanReport([result({ status: 'FAIL', resourceId: 'sg-a', evidence: 'sg-a allows tcp/22 from 0.0.0.0/0' }), result({ status: 'PASS', resourceId: 'sg-b' })], {
        finishedAt: now,
      }),
    );
    const run = await runAwscheck(['report'], env());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# AWS security posture report');
    expect(run.stdout).toContain('## New since the last report (1)');
    expect(run.stdout).toContain('sg-a allows tcp/22 from 0.0.0.0/0');
    expect(run.stdout).toContain('## Resolved since the last report (1)');
  });

  it('says how to get a scan when none is stored', async () => {
    const run = await runAwscheck(['report', '--print'], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no scan is stored yet');
  });

  it('needs a channel and a bot token to post', async () => {
    await storeScans(scanReport([result()]));
    const noChannel = await runAwscheck(['report', '--post'], { ...env(), SLACK_BOT_TOKEN: 'xoxb-test' });
    expect(noChannel.code).toBe(2);
    expect(noChannel.stderr).toContain('AWSCHECK_REPORT_CHANNEL: not set');
    const noToken = await runAwscheck(['report', '--post'], { ...env(), AWSCHECK_REPORT_CHANNEL: 'C0REPORT', SLACK_BOT_TOKEN: '' });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('SLACK_BOT_TOKEN: not set');
  });

  it('posts to the channel, keeps a refused report and re-posts it', async () => {
    await storeScans(scanReport([result()], { finishedAt: now }));
    slack.on('chat.postMessage', () => ({ ok: false, error: 'not_in_channel' }));
    const refused = await runAwscheck(['report', '--post'], slackEnv());
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('/invite @awscheck');

    slack.on('chat.postMessage', (p) => ({ ok: true, channel: p.channel, ts: '1.1' }));
    const reposted = await runAwscheck(['report', '--repost'], slackEnv());
    expect(reposted.code).toBe(0);
    expect(reposted.stdout).toContain('Posted the report to C0REPORT');
    // The CSV, then the trend chart, both in the report's thread.
    expect(slack.uploads).toHaveLength(2);
    expect(decodePng(pngInUpload(slack.uploads[1]?.body ?? Buffer.alloc(0))).width).toBe(CHART_WIDTH);

    const nothing = await runAwscheck(['report', '--repost'], slackEnv());
    expect(nothing.code).toBe(0);
    expect(nothing.stderr).toContain('no report is waiting');
  });

  it('posts and prints the same report', async () => {
    await storeScans(scanReport([result()], { finishedAt: now }));
    const run = await runAwscheck(['report', '--post', '--print'], slackEnv());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('## First seen (1)');
    expect(run.stdout).toContain('Posted the report to C0REPORT');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('writes the trend chart with --print --chart FILE.png, labelled in the configured language', async () => {
    await storeScans(
      scanReport([result({ severity: 'high' })], { finishedAt: yesterday }),
      scanReport([result(), result({ resourceId: 'sg-2' })], { finishedAt: now }),
    );
    const run = await runAwscheck(['report', '--print', '--chart', 'trend.png'], { ...env(), AWSCHECK_LOCALE: 'ja' }, dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# AWS セキュリティ態勢レポート');
    const image = decodePng(readFileSync(join(dir, 'trend.png')));
    expect([image.width, image.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  });

  it('runs a fresh scan with --scan and reports what could not run first', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
    const run = await runAwscheck(['report', '--scan'], { ...env(), AWSCHECK_REGIONS: 'us-east-1' });
    expect(run.code).toBe(0);
    expect(run.stdout.indexOf('could not run')).toBeGreaterThan(0);
    expect(run.stdout.indexOf('could not run')).toBeLessThan(run.stdout.indexOf('## Posture score'));
    const store = openSqliteStore(db);
    expect((await store.latestScan())?.report.accounts).toEqual([{ accountId: '111122223333', name: '111122223333' }]);
    await store.close();
  });
});
