// Signs requests exactly as Slack does (v0 HMAC-SHA256 of `v0:timestamp:body`) and builds the bodies Slack
// sends for slash commands, block actions and events, so tests can drive Bolt's HTTPReceiver for real.
import { createHmac } from 'node:crypto';

export const TEST_SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignOptions {
  secret?: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Replaces the computed signature (to test a bad one). */
  signature?: string;
}

export function signedHeaders(body: string, contentType: string, options: SignOptions = {}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(options.secret ?? TEST_SIGNING_SECRET, timestamp, body),
  };
}

export interface SlashCommandFields {
  text?: string;
  user_id?: string;
  channel_id?: string;
  response_url: string;
  command?: string;
  team_id?: string;
  trigger_id?: string;
}

export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: fields.team_id ?? 'T0TEST',
    team_domain: 'awscheck-test',
    channel_id: fields.channel_id ?? 'C0TEST',
    channel_name: 'security',
    user_id: fields.user_id ?? 'U0ALICE',
    user_name: 'alice',
    command: fields.command ?? '/awscheck',
    text: fields.text ?? '',
    api_app_id: 'A0TEST',
    response_url: fields.response_url,
    trigger_id: fields.trigger_id ?? '1234.5678.abcd',
  }).toString();
}

/** An interactive payload (block_actions, view_submission…): Slack form-encodes it as `payload=<json>`. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function buttonClick(actionId: string, value: string, options: { userId?: string; responseUrl?: string; triggerId?: string } = {}): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T0TEST', domain: 'awscheck-test' },
    user: { id: options.userId ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: 'T0TEST' },
    api_app_id: 'A0TEST',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0TEST', is_ephemeral: true },
    trigger_id: options.triggerId ?? '1234.5678.abcd',
    channel: { id: 'C0TEST', name: 'security' },
    ...(options.responseUrl ? { response_url: options.responseUrl } : {}),
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, text: { type: 'plain_text', text: 'Explain' }, action_ts: '1700000000.1' }],
  };
}

/** An Events API envelope around one event. */
export function eventBody(event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: 'T0TEST',
    api_app_id: 'A0TEST',
    event,
    type: 'event_callback',
    event_id: `Ev${Math.floor(Math.random() * 1e9)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEST', user_id: 'U0BOT', is_bot: true }],
  });
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** POSTs a signed request to Bolt and returns the response. */
export async function postSigned(url: string, body: string, contentType: string, options: SignOptions = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: signedHeaders(body, contentType, options), body });
}
