// Two people in one workspace, one whose Slack language is English and one whose is Japanese, type the same
// /awscheck: each reads the answer in their own language, and the report posted to the channel stays in
// AWSCHECK_LOCALE. Signed requests into Bolt's HTTPReceiver, a fake Slack Web API (users.info answers each
// person's locale), the real scan engine over a fake check, and the SQLite store in a temp dir.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/config/schema.ts';
import { useReportBotWorld } from '../helpers/report-bot.ts';
import { ACCOUNT, fakeCheck } from './fixtures.ts';

const sts = mockClient(STSClient);

const ALICE = 'U0ALICE';
const KENJI = 'U0KENJI';
const PIERRE = 'U0PIERRE';

/** Hiragana or katakana: in every Japanese sentence awscheck writes, in none of its English ones. */
const KANA = /[\u3040-\u30ff]/;

const world = useReportBotWorld({ locales: { [ALICE]: 'en-US', [KENJI]: 'ja-JP', [PIERRE]: 'fr-FR' } });

beforeEach(() => {
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
});

/** The bot with AWSCHECK_LOCALE=ja, so English can only come from a person's own Slack language. */
async function start(): Promise<void> {
  await world.start({
    channel: 'C0REPORT',
    settings: { ...defaultSettings(), locale: 'ja' },
    checks: [fakeCheck({ items: () => [{ id: 'sg-0abc', fail: true, evidence: 'sg-0abc allows tcp/22 from 0.0.0.0/0' }] })],
  });
}

/** Every reply the command's response_url received, as text. */
async function command(user: string, text: string, id: string): Promise<string[]> {
  const replies = (await world.command(text, id, user)).map((r) => JSON.stringify(r.body));
  expect(replies.length).toBeGreaterThan(0);
  return replies;
}

describe('each person reads their own language', () => {
  it('answers the same scan in English to one person and in Japanese to another', async () => {
    await start();
    const alice = await command(ALICE, 'ec2', 'alice');
    const kenji = await command(KENJI, 'ec2', 'kenji');
    // Progress and results alike.
    for (const reply of alice) expect(reply).not.toMatch(KANA);
    for (const reply of kenji) expect(reply).toMatch(KANA);
    expect(alice.at(-1)).toContain('sg-0abc');
    expect(kenji.at(-1)).toContain('sg-0abc');
    // Their language was asked of Slack, with the locale included, for the signed payload's user.
    const asked = world.slack.callsTo('users.info').map((c) => [c.params.user, String(c.params.include_locale)]);
    expect(asked).toEqual([
      [ALICE, 'true'],
      [KENJI, 'true'],
    ]);
  });

  it('asks Slack once per person, however many commands they type', async () => {
    await start();
    await command(KENJI, 'help', 'h1');
    const again = await command(KENJI, 'checks', 'h2');
    expect(again.at(-1)).toMatch(KANA);
    expect(world.slack.callsTo('users.info')).toHaveLength(1);
  });

  it('answers a language awscheck does not speak in AWSCHECK_LOCALE', async () => {
    await start();
    const [help] = await command(PIERRE, 'help', 'fr');
    expect(help).toMatch(KANA);
  });

  it('falls back to AWSCHECK_LOCALE when Slack will not say (missing users:read)', async () => {
    world.slack.on('users.info', () => ({ ok: false, error: 'missing_scope', needed: 'users:read' }));
    await start();
    const [help] = await command(ALICE, 'help', 'scope');
    expect(help).toMatch(KANA);
  });

  it('posts the channel report in AWSCHECK_LOCALE, and tells the English requester in English', async () => {
    await start();
    const replies = await command(ALICE, 'report', 'report');
    const [post] = world.slack.callsTo('chat.postMessage');
    expect(post?.params.channel).toBe('C0REPORT');
    expect(JSON.stringify(post?.params.blocks)).toMatch(KANA);
    expect(String(post?.params.text)).toMatch(KANA);
    expect(replies.at(-1)).toContain('<#C0REPORT>');
    for (const reply of replies) expect(reply).not.toMatch(KANA);
  });

  it('shares a `public` answer in the channel\'s language, and keeps the private ones in the person\'s', async () => {
    await start();
    const [shared] = await command(ALICE, 'explain ec2.test-open-sg public', 'pub');
    expect(shared).toContain('"response_type":"in_channel"');
    expect(shared).toMatch(KANA);
    const [own] = await command(ALICE, 'explain ec2.test-open-sg', 'own');
    expect(own).toContain('"response_type":"ephemeral"');
    expect(own).not.toMatch(KANA);
  });
});
