// The SQS side: a client that honours endpoint overrides, and a long-poll loop that receives, handles and
// deletes, extends the visibility timeout while a message is being handled, and stops cleanly.
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import { announceAwsCall } from '../aws/call-log.ts';
import { describeAwsError } from '../aws/errors.ts';
import type { Settings } from '../config/schema.ts';
import { queueRegion } from './config.ts';
import type { AlertLogger, Outcome } from './service.ts';

/** The IAM actions the bot needs on its queue (printed by `awscheck policy --alerts`). */
export const QUEUE_ACTIONS = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility'] as const;

/**
 * A message that keeps failing is deleted by the bot itself on this receive, as a backstop for a queue
 * without a dead-letter queue. Keep the DLQ's maxReceiveCount below it, so the DLQ gets the message first.
 */
export const MAX_RECEIVES = 10;

export function createQueueClient(queueUrl: string, settings: Settings, env: Record<string, string | undefined>): SQSClient {
  // The SQS client sends to the queue URL's host by default, even with an endpoint override set; an
  // override (VPC endpoint, proxy, LocalStack) must win, so it is passed explicitly and the URL rewrite is off.
  const override = settings.endpointUrl ?? (env.AWS_ENDPOINT_URL_SQS || env.AWS_ENDPOINT_URL || undefined);
  const region = queueRegion(queueUrl) ?? settings.homeRegion;
  const client = new SQSClient({
    region,
    ...(override ? { endpoint: override, useQueueUrlAsEndpoint: false } : {}),
  });
  const send = client.send.bind(client) as (command: object, options?: object) => Promise<unknown>;
  client.send = ((command: object, options?: object) => {
    announceAwsCall({ client: 'SQSClient', command: command.constructor.name, region, purpose: 'alerts' });
    return send(command, options);
  }) as SQSClient['send'];
  return client;
}

export interface QueuePollerOptions {
  queueUrl: string;
  client: SQSClient;
  handle(body: string | undefined, signal: AbortSignal): Promise<Outcome>;
  logger: AlertLogger;
  /** Messages handled at once (and the most asked for per receive, up to SQS's 10). */
  concurrency?: number;
  waitTimeSeconds?: number;
  /** What each extension sets the visibility timeout to, and how often it is extended. */
  visibilitySeconds?: number;
  extendEveryMs?: number;
  /** Pause after a failed receive, doubled up to 30 s while it keeps failing. */
  retryDelayMs?: number;
}

export class QueuePoller {
  private readonly abort = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private loop?: Promise<void>;
  private slotFreed?: () => void;

  constructor(private readonly options: QueuePollerOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops receiving, lets the messages in hand finish (their re-read is cancelled), and resolves. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.slotFreed?.();
    await this.loop;
    await Promise.all([...this.inFlight]);
  }

  private get limit(): number {
    return Math.min(10, Math.max(1, this.options.concurrency ?? 10));
  }

  private async run(): Promise<void> {
    const { signal } = this.abort;
    const base = this.options.retryDelayMs ?? 1000;
    let delay = base;
    while (!signal.aborted) {
      // Never more in hand than the limit; a slow message holds one slot, not the queue.
      if (this.inFlight.size >= this.limit) {
        await new Promise<void>((resolve) => (this.slotFreed = resolve));
        continue;
      }
      let messages: Message[];
      try {
        const answer = await this.options.client.send(
          new ReceiveMessageCommand({
            QueueUrl: this.options.queueUrl,
            MaxNumberOfMessages: this.limit - this.inFlight.size,
            WaitTimeSeconds: this.options.waitTimeSeconds ?? 20,
            MessageSystemAttributeNames: ['ApproximateReceiveCount'],
          }),
          { abortSignal: signal },
        );
        messages = answer.Messages ?? [];
        delay = base;
      } catch (err) {
        if (signal.aborted) break;
        this.options.logger.warn(`awscheck: alerts: could not receive from the events queue (${describeAwsError(err)}); retrying in ${delay} ms`);
        await sleep(delay, undefined, { signal }).catch(() => undefined);
        delay = Math.min(delay * 2, 30_000);
        continue;
      }
      for (const message of messages) {
        const work = this.process(message).finally(() => {
          this.inFlight.delete(work);
          this.slotFreed?.();
        });
        this.inFlight.add(work);
      }
    }
  }

  private async process(message: Message): Promise<void> {
    const { logger } = this.options;
    const id = message.MessageId ?? '?';
    const receives = Number(message.Attributes?.ApproximateReceiveCount ?? '1');
    const stopExtending = this.keepInvisible(message);
    let outcome: Outcome;
    try {
      outcome = await this.options.handle(message.Body, this.abort.signal);
    } catch (err) {
      outcome = { kind: 'retry', reason: `handler failed: ${(err as Error).message}` };
    } finally {
      stopExtending();
    }
    if (outcome.kind === 'done') {
      await this.remove(message);
      return;
    }
    // The body is never logged: it is AWS's record of someone's API call and may carry anything.
    const what = outcome.kind === 'malformed' ? 'is malformed' : 'could not be handled';
    if (receives >= MAX_RECEIVES) {
      logger.error(`awscheck: alerts: message ${id} ${what} (${outcome.reason}) after ${receives} receives; deleting it (give the queue a dead-letter queue with maxReceiveCount below ${MAX_RECEIVES} to keep such messages)`);
      await this.remove(message);
      return;
    }
    logger.warn(`awscheck: alerts: message ${id} ${what} (${outcome.reason}); receive ${receives}, left for redelivery (the dead-letter queue keeps it after the queue's maxReceiveCount)`);
    if (outcome.kind === 'malformed' && !this.abort.signal.aborted) {
      // Poison goes back at once, so the queue's redrive moves it to the DLQ after a few quick receives.
      await this.setVisibility(message, 0);
    }
  }

  /** Extends the visibility timeout every so often while the message is being handled. */
  private keepInvisible(message: Message): () => void {
    const every = this.options.extendEveryMs ?? 20_000;
    const timer = setInterval(() => void this.setVisibility(message, this.options.visibilitySeconds ?? 60), every);
    return () => clearInterval(timer);
  }

  private async setVisibility(message: Message, seconds: number): Promise<void> {
    try {
      await this.options.client.send(
        new ChangeMessageVisibilityCommand({ QueueUrl: this.options.queueUrl, ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: seconds }),
      );
    } catch (err) {
      this.options.logger.warn(`awscheck: alerts: could not change the visibility of message ${message.MessageId ?? '?'}: ${describeAwsError(err)}`);
    }
  }

  private async remove(message: Message): Promise<void> {
    try {
      await this.options.client.send(new DeleteMessageCommand({ QueueUrl: this.options.queueUrl, ReceiptHandle: message.ReceiptHandle }));
    } catch (err) {
      // Redelivered later; the handled-event record makes the second pass a no-op.
      this.options.logger.warn(`awscheck: alerts: could not delete message ${message.MessageId ?? '?'}: ${describeAwsError(err)}`);
    }
  }
}
