// A small fake Slack on 127.0.0.1: the Web API methods awscheck calls (pass `apiUrl` as slackApiUrl), the
// file upload URL that files.uploadV2 posts to, and response_url endpoints. Every call is recorded.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  authorization?: string;
}

export interface RecordedResponse {
  /** The id in /response/<id>. */
  id: string;
  body: Record<string, unknown>;
}

export interface RecordedUpload {
  fileId: string;
  body: Buffer;
}

type MethodHandler = (params: Record<string, unknown>) => Record<string, unknown>;

export interface FakeSlack {
  /** Web API base URL, with the trailing slash WebClient expects. */
  apiUrl: string;
  /** A fresh response_url on this server. */
  responseUrl(id?: string): string;
  calls: RecordedCall[];
  responses: RecordedResponse[];
  uploads: RecordedUpload[];
  callsTo(method: string): RecordedCall[];
  responsesTo(id: string): RecordedResponse[];
  /** Replaces the answer of one Web API method. */
  on(method: string, handler: MethodHandler): void;
  /** Makes response_url `id` answer with this HTTP status (e.g. 404 once it has expired). */
  failResponses(id: string, status: number): void;
  /** Polls until `check` holds (or throws after `timeoutMs`). */
  waitFor<T>(check: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export interface FakeSlackOptions {
  /** usergroups.users.list answers: group id → member ids. */
  usergroups?: Record<string, string[]>;
  /** users.info answers: user id → Slack locale ("ja-JP"); anyone else reads "en-US". */
  locales?: Record<string, string>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseParams(req: IncomingMessage, raw: Buffer): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  const text = raw.toString('utf8');
  if (type.includes('application/json')) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    // WebClient JSON-encodes arrays and objects inside form fields.
    params[key] = /^[[{]/.test(value) ? (JSON.parse(value) as unknown) : value;
  }
  return params;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const uploads: RecordedUpload[] = [];
  const failing = new Map<string, number>();
  let base = '';
  let fileCounter = 0;

  const handlers = new Map<string, MethodHandler>([
    ['auth.test', () => ({ ok: true, url: 'https://awscheck-test.slack.com/', team: 'test', user: 'awscheck', team_id: 'T0TEST', user_id: 'U0BOT', bot_id: 'B0BOT' })],
    ['chat.postMessage', (p) => ({ ok: true, channel: p.channel, ts: '1700000000.000200' })],
    ['views.publish', () => ({ ok: true, view: { id: 'V0HOME' } })],
    ['views.open', () => ({ ok: true, view: { id: 'V0MODAL' } })],
    ['conversations.open', (p) => ({ ok: true, channel: { id: `D0${String(p.users)}` } })],
    ['usergroups.users.list', (p) => {
      const members = options.usergroups?.[String(p.usergroup)];
      return members ? { ok: true, users: members } : { ok: false, error: 'no_such_subteam' };
    }],
    ['users.info', (p) => {
      const id = String(p.user);
      // Slack sends the locale only when asked for it.
      const locale = p.include_locale === true || p.include_locale === 'true' ? { locale: options.locales?.[id] ?? 'en-US' } : {};
      return { ok: true, user: { id, name: id.toLowerCase(), ...locale } };
    }],
    ['files.getUploadURLExternal', () => {
      fileCounter += 1;
      const id = `F0FILE${fileCounter}`;
      return { ok: true, upload_url: `${base}/upload/${id}`, file_id: id };
    }],
    ['files.completeUploadExternal', (p) => ({ ok: true, files: (p.files as { id: string }[] | undefined)?.map((f) => ({ id: f.id })) ?? [] })],
  ]);

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const raw = await readBody(req);
      const path = new URL(req.url ?? '/', base).pathname;
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (path.startsWith('/api/')) {
        const method = path.slice('/api/'.length);
        const params = parseParams(req, raw);
        calls.push({ method, params, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
        const handler = handlers.get(method);
        json(200, handler ? handler(params) : { ok: false, error: 'unknown_method' });
      } else if (path.startsWith('/upload/')) {
        uploads.push({ fileId: path.slice('/upload/'.length), body: raw });
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`OK - ${raw.length}`);
      } else if (path.startsWith('/response/')) {
        const id = path.slice('/response/'.length);
        const status = failing.get(id);
        if (status) {
          json(status, { ok: false, error: 'expired_url' });
          return;
        }
        responses.push({ id, body: parseParams(req, raw) });
        json(200, { ok: true });
      } else {
        json(404, { ok: false, error: 'not_found' });
      }
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let responseCounter = 0;

  return {
    apiUrl: `${base}/api/`,
    responseUrl(id?: string) {
      responseCounter += 1;
      return `${base}/response/${id ?? `r${responseCounter}`}`;
    },
    calls,
    responses,
    uploads,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responsesTo: (id) => responses.filter((r) => r.id === id),
    on(method, handler) {
      handlers.set(method, handler);
    },
    failResponses(id, status) {
      failing.set(id, status);
    },
    async waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value !== undefined && value !== false) return value;
        if (Date.now() > deadline) throw new Error('fake Slack: the expected call did not arrive in time');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
