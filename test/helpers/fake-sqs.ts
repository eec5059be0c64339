// A small SQS on 127.0.0.1 speaking the JSON protocol (X-Amz-Target: AmazonSQS.ReceiveMessage, …) well
// enough for the real SDK client: long polling, visibility timeouts, receive counts, receipt handles, and a
// dead-letter queue with maxReceiveCount, so redrive behaves as the real queue's does.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SqsRequest {
  action: string;
  /** The Host header: which endpoint the client really sent to. */
  host: string;
  input: Record<string, unknown>;
  at: number;
}

interface QueuedMessage {
  id: string;
  body: string;
  receiveCount: number;
  visibleAt: number;
  handles: Set<string>;
  sentAt: number;
}

export interface FakeSqsOptions {
  /** With a DLQ: a message received this many times moves there on its next receive. */
  maxReceiveCount?: number;
  /** The queue's default visibility timeout, in seconds. */
  visibilitySeconds?: number;
}

export class FakeSqs {
  readonly requests: SqsRequest[] = [];
  readonly deadLetters: QueuedMessage[] = [];
  readonly deleted: QueuedMessage[] = [];
  private messages: QueuedMessage[] = [];
  private server?: Server;
  private wake = new Set<() => void>();
  url = '';

  constructor(private readonly options: FakeSqsOptions = {}) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.answer(req).then(
        ({ status, body }) => res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(body)),
        (err: unknown) => res.writeHead(500).end(String(err)),
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const wake of this.wake) wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Puts a message on the queue, as EventBridge's SQS target would. */
  send(body: string): string {
    const id = randomUUID();
    this.messages.push({ id, body, receiveCount: 0, visibleAt: 0, handles: new Set(), sentAt: Date.now() });
    for (const wake of this.wake) wake();
    return id;
  }

  /** Messages still on the queue (visible or in flight). */
  get pending(): number {
    return this.messages.length;
  }

  calls(action: string): SqsRequest[] {
    return this.requests.filter((r) => r.action === action);
  }

  private async answer(req: IncomingMessage): Promise<{ status: number; body: object }> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const target = String(req.headers['x-amz-target'] ?? '');
    const action = target.replace(/^AmazonSQS\./, '');
    const input = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    this.requests.push({ action, host: String(req.headers.host ?? ''), input, at: Date.now() });
    switch (action) {
      case 'ReceiveMessage':
        return { status: 200, body: await this.receive(input, req) };
      case 'DeleteMessage': {
        const found = this.byHandle(String(input.ReceiptHandle));
        if (found) {
          this.messages = this.messages.filter((m) => m !== found);
          this.deleted.push(found);
        }
        return { status: 200, body: {} };
      }
      case 'ChangeMessageVisibility': {
        const found = this.byHandle(String(input.ReceiptHandle));
        if (!found) return { status: 400, body: { __type: 'com.amazonaws.sqs#ReceiptHandleIsInvalid', message: 'The receipt handle is not valid' } };
        found.visibleAt = Date.now() + Number(input.VisibilityTimeout) * 1000;
        if (Number(input.VisibilityTimeout) === 0) for (const wake of this.wake) wake();
        return { status: 200, body: {} };
      }
      case 'SendMessage':
        return { status: 200, body: { MessageId: this.send(String(input.MessageBody)), MD5OfMessageBody: md5(String(input.MessageBody)) } };
      default:
        return { status: 400, body: { __type: 'com.amazonaws.sqs#InvalidAction', message: `fake SQS has no ${action}` } };
    }
  }

  private byHandle(handle: string): QueuedMessage | undefined {
    return this.messages.find((m) => m.handles.has(handle));
  }

  private take(max: number, visibility: number): QueuedMessage[] {
    const now = Date.now();
    const taken: QueuedMessage[] = [];
    for (const message of [...this.messages]) {
      if (taken.length >= max) break;
      if (message.visibleAt > now) continue;
      if (this.options.maxReceiveCount !== undefined && message.receiveCount >= this.options.maxReceiveCount) {
        // Redrive: the queue hands it to the dead-letter queue instead of delivering it again.
        this.messages = this.messages.filter((m) => m !== message);
        this.deadLetters.push(message);
        continue;
      }
      message.receiveCount += 1;
      message.visibleAt = now + visibility * 1000;
      taken.push(message);
    }
    return taken;
  }

  private async receive(input: Record<string, unknown>, req: IncomingMessage): Promise<object> {
    const max = Number(input.MaxNumberOfMessages ?? 1);
    const visibility = Number(input.VisibilityTimeout ?? this.options.visibilitySeconds ?? 30);
    const deadline = Date.now() + Number(input.WaitTimeSeconds ?? 0) * 1000;
    let taken = this.take(max, visibility);
    while (taken.length === 0 && Date.now() < deadline && !req.socket.destroyed) {
      // Long poll: woken by a new message, else re-checked for messages whose visibility ran out.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(50, deadline - Date.now()));
        const socket = req.socket;
        function done() {
          clearTimeout(timer);
          socket.off('close', done);
          resolve();
        }
        this.wake.add(done);
        socket.once('close', done);
      });
      this.wake.clear();
      taken = this.take(max, visibility);
    }
    return {
      Messages: taken.map((m) => {
        const handle = randomUUID();
        m.handles.add(handle);
        return { MessageId: m.id, ReceiptHandle: handle, MD5OfBody: md5(m.body), Body: m.body, Attributes: { ApproximateReceiveCount: String(m.receiveCount) } };
      }),
    };
  }
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
