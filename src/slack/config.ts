// The Slack side of the configuration: tokens, mode, port and who may scan, all from environment variables.
// Every problem is reported at once, and a token's value is never shown.
import { z } from 'zod';
import { ConfigError, showValue } from '../config/errors.ts';

export type SlackMode = 'socket' | 'http';

export interface SlackConfig {
  botToken: string;
  /** App-level token (xapp-); its presence selects Socket Mode. */
  appToken?: string;
  /** Verifies Slack's requests in HTTP mode. */
  signingSecret?: string;
  port: number;
  /** Web API base URL with a trailing slash (GovSlack, proxies, tests). */
  apiUrl?: string;
  /** Users (U…, W…) and user groups (S…) allowed to run scans; empty means everyone. */
  scanners: string[];
  mode: SlackMode;
}

type Env = Record<string, string | undefined>;

export const DEFAULT_PORT = 3000;

const SLACK_ID = /^[UWS][A-Z0-9]{2,}$/;

const botTokenSchema = z.string().regex(/^xoxb-[\w-]+$/);
const appTokenSchema = z.string().regex(/^xapp-[\w-]+$/);
const portSchema = z.coerce.number().int().min(0).max(65535);
const apiUrlSchema = z.url({ protocol: /^https?$/ });

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

export function loadSlackConfig(env: Env = process.env): SlackConfig {
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

  let apiUrl: string | undefined;
  const rawApiUrl = env.SLACK_API_URL?.trim();
  if (rawApiUrl) {
    if (apiUrlSchema.safeParse(rawApiUrl).success) apiUrl = rawApiUrl.endsWith('/') ? rawApiUrl : `${rawApiUrl}/`;
    else problems.push(`SLACK_API_URL: got ${showValue(rawApiUrl)}; expected an http(s) URL such as https://slack.com/api/, or unset it.`);
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
    ...(apiUrl ? { apiUrl } : {}),
    scanners: [...new Set(scanners)],
    mode,
  };
}
