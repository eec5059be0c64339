// `npm start` with empty and bad variables: the real entry point in a child process reads the environment
// through the one loader, lists every problem in one message (empty ones and invalid ones alike), exits 2,
// and never prints a token.
import { expect, it } from 'vitest';
import { runBot } from '../helpers/child-process.ts';

it('stops the bot with exit 2 and one message naming every empty and invalid variable', async () => {
  const run = await runBot({
    SLACK_BOT_TOKEN: 'xapp-1-not-the-bot-token',
    SLACK_SIGNING_SECRET: '',
    AWSCHECK_DB: ' ',
    AWSCHECK_APPROVAL_TTL: '3 weeks',
    AWSCHECK_LOCALE: '',
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/SLACK_SIGNING_SECRET: set but empty/);
  expect(run.stderr).toMatch(/AWSCHECK_DB: set but empty/);
  expect(run.stderr).toMatch(/AWSCHECK_LOCALE: set but empty/);
  expect(run.stderr).toMatch(/AWSCHECK_APPROVAL_TTL: got "3 weeks"/);
  expect(run.stderr).toMatch(/SLACK_BOT_TOKEN: got \(hidden\)/);
  expect(run.stderr).not.toContain('not-the-bot-token');
}, 90_000);
