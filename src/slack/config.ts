// The Slack side of the configuration: tokens, mode, port and who may scan, all from environment variables.
// Every problem is reported at once, and a token's value is never shown.
import type { Environment } from '../config/environment.ts';
import { isIP } from 'node:net';
import { z } from 'zod';
import { ConfigError, showValue } from '../config/errors.ts';
import { urlProblemText } from '../config/url.ts';

export type SlackMode = 'socket' | 'http';

export interface SlackConfig {
  botToken: string;
  /** App-level token (xapp-); its presence selects Socket Mode. */
  appToken?: string;
  /** Verifies Slack's requests in HTTP mode. */
  signingSecret?: string;
  port: number;
  /** HTTP mode's listen address (HOST); unset: every interface, IPv4 and IPv6, as a container needs. */
  host?: string;
  /** Web API base URL with a trailing slash (GovSlack, proxies, tests). */
  apiUrl?: string;
  /** How long start-up waits for Slack (AWSCHECK_STARTUP_TIMEOUT, seconds); 30 s when unset. */
  startupTimeoutMs?: number;
  /** Users (U…, W…) and user groups (S…) allowed to run scans; empty means everyone. */
  scanners: string[];
  mode: SlackMode;
}

type Env = Environment;

export const DEFAULT_PORT = 3000;

const SLACK_ID = /^[UWS][A-Z0-9]{2,}$/;
/** A host name (localhost, an interface's DNS name); addresses are checked by isIP. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

const botTokenSchema = z.string().regex(/^xoxb-[\w-]+$/);
const appTokenSchema = z.string().regex(/^xapp-[\w-]+$/);
const portSchema = z.coerce.number().int().min(0).max(65535);

function botTokenProblem(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) {
    return 'SLACK_BOT_TOKEN: not set. Copy the Bot User OAuth Token (xoxb-…) from your app\'s "OAuth & Permissions" page and export SLACK_BOT_TOKEN=xoxb-….';
  }
  if (botTokenSchema.safeParse(value).success) return undefined;
  const looksLike = value.startsWith('xapp-')
    ? ' It looks like an app-level token; that one belongs in SLACK_APP_TOKEN.'
    : value.startsWith('xoxp-')
      ? ' It looks like a user token; awscheck needs the bot token.'
      : '';
  return `SLACK_BOT_TOKEN: got ${showValue(value, true)}; expected a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token).${looksLike}`;
}

function appTokenProblem(value: string | undefined): string | undefined {
  if (value === undefined || appTokenSchema.safeParse(value).success) return undefined;
  return `SLACK_APP_TOKEN: got ${showValue(value, true)}; expected an app-level token starting with xapp- with the connections:write scope (Basic Information → App-Level Tokens), or unset it to use HTTP mode.`;
}

function signingSecretProblem(value: string | undefined, mode: SlackMode): string | undefined {
  if (value !== undefined && /\s|["']/.test(value)) {
    return `SLACK_SIGNING_SECRET: got ${showValue(value, true)}; it contains spaces or quotes. Copy it again from Basic Information → App Credentials → Signing Secret.`;
  }
  if (mode === 'http' && !value) {
    return 'SLACK_SIGNING_SECRET: not set, and HTTP mode needs it to verify requests. Copy it from Basic Information → App Credentials → Signing Secret, or set SLACK_APP_TOKEN to use Socket Mode instead.';
  }
  return undefined;
}

/** Splits a list written with commas and/or spaces. */
function listOf(raw: string | undefined): string[] {
  return (raw ?? '').split(/[\s,]+/).filter(Boolean);
}

export function loadSlackConfig(env: Env): SlackConfig {
  const problems: string[] = [];
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  const appToken = env.SLACK_APP_TOKEN?.trim() || undefined;
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim() || undefined;
  const mode: SlackMode = appToken ? 'socket' : 'http';

  for (const problem of [botTokenProblem(botToken), appTokenProblem(appToken), signingSecretProblem(signingSecret, mode)]) {
    if (problem) problems.push(problem);
  }

  let port = DEFAULT_PORT;
  const rawPort = env.PORT?.trim();
  if (rawPort) {
    const parsed = portSchema.safeParse(rawPort);
    if (parsed.success && /^\d+$/.test(rawPort)) port = parsed.data;
    else problems.push(`PORT: got ${showValue(rawPort)}; expected a port number such as 3000 (0 to 65535).`);
  }

  let host: string | undefined;
  const rawHost = env.HOST?.trim();
  if (rawHost) {
    // A name whose last label is all digits (999.1.1.1) is a mistyped address, never a host name (RFC 3696).
    if (isIP(rawHost) || (HOST_NAME.test(rawHost) && !/(^|\.)\d+$/.test(rawHost))) host = rawHost;
    else problems.push(`HOST: got ${showValue(rawHost)}; expected the address to listen on, such as 127.0.0.1 or 0.0.0.0, or unset it to listen on every interface.`);
  }

  let apiUrl: string | undefined;
  const rawApiUrl = env.SLACK_API_URL?.trim();
  if (rawApiUrl) {
    const problem = urlProblemText('SLACK_API_URL', rawApiUrl, 'https://slack.com/api/');
    if (problem) problems.push(problem);
    else apiUrl = rawApiUrl.endsWith('/') ? rawApiUrl : `${rawApiUrl}/`;
  }

  let startupTimeoutMs: number | undefined;
  const rawTimeout = env.AWSCHECK_STARTUP_TIMEOUT?.trim();
  if (rawTimeout) {
    const seconds = Number(rawTimeout);
    if (/^\d+(\.\d+)?$/.test(rawTimeout) && seconds > 0 && seconds <= 600) startupTimeoutMs = Math.round(seconds * 1000);
    else problems.push(`AWSCHECK_STARTUP_TIMEOUT: got ${showValue(rawTimeout)}; expected how many seconds start-up may wait for Slack, more than 0 and at most 600 (30 when unset).`);
  }

  const scanners = listOf(env.AWSCHECK_SCANNERS);
  const badIds = scanners.filter((id) => !SLACK_ID.test(id));
  if (badIds.length > 0) {
    problems.push(
      `AWSCHECK_SCANNERS: got ${badIds.map((id) => showValue(id)).join(', ')}; expected Slack member ids (U…/W…, from a profile's ⋮ → Copy member ID) or user group ids (S…), separated by commas. Leave it empty to let everyone scan.`,
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    botToken: botToken ?? '',
    ...(appToken ? { appToken } : {}),
    ...(signingSecret ? { signingSecret } : {}),
    port,
    ...(host ? { host } : {}),
    ...(apiUrl ? { apiUrl } : {}),
    ...(startupTimeoutMs !== undefined ? { startupTimeoutMs } : {}),
    scanners: [...new Set(scanners)],
    mode,
  };
}
