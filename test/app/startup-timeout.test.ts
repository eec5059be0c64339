// `npm start` against a Slack that never answers: the real entry point in a child process, with SLACK_API_URL
// on a port that accepts connections and stays silent, and on a closed port. Start-up gives up after
// AWSCHECK_STARTUP_TIMEOUT with one message naming what to check, and exits non-zero.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildRun, runBot } from '../helpers/child-process.ts';
import { startFakeSlack } from '../helpers/fake-slack.ts';

/** The bot with a two-second start-up limit, timed. */
async function start(apiUrl: string, extra: Record<string, string> = {}): Promise<ChildRun & { ms: number }> {
  const began = Date.now();
  const run = await runBot({
    SLACK_BOT_TOKEN: 'xoxb-startup-test',
    SLACK_SIGNING_SECRET: 'startup-secret',
    SLACK_API_URL: apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    AWSCHECK_DB: join(mkdtempSync(join(tmpdir(), 'awscheck-startup-')), 'awscheck.db'),
    AWSCHECK_STARTUP_TIMEOUT: '2',
    ...extra,
  });
  return { ...run, ms: Date.now() - began };
}

let silent: Server;
const held: Socket[] = [];
let silentPort = 0;
let closedPort = 0;

beforeAll(async () => {
  // Accepts every connection and never writes a byte: a proxy or firewall that swallows requests.
  silent = createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as AddressInfo).port;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe('start-up when Slack cannot be reached', () => {
  it.each([
    ['accepts but never answers', () => `http://127.0.0.1:${silentPort}/api/`],
    ['is closed', () => `http://127.0.0.1:${closedPort}/api/`],
  ])('exits 1 with one clear message when SLACK_API_URL %s', async (_case, url) => {
    const run = await start(url());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `awscheck could not start: Slack did not answer within 2 s (auth.test at ${url()}). Check SLACK_API_URL; AWSCHECK_STARTUP_TIMEOUT allows more seconds.`,
    );
    expect(run.stderr).not.toContain('xoxb-startup-test');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // Two seconds of waiting plus the process's own start, far from the Web API client's half-hour of retries.
    expect(run.ms).toBeLessThan(30_000);
  }, 60_000);

  it('refuses a SLACK_API_URL with a password before connecting, without printing the password', async () => {
    const before = held.length;
    const run = await start(`http://user:hunter2@127.0.0.1:${silentPort}/api/`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SLACK_API_URL: the URL contains a user name or password; remove them (http://***:***@127.0.0.1:');
    expect(run.stderr).not.toContain('hunter2');
    expect(held.length).toBe(before);
  }, 60_000);

  it('exits 1 naming the Socket Mode connection when Slack answers but the WebSocket never comes up', async () => {
    const slack = await startFakeSlack();
    slack.on('apps.connections.open', () => ({ ok: true, url: `ws://127.0.0.1:${silentPort}/link` }));
    try {
      const run = await start(slack.apiUrl, { SLACK_APP_TOKEN: 'xapp-1-startup-test' });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`awscheck could not start: Slack did not answer within 2 s (the Socket Mode connection at ${slack.apiUrl}).`);
      expect(run.stderr).not.toContain('xapp-1-startup-test');
    } finally {
      await slack.close();
    }
  }, 60_000);
});
