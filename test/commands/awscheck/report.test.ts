// `/awscheck report` end to end: signed slash commands into Bolt's HTTPReceiver, the real scan engine over a
// fake check, the SQLite store in a temp dir, and a fake Slack Web API receiving the report.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { useReportBotWorld } from '../../helpers/report-bot.ts';
import { fakeCheck } from '../../slack/fixtures.ts';

const sts = mockClient(STSClient);

const world = useReportBotWorld();
let open: boolean;
/** Evidence text from AWS, when a test needs its own. */
let evidence: string | undefined;

beforeEach(() => {
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
  open = true;
  evidence = undefined;
});

async function start(channel?: string): Promise<void> {
  const check = fakeCheck({
    items: () => [{ id: 'sg-0abc', fail: open, evidence: evidence ?? (open ? 'sg-0abc rule sgr-1 allows tcp/22 from 0.0.0.0/0' : 'sg-0abc allows no SSH from the internet') }],
  });
  await world.start({ checks: [check], ...(channel ? { channel } : {}) });
}

const command = async (text: string, id: string) => (await world.command(text, id)).at(-1)?.body;

describe('/awscheck report', () => {
  it('posts the report now, and the next report lists the fix as resolved', async () => {
    await start('C0REPORT');
    const first = await command('report', 'r1');
    expect(JSON.stringify(first)).toContain('Posted the posture report to <#C0REPORT>');
    const [post] = world.slack.callsTo('chat.postMessage');
    expect(post?.params.channel).toBe('C0REPORT');
    expect(JSON.stringify(post?.params.blocks)).toContain('sg-0abc rule sgr-1 allows tcp/22 from 0.0.0.0/0');
    // The CSV and the trend chart.
    expect(world.slack.uploads).toHaveLength(2);

    open = false;
    await command('report', 'r2');
    const second = world.slack.callsTo('chat.postMessage')[1];
    expect(JSON.stringify(second?.params.blocks)).toContain('Resolved since the last report (1)');
    expect(String(second?.params.text)).toContain('1 resolved');
    // Both scans were saved once each, through the scan service's completion listener and the report.
    expect((await world.store.scanSummaries({ selectionKey: '{}', since: '2000-01-01T00:00:00.000Z' })).length).toBe(2);
  });

  it('posts AWS text escaped and verbatim, so the channel report links and pings nothing', async () => {
    evidence = 'sg-0abc <!channel> <https://evil.example|click> see http://evil.example @here';
    await start('C0REPORT');
    await command('report', 'v1');
    const blocks = world.slack.callsTo('chat.postMessage')[0]?.params.blocks;
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
    await start('C0REPORT');
    const preview = await command('report preview', 'p1');
    expect(preview).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(JSON.stringify(preview)).toContain('Preview: only you see this');
    expect(JSON.stringify(preview)).toContain('AWS security posture report');
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('explains how to set a channel when none is configured', async () => {
    await start();
    const answer = await command('report', 'n1');
    expect(JSON.stringify(answer)).toContain('AWSCHECK_REPORT_CHANNEL');
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('says what went wrong when Slack refuses the post', async () => {
    await start('C0REPORT');
    world.slack.on('chat.postMessage', () => ({ ok: false, error: 'not_in_channel' }));
    const answer = await command('report', 'x1');
    expect(JSON.stringify(answer)).toContain('not posted');
    expect(JSON.stringify(answer)).toContain('/invite @awscheck');
    expect((await world.store.latestReport({ status: ['pending'] }))?.channel).toBe('C0REPORT');
  });

  it('answers an unknown option with the help', async () => {
    await start('C0REPORT');
    const answer = await command('report now', 'h1');
    expect(JSON.stringify(answer)).toContain('Unknown option `now`');
  });
});
