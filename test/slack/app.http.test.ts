// The Slack app end to end over HTTP: Bolt's HTTPReceiver on 127.0.0.1:0, requests signed as Slack signs
// them, a fake Slack Web API and response_url, and the real scan engine over fake checks (STS mocked).
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AnyCheck } from '../../src/engine/types.ts';
import { BLOCK_KIT, measureBlocks } from '../../src/slack/render/limits.ts';
import { startFakeSlack } from '../helpers/fake-slack.ts';
import { type TestBot, useTestBot } from '../helpers/http-bot.ts';
import {
  FORM,
  JSON_TYPE,
  buttonClick,
  eventBody,
  interactionBody,
  postSigned,
  slashCommandBody,
} from '../helpers/slack-signing.ts';
import { ACCOUNT, type Deferred, deferred, fakeCheck, manyItems } from './fixtures.ts';

const sts = mockClient(STSClient);

const startBot = useTestBot();

async function start(checks: readonly AnyCheck[], scanners: string[] = []): Promise<TestBot> {
  return startBot(await startFakeSlack({ usergroups: { S0SEC: ['U0GROUPIE'] } }), { checks, scanners });
}

async function command(h: TestBot, text: string, options: { user?: string; responseId?: string } = {}): Promise<{ status: number; ms: number; id: string }> {
  const id = options.responseId ?? `cmd${Math.floor(Math.random() * 1e9)}`;
  const body = slashCommandBody({ text, response_url: h.slack.responseUrl(id), ...(options.user ? { user_id: options.user } : {}) });
  const began = Date.now();
  const answer = await postSigned(h.events, body, FORM);
  await answer.text();
  return { status: answer.status, ms: Date.now() - began, id };
}

const lastResponse = (h: TestBot, id: string) => h.slack.responsesTo(id).at(-1)?.body;

beforeEach(() => {
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
});

describe('Slack app over HTTP', () => {
  it('answers 401 to a bad or a stale signature, and never runs the command', async () => {
    const h = await start([fakeCheck({ items: () => [] })]);
    const body = slashCommandBody({ text: 'help', response_url: h.slack.responseUrl('bad') });
    const forged = await postSigned(h.events, body, FORM, { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' });
    expect(forged.status).toBe(401);
    const wrongSecret = await postSigned(h.events, body, FORM, { secret: 'not-the-secret' });
    expect(wrongSecret.status).toBe(401);
    const stale = await postSigned(h.events, body, FORM, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(stale.status).toBe(401);
    await h.bot.idle();
    expect(h.slack.responsesTo('bad')).toHaveLength(0);
  });

  it('acks within 3 s while the scan still runs, shows progress, then delivers the results to the response_url', async () => {
    const gate: Deferred = deferred();
    const h = await start([
      fakeCheck({
        gate: gate.promise,
        items: () => [
          { id: 'sg-0abc', fail: true, evidence: 'sg-0abc rule sgr-123 allows tcp/22 from 0.0.0.0/0' },
          { id: 'sg-0def', fail: false, evidence: 'sg-0def has no world-open admin port' },
        ],
      }),
    ]);
    const sent = await command(h, '', { responseId: 'scan1' });
    expect(sent.status).toBe(200);
    expect(sent.ms).toBeLessThan(3000);

    // The scan is held on the gate: the user sees "scanning", then a progress update, and no results yet.
    await h.slack.waitFor(() => h.slack.responsesTo('scan1').some((r) => JSON.stringify(r.body).includes('EC2 4/12')));
    const first = h.slack.responsesTo('scan1')[0]?.body;
    expect(first).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(first)).toContain('Scanning');
    expect(h.slack.responsesTo('scan1').every((r) => !JSON.stringify(r.body).includes('posture score'))).toBe(true);
    expect(h.bot.scans.running).toBe(1);

    gate.release();
    await h.bot.idle();
    const final = lastResponse(h, 'scan1');
    expect(final).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const text = JSON.stringify(final);
    expect(text).toContain('posture score 50/100');
    expect(text).toContain('sg-0abc rule sgr-123 allows tcp/22 from 0.0.0.0/0');
    expect(text).toContain('"action_id":"awscheck_explain"');
    expect(text).not.toContain('sg-0def has no world-open');
    // Slack's limit: five replies per response_url.
    expect(h.slack.responsesTo('scan1').length).toBeLessThanOrEqual(5);
  });

  it('keeps thousands of findings inside Block Kit limits and attaches the full list as CSV privately', async () => {
    const h = await start([fakeCheck({ items: () => manyItems(3000) })]);
    await command(h, '', { responseId: 'big' });
    await h.bot.idle();
    const final = lastResponse(h, 'big') as { blocks: unknown[] };
    const size = measureBlocks(final.blocks);
    expect(size.blocks).toBeLessThanOrEqual(BLOCK_KIT.maxMessageBlocks);
    expect(size.longestText).toBeLessThanOrEqual(BLOCK_KIT.maxText);
    expect(size.totalText).toBeLessThanOrEqual(BLOCK_KIT.maxMessageText);
    expect(JSON.stringify(final)).toContain('of 3000 findings');
    expect(JSON.stringify(final)).toContain('direct messages');

    // files.uploadV2 = getUploadURLExternal, a POST to the upload URL, completeUploadExternal into the DM.
    expect(h.slack.callsTo('conversations.open')[0]?.params).toMatchObject({ users: 'U0ALICE' });
    expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(h.slack.callsTo('files.completeUploadExternal')[0]?.params).toMatchObject({ channel_id: 'D0U0ALICE' });
    const csv = h.slack.uploads[0]?.body.toString('utf8') ?? '';
    expect(csv.match(/ec2\.test-open-sg,FAIL/g)).toHaveLength(3000);
  });

  it('escapes text from AWS: a security group description pings nobody and links nowhere', async () => {
    const evil = 'sg-0abc description <!channel> <https://evil.example|click> & more';
    const h = await start([fakeCheck({ items: () => [{ id: 'sg-0abc', fail: true, evidence: evil }] })]);
    await command(h, '', { responseId: 'evil' });
    await h.bot.idle();
    const final = JSON.stringify(lastResponse(h, 'evil'));
    expect(final).not.toContain('<!channel>');
    expect(final).not.toContain('<https://evil.example');
    expect(final).toContain('&lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; more');
    // verbatim: Slack must not auto-link the bare URL either.
    const blocks = (lastResponse(h, 'evil') as { blocks: { text?: { text: string; verbatim?: boolean } }[] }).blocks;
    const evidence = blocks.find((b) => b.text?.text.includes('evil.example'));
    expect(evidence?.text?.verbatim).toBe(true);
  });

  it('answers `/awscheck nonsense` with the help, politely, and scans nothing', async () => {
    const h = await start([fakeCheck({ items: () => [] })]);
    await command(h, 'nonsense', { responseId: 'nonsense' });
    await h.bot.idle();
    const reply = JSON.stringify(lastResponse(h, 'nonsense'));
    expect(reply).toContain("I didn't understand `nonsense`");
    expect(reply).toContain('/awscheck explain CHECK-ID');
    expect(reply).not.toMatch(/Error|at .*\.ts/);
    expect(sts.calls()).toHaveLength(0);
  });

  it('refuses a user outside AWSCHECK_SCANNERS and lets a member of a listed user group scan', async () => {
    const h = await start([fakeCheck({ items: () => [] })], ['U0BOSS', 'S0SEC']);
    await command(h, '', { responseId: 'outsider' });
    await h.bot.idle();
    expect(h.slack.responsesTo('outsider')).toHaveLength(1);
    expect(JSON.stringify(lastResponse(h, 'outsider'))).toContain("you're not on the list");
    expect(sts.calls()).toHaveLength(0);

    await command(h, '', { user: 'U0GROUPIE', responseId: 'member' });
    await h.bot.idle();
    expect(JSON.stringify(lastResponse(h, 'member'))).toContain('No failing findings');
    expect(h.slack.callsTo('usergroups.users.list')[0]?.params).toMatchObject({ usergroup: 'S0SEC' });
  });

  it('posts public results to the channel when asked', async () => {
    const h = await start([fakeCheck({ items: () => [{ id: 'sg-1', fail: true, evidence: 'sg-1 open' }] })]);
    await command(h, 'ec2 public', { responseId: 'pub' });
    await h.bot.idle();
    const replies = h.slack.responsesTo('pub').map((r) => r.body);
    expect(replies.at(-1)).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(replies.slice(0, -1).every((r) => r.response_type === 'ephemeral')).toBe(true);
  });

  it('falls back to a direct message when the response_url no longer answers', async () => {
    const gate = deferred();
    const h = await start([fakeCheck({ gate: gate.promise, items: () => [{ id: 'sg-1', fail: true, evidence: 'sg-1 open' }] })]);
    await command(h, '', { responseId: 'late' });
    await h.slack.waitFor(() => h.slack.responsesTo('late').length > 0);
    h.slack.failResponses('late', 404);
    gate.release();
    await h.bot.idle();
    const post = h.slack.callsTo('chat.postMessage')[0]?.params;
    expect(post).toMatchObject({ channel: 'D0U0ALICE' });
    expect(JSON.stringify(post)).toContain('posture score');
  });

  it('opens the Explain modal for a button click', async () => {
    const h = await start([fakeCheck({ items: () => [] })]);
    const answer = await postSigned(h.events, interactionBody(buttonClick('awscheck_explain', 'ec2.test-open-sg')), FORM);
    expect(answer.status).toBe(200);
    const open = await h.slack.waitFor(() => h.slack.callsTo('views.open')[0]);
    expect(open.params.trigger_id).toBe('1234.5678.abcd');
    expect(JSON.stringify(open.params.view)).toContain('Open SSH invites brute force.');
  });

  it('publishes the last scan per account on App Home', async () => {
    const h = await start([
      fakeCheck({ items: () => [{ id: 'sg-1', fail: true, evidence: 'sg-1 <!here> open to the world' }] }),
    ]);
    await command(h, '');
    await h.bot.idle();
    const answer = await postSigned(h.events, eventBody({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0U0ALICE', tab: 'home', event_ts: '1700000000.1' }), JSON_TYPE);
    expect(answer.status).toBe(200);
    const publish = await h.slack.waitFor(() => h.slack.callsTo('views.publish')[0]);
    expect(publish.params.user_id).toBe('U0ALICE');
    const view = JSON.stringify(publish.params.view);
    expect(view).toContain(ACCOUNT);
    expect(view).toContain('sg-1 &lt;!here&gt; open to the world');
    expect(view).not.toContain('<!here>');
  });

  it('answers GET /healthz', async () => {
    const h = await start([]);
    const answer = await fetch(`${h.base}/healthz`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ status: 'ok' });
  });
});
