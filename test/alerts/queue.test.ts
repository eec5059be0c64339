// The queue poller against the fake SQS over HTTP: endpoint overrides win over the queue URL's host,
// visibility is extended while a message is handled, poison is left to the DLQ (or deleted after
// MAX_RECEIVES without one), a failing or slow message never blocks the next, and stop() is prompt.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueueClient, MAX_RECEIVES, QueuePoller } from '../../src/alerts/queue.ts';
import type { Outcome } from '../../src/alerts/service.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { FakeSqs } from '../helpers/fake-sqs.ts';

const QUEUE_URL = 'https://sqs.ap-northeast-1.amazonaws.com/111122223333/awscheck-events';
let sqs: FakeSqs;
let poller: QueuePoller | undefined;
const logged: string[] = [];
const logger = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };

beforeEach(async () => {
  logged.length = 0;
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAFAKEFORTESTS0001');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'fake-secret-for-tests');
  sqs = new FakeSqs();
  await sqs.start();
});

afterEach(async () => {
  await poller?.stop();
  poller = undefined;
  await sqs.stop();
  vi.unstubAllEnvs();
});

function startPoller(handle: (body: string | undefined) => Promise<Outcome>, env: Record<string, string | undefined> = { AWS_ENDPOINT_URL_SQS: sqs.url }, settings = defaultSettings()) {
  poller = new QueuePoller({
    queueUrl: QUEUE_URL,
    client: createQueueClient(QUEUE_URL, settings, env),
    handle: (body) => handle(body),
    logger,
    waitTimeSeconds: 1,
    extendEveryMs: 50,
    visibilitySeconds: 30,
    retryDelayMs: 20,
  });
  poller.start();
  return poller;
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('the events queue poller', () => {
  for (const [name, env, settings] of [
    ['AWS_ENDPOINT_URL_SQS', (url: string) => ({ AWS_ENDPOINT_URL_SQS: url }), () => defaultSettings()],
    ['AWS_ENDPOINT_URL', (url: string) => ({ AWS_ENDPOINT_URL: url }), () => defaultSettings()],
    ['endpointUrl in awscheck.yml', () => ({}), (url: string) => defaultSettings({ endpointUrl: url })],
  ] as const) {
    it(`sends to ${name}, not to the queue URL's host, long-polling and deleting what it handled`, async () => {
      const seen: string[] = [];
      startPoller(async (body) => (seen.push(body ?? ''), { kind: 'done', note: 'ok' }), env(sqs.url), settings(sqs.url));
      sqs.send('{"hello":1}');
      await until(() => sqs.calls('DeleteMessage').length === 1);
      expect(seen).toEqual(['{"hello":1}']);
      const receive = sqs.calls('ReceiveMessage')[0]!;
      expect(receive.input).toMatchObject({ QueueUrl: QUEUE_URL, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['ApproximateReceiveCount'] });
      expect(Number(receive.input.MaxNumberOfMessages)).toBeLessThanOrEqual(10);
      expect(new Set(sqs.requests.map((r) => r.host))).toEqual(new Set([new URL(sqs.url).host]));
    });
  }

  it('extends the visibility timeout while a message is being handled', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    startPoller(async () => (await gate, { kind: 'done', note: 'ok' }));
    sqs.send('slow');
    await until(() => sqs.calls('ChangeMessageVisibility').length >= 2);
    expect(sqs.calls('ChangeMessageVisibility')[0]!.input).toMatchObject({ VisibilityTimeout: 30 });
    release();
    await until(() => sqs.calls('DeleteMessage').length === 1);
  });

  it('does not let a slow or failing message block the next one, and survives a handler that throws', async () => {
    const handled: string[] = [];
    startPoller(async (body) => {
      if (body === 'slow') await new Promise((r) => setTimeout(r, 400));
      if (body === 'throws') throw new Error('boom');
      handled.push(body ?? '');
      return { kind: 'done', note: 'ok' };
    });
    sqs.send('slow');
    await until(() => sqs.calls('ReceiveMessage').length >= 1);
    sqs.send('throws');
    sqs.send('next');
    await until(() => handled.includes('next'));
    expect(handled).not.toContain('slow');
    await until(() => handled.includes('slow'));
    expect(logged.some((l) => l.includes('could not be handled (handler failed: boom)'))).toBe(true);
  });

  it('deletes a poison message itself after MAX_RECEIVES receives when the queue has no DLQ', async () => {
    startPoller(async () => ({ kind: 'malformed', reason: 'body is not JSON' }));
    sqs.send('poison');
    await until(() => sqs.deleted.length === 1, 10_000);
    expect(sqs.deleted[0]!.receiveCount).toBe(MAX_RECEIVES);
    expect(logged.at(-1)).toContain(`after ${MAX_RECEIVES} receives; deleting it`);
    expect(logged.join('\n')).not.toContain('poison');
  });

  it('keeps polling after the queue fails, and stops promptly in the middle of a long poll', async () => {
    const other = new FakeSqs();
    await other.start();
    const url = other.url;
    await other.stop();
    startPoller(async () => ({ kind: 'done', note: 'ok' }), { AWS_ENDPOINT_URL_SQS: url });
    await until(() => logged.some((l) => l.includes('could not receive from the events queue')));
    const p = poller!;
    poller = undefined;
    await p.stop();

    startPoller(async () => ({ kind: 'done', note: 'ok' }));
    await until(() => sqs.calls('ReceiveMessage').length >= 1);
    const started = Date.now();
    await poller!.stop();
    poller = undefined;
    expect(Date.now() - started).toBeLessThan(500);
  });
});
