// The bot as the signed-HTTP tests drive it: Bolt's HTTPReceiver on 127.0.0.1:0, verifying requests with
// TEST_SIGNING_SECRET, its Web API calls going to a fake Slack, quiet, and progress every 30 ms.
import { LogLevel } from '@slack/bolt';
import { afterEach } from 'vitest';
import { type AwscheckApp, type BuildAppOptions, buildApp } from '../../src/app/build.ts';
import { defaultSettings, type Settings } from '../../src/config/schema.ts';
import type { SlackConfig } from '../../src/slack/config.ts';
import type { FakeSlack } from './fake-slack.ts';
import { TEST_SIGNING_SECRET } from './slack-signing.ts';
import { expectCallsWithinScopes } from './slack-scopes.ts';

/** HTTP mode against the fake Slack at `apiUrl`; `scanners` is AWSCHECK_SCANNERS (empty: everyone). */
export function httpSlackConfig(apiUrl: string, scanners: string[] = []): SlackConfig {
  return { botToken: 'xoxb-test-token', signingSecret: TEST_SIGNING_SECRET, port: 0, apiUrl, scanners, mode: 'http' };
}

export interface TestBotOptions extends Omit<BuildAppOptions, 'slack' | 'settings' | 'logLevel' | 'host' | 'progress'> {
  settings?: Settings;
  scanners?: string[];
}

export function buildTestBot(slack: FakeSlack, options: TestBotOptions): AwscheckApp {
  const { settings, scanners, ...rest } = options;
  return buildApp({
    slack: httpSlackConfig(slack.apiUrl, scanners),
    settings: settings ?? defaultSettings(),
    logLevel: LogLevel.ERROR,
    host: '127.0.0.1',
    progress: { gapsMs: [30] },
    ...rest,
  });
}

/** Built and listening; `base` is its http://127.0.0.1:port, `events` the URL Slack posts to. */
export async function startTestBot(slack: FakeSlack, options: TestBotOptions): Promise<{ bot: AwscheckApp; base: string; events: string }> {
  const bot = buildTestBot(slack, options);
  const { port } = await bot.start();
  const base = `http://127.0.0.1:${port}`;
  return { bot, base, events: `${base}/slack/events` };
}

export interface TestBot {
  slack: FakeSlack;
  bot: AwscheckApp;
  base: string;
  events: string;
}

/**
 * Starts bots for the tests of the enclosing suite. After each test, every Web API method the bot called must
 * have its scope in the manifest; then the bot and its fake Slack are closed.
 */
export function useTestBot(): (slack: FakeSlack, options: TestBotOptions) => Promise<TestBot> {
  let current: TestBot | undefined;
  afterEach(async () => {
    if (!current) return;
    const { slack, bot } = current;
    current = undefined;
    expectCallsWithinScopes(slack);
    await bot.stop();
    await slack.close();
  });
  return async (slack, options) => {
    current = { slack, ...(await startTestBot(slack, options)) };
    return current;
  };
}
