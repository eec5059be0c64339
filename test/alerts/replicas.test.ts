// Two bot processes on one SQLite file and one queue: copies of an event delivered to both post one alert,
// and SIGTERM in the middle of a 20-second long poll stops each replica at once, cleanly.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeSlack } from '../helpers/fake-slack.ts';
import { FakeSqs } from '../helpers/fake-sqs.ts';
import { eventBody } from './fixtures.ts';
import { replicaWorld } from './replica-world.ts';

const dir = mkdtempSync(join(tmpdir(), 'awscheck-replicas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function replica(sqsUrl: string, slackApiUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'replica.ts'), sqsUrl, slackApiUrl, join(dir, 'awscheck.db')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`replica exited early with ${code}`)));
  });
}

describe('two replicas', () => {
  it('post one alert for copies of one event, and stop promptly on SIGTERM', { timeout: 60_000 }, async () => {
    const sqs = new FakeSqs();
    await sqs.start();
    const slack = await startFakeSlack();
    const { world, groupId } = replicaWorld();
    const replicas = await Promise.all([replica(sqs.url, slack.apiUrl), replica(sqs.url, slack.apiUrl)]);
    try {
      await slack.waitFor(() => sqs.calls('ReceiveMessage').length >= 2, 20_000);
      const body = eventBody('AuthorizeSecurityGroupIngress', { recipientAccountId: world.accountId, requestParameters: { groupId } }, 'one-event-id');
      // At-least-once: the same event three times, picked up by both replicas at once.
      for (let i = 0; i < 3; i++) sqs.send(body);
      await slack.waitFor(() => sqs.calls('DeleteMessage').length === 3, 30_000);
      const posts = slack.callsTo('chat.postMessage');
      expect(posts.map((p) => p.params.text)).toEqual([`awscheck alert: ec2.sg-admin-port-ipv4 ${groupId}`]);
      expect(JSON.stringify(posts[0]!.params)).toContain(`${groupId} / sgr-world-ssh`);
      expect(new Set(sqs.calls('ReceiveMessage').map((r) => r.host))).toEqual(new Set([new URL(sqs.url).host]));
    } finally {
      const started = Date.now();
      const exits = replicas.map((child) => once(child, 'exit'));
      for (const child of replicas) child.kill('SIGTERM');
      const codes = (await Promise.all(exits)).map(([code]) => code as number | null);
      expect(codes).toEqual([0, 0]);
      expect(Date.now() - started).toBeLessThan(5000);
      await sqs.stop();
      await slack.close();
    }
  });
});
