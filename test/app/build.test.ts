import { LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app/build.ts';
import { ConfigError } from '../../src/config/errors.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { buildTestBot } from '../helpers/http-bot.ts';
import { FORM, postSigned, slashCommandBody } from '../helpers/slack-signing.ts';

let slack: FakeSlack | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

describe('buildApp', () => {
  it('turns a token Slack refuses into a ConfigError that names the variable', async () => {
    slack = await startFakeSlack();
    slack.on('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    const bot = buildTestBot(slack, { checks: [] });
    const failure = await bot.start().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).message).toContain('SLACK_BOT_TOKEN: Slack refused the token (invalid_auth)');
    expect((failure as ConfigError).message).not.toContain('xoxb-test-token');
  });

  it('runs extra registrars and subcommands from other features', async () => {
    slack = await startFakeSlack();
    const registrar = vi.fn();
    const bot = buildTestBot(slack, {
      checks: [],
      registrars: [registrar],
      subcommands: [
        {
          name: 'report',
          help: { en: '`/awscheck report` — the posture report', ja: '`/awscheck report` — レポート' },
          restricted: false,
          run: async (ctx) => ctx.reply.send({ text: 'report!' }),
        },
      ],
    });
    expect(registrar).toHaveBeenCalledWith(bot.app, bot.deps);
    const { port } = await bot.start();
    try {
      const body = slashCommandBody({ text: 'report', response_url: slack.responseUrl('rep') });
      expect((await postSigned(`http://127.0.0.1:${port}/slack/events`, body, FORM)).status).toBe(200);
      await bot.idle();
      expect(slack.responsesTo('rep')[0]?.body).toMatchObject({ text: 'report!' });
      const help = slashCommandBody({ text: 'help', response_url: slack.responseUrl('help') });
      await postSigned(`http://127.0.0.1:${port}/slack/events`, help, FORM);
      await bot.idle();
      expect(JSON.stringify(slack.responsesTo('help')[0]?.body)).toContain('`/awscheck report` — the posture report');
    } finally {
      await bot.stop();
    }
  });

  it('builds a Socket Mode app from an app-level token without opening a port', () => {
    const bot = buildApp({
      slack: { botToken: 'xoxb-test-token', appToken: 'xapp-1-test', port: 3000, scanners: [], mode: 'socket' },
      settings: defaultSettings({ locale: 'ja' }),
      checks: [],
      logLevel: LogLevel.ERROR,
    });
    expect(bot.deps.locale).toBe('ja');
    expect(bot.app).toBeDefined();
  });
});
