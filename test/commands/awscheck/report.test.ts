// `/awscheck report` end to end: signed slash commands into Bolt's HTTPReceiver, the real scan engine over a
// fake check, the SQLite store in a temp dir, and a fake Slack Web API receiving the report.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AwscheckApp } from '../../../src/app/build.ts';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { type FakeSlack, startFakeSlack } from '../../helpers/fake-slack.ts';
import { startReportBot } from '../../helpers/report-bot.ts';
import { FORM, postSigned, slashCommandBody } from '../../helpers/slack-signing.ts';
import { fakeCheck } from '../../slack/fixtures.ts';

const sts = mockClient(STSClient);

let dir: string;
let store: SqliteStore;
let slack: FakeSlack;
let bot: AwscheckApp | undefined;
let open: boolean;
/** Evidence text from AWS, when a test needs its own. */
let evidence: string | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'awscheck-cmd-report-'));
  store = openSqliteStore(join(dir, 'awscheck.db'));
  slack = await startFakeSlack();
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
  open = true;
  evidence = undefined;
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await store.close();
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(channel?: string): Promise<string> {
  const check = fakeCheck({
    items: () => [{ id: 'sg-0abc', fail: open, evidence: evidence ?? (open ? 'sg-0abc rule sgr-1 allows tcp/22 from 0.0.0.0/0' : 'sg-0abc allows no SSH from the internet') }],
  });
  const started = await startReportBot({ store, slack, checks: [check], ...(channel ? { channel } : {}) });
  bot = started.bot;
  return started.events;
}

async function command(events: string, text: string, id: string): Promise<Record<string, unknown> | undefined> {
  const answer = await postSigned(events, slashCommandBody({ text, response_url: slack.responseUrl(id) }), FORM);
  expect(answer.status).toBe(200);
  await answer.text();
  await bot!.idle();
  return slack.responsesTo(id).at(-1)?.body;
}

describe('/awscheck report', () => {
  it('posts the report now, and the next report lists the fix as resolved', async () => {
    const events = await start('C0REPORT');
    const first = await command(events, 'report', 'r1');
    expect(JSON.stringify(first)).toContain('Posted the posture report to <#C0REPORT>');
    const [post] = slack.callsTo('chat.postMessage');
    expect(post?.params.channel).toBe('C0REPORT');
    expect(JSON.stringify(post?.params.blocks)).toContain('sg-0abc rule sgr-1 allows tcp/22 from 0.0.0.0/0');
    // The CSV and the trend chart.
    expect(slack.uploads).toHaveLength(2);

    open = false;
    await command(events, 'report', 'r2');
    const second = slack.callsTo('chat.postMessage')[1];
    expect(JSON.stringify(second?.params.blocks)).toContain('Resolved since the last report (1)');
    expect(String(second?.params.text)).toContain('1 resolved');
    // Both scans were saved once each, through the scan service's completion listener and the report.
    expect((await store.scanSummaries({ selectionKey: '{}', since: '2000-01-01T00:00:00.000Z' })).length).toBe(2);
  });

  it('posts AWS text escaped and verbatim, so the channel report links and pings nothing', async () => {
    evidence = 'sg-0abc <!channel> <https://evil.example|click> see http://evil.example @here';
    const events = await start('C0REPORT');
    await command(events, 'report', 'v1');
    const blocks = slack.callsTo('chat.postMessage')[0]?.params.blocks;
    expect(JSON.stringify(blocks)).toContain('&lt;!channel&gt; &lt;https://evil.example|click&gt; see http://evil.example @here');
    const texts: { type: string; verbatim?: boolean }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        if ((node as { type?: unknown }).type === 'mrkdwn') texts.push(node as { type: string; verbatim?: boolean });
        Object.values(node).forEach(walk);
      }
    };
    walk(blocks);
    expect(texts.length).toBeGreaterThan(0);
    // Without verbatim Slack would auto-link the bare URL and may parse @here in the report channel.
    expect(texts.filter((t) => t.verbatim !== true)).toEqual([]);
  });

  it('previews the report to the requester only', async () => {
    const events = await start('C0REPORT');
    const preview = await command(events, 'report preview', 'p1');
    expect(preview).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(JSON.stringify(preview)).toContain('Preview: only you see this');
    expect(JSON.stringify(preview)).toContain('AWS security posture report');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('explains how to set a channel when none is configured', async () => {
    const events = await start();
    const answer = await command(events, 'report', 'n1');
    expect(JSON.stringify(answer)).toContain('AWSCHECK_REPORT_CHANNEL');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('says what went wrong when Slack refuses the post', async () => {
    const events = await start('C0REPORT');
    slack.on('chat.postMessage', () => ({ ok: false, error: 'not_in_channel' }));
    const answer = await command(events, 'report', 'x1');
    expect(JSON.stringify(answer)).toContain('not posted');
    expect(JSON.stringify(answer)).toContain('/invite @awscheck');
    expect((await store.latestReport({ status: ['pending'] }))?.channel).toBe('C0REPORT');
  });

  it('answers an unknown option with the help', async () => {
    const events = await start('C0REPORT');
    const answer = await command(events, 'report now', 'h1');
    expect(JSON.stringify(answer)).toContain('Unknown option `now`');
  });
});
