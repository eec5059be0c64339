// HOST decides where the HTTP receiver listens: bound to 127.0.0.2, /healthz answers there and nothing
// listens on 127.0.0.1 (Linux routes all of 127/8 to the loopback interface).
import { connect } from 'node:net';
import { LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { configurationPart, slackConfig } from '../../src/config/configuration.ts';
import { buildApp } from '../../src/app/build.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { TEST_SIGNING_SECRET } from '../helpers/slack-signing.ts';

let slack: FakeSlack | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

const reachable = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('HOST', () => {
  it.runIf(process.platform === 'linux')('is where the HTTP receiver listens', async () => {
    slack = await startFakeSlack();
    const config = configurationPart({ SLACK_BOT_TOKEN: 'xoxb-1-2-host', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, PORT: '0', HOST: '127.0.0.2', SLACK_API_URL: slack.apiUrl }, slackConfig);
    const bot = buildApp({ slack: config, settings: defaultSettings(), checks: [], logLevel: LogLevel.ERROR });
    const { port } = await bot.start();
    try {
      expect(port).toBeGreaterThan(0);
      const health = await fetch(`http://127.0.0.2:${port!}/healthz`);
      expect(health.status).toBe(200);
      expect(await reachable('127.0.0.1', port!)).toBe(false);
    } finally {
      await bot.stop();
    }
  });

  it('refuses a mistyped address with a message naming HOST, and still takes host names', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1-2-host', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET };
    for (const bad of ['999.1.1.1', '10.0.0', '127.1']) {
      expect(() => configurationPart({ ...base, HOST: bad }, slackConfig)).toThrow(/HOST: got "[\d.]+"; expected the address to listen on/);
    }
    expect(configurationPart({ ...base, HOST: 'localhost' }, slackConfig).host).toBe('localhost');
    expect(configurationPart({ ...base, HOST: 'bot-1.internal' }, slackConfig).host).toBe('bot-1.internal');
    expect(configurationPart({ ...base, HOST: '::1' }, slackConfig).host).toBe('::1');
  });
});
