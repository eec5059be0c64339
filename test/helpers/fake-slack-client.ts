// An in-memory stand-in for Bolt's `client` (a WebClient) when a test calls a listener callback directly, as
// the Bolt starter template tests its listeners: the methods awscheck calls, each recorded, answering like
// Slack. users.info answers each user's Slack locale. (Signed HTTP tests use test/helpers/fake-slack.ts.)
import type { webApi } from '@slack/bolt';

export interface ClientCall {
  method: string;
  params: Record<string, unknown>;
}

export interface FakeSlackClientOptions {
  /** users.info: user id → Slack locale ("ja-JP"); anyone else reads "en-US". */
  locales?: Record<string, string>;
  /** usergroups.users.list: group id → member ids. */
  usergroups?: Record<string, string[]>;
  /** Web API methods that fail with this Slack error code (e.g. { 'users.info': 'missing_scope' }). */
  failing?: Record<string, string>;
}

export interface FakeSlackClient {
  /** Pass as the listener's `client`. */
  client: webApi.WebClient;
  calls: ClientCall[];
  callsTo(method: string): ClientCall[];
}

function slackError(code: string): Error {
  return Object.assign(new Error(`An API error occurred: ${code}`), { code: 'slack_webapi_platform_error', data: { ok: false, error: code } });
}

export function fakeSlackClient(options: FakeSlackClientOptions = {}): FakeSlackClient {
  const calls: ClientCall[] = [];
  const method =
    (name: string, answer: (params: Record<string, unknown>) => Record<string, unknown>) =>
    async (params: Record<string, unknown> = {}) => {
      calls.push({ method: name, params });
      const failure = options.failing?.[name];
      if (failure) throw slackError(failure);
      return { ok: true, ...answer(params) };
    };
  const client = {
    users: {
      info: method('users.info', (p) => ({
        user: { id: p.user, ...(p.include_locale ? { locale: options.locales?.[String(p.user)] ?? 'en-US' } : {}) },
      })),
    },
    usergroups: { users: { list: method('usergroups.users.list', (p) => ({ users: options.usergroups?.[String(p.usergroup)] ?? [] })) } },
    chat: {
      postMessage: method('chat.postMessage', (p) => ({ channel: p.channel, ts: `1700000000.${String(calls.length).padStart(6, '0')}` })),
      update: method('chat.update', (p) => ({ channel: p.channel, ts: p.ts })),
    },
    conversations: { open: method('conversations.open', (p) => ({ channel: { id: `D0${String(p.users)}` } })) },
    views: {
      open: method('views.open', () => ({ view: { id: 'V0MODAL' } })),
      push: method('views.push', () => ({ view: { id: 'V0PUSHED' } })),
      update: method('views.update', () => ({ view: { id: 'V0MODAL' } })),
      publish: method('views.publish', () => ({ view: { id: 'V0HOME' } })),
    },
  };
  return { client: client as unknown as webApi.WebClient, calls, callsTo: (name) => calls.filter((c) => c.method === name) };
}
