// The only module that reads the process environment. Every variable awscheck understands is named here with
// its value rule, in one zod schema parsed once, at start-up (bot) or before a command runs (CLI); the result
// is typed (ports are numbers, lists are arrays, durations are milliseconds). Rules that tie variables
// together (HTTP mode needs a signing secret, remediation needs approvers) are in configuration.ts.
// An empty value is an error naming the variable: `FOO=` is almost always a template left half filled in.
import { SLACK_ID } from '../slack/ids.ts';
import { isIP } from 'node:net';
import cron from 'node-cron';
import { z } from 'zod';
import { parseDuration } from '../time/duration.ts';
import { DAY_MS, MINUTE_MS } from '../time/units.ts';
import { ConfigError, showValue } from './errors.ts';
import { accountSchema, isRegionName } from './schema.ts';
import { splitList } from './list.ts';
import { httpUrlProblem, urlProblemText } from './url.ts';

export type RawEnvironment = Record<string, string | undefined>;

/** How to fill in each variable when it is set but empty (the README's Configuration tables say more). */
const EMPTY_HINTS = {
  AWSCHECK_CONFIG: 'set it to the path of your awscheck.yml, or remove the variable to use ./awscheck.yml',
  AWSCHECK_REGIONS: 'set it to `all` or region names such as us-east-1,ap-northeast-1, or remove the variable',
  AWSCHECK_LOCALE: 'set it to en or ja, or remove the variable (default en)',
  AWSCHECK_CONCURRENCY: 'set it to a whole number from 1 to 256, or remove the variable (default 16)',
  AWSCHECK_HOME_REGION: 'set it to a region name such as us-east-1, or remove the variable (default us-east-1)',
  AWSCHECK_ORG_ROLE_NAME: 'set it to the IAM role name to assume in each member account, e.g. awscheck-read, or remove the variable',
  SLACK_APP_TOKEN: 'set it to the app-level token (xapp-…), or remove the variable to use HTTP mode',
  SLACK_SIGNING_SECRET: 'set it to the Signing Secret (Basic Information → App Credentials), or remove the variable in Socket Mode',
  SLACK_API_URL: 'set it to a Web API base URL such as https://slack.com/api/, or remove the variable',
  PORT: 'set it to a port number such as 3000, or remove the variable (default 3000)',
  AWSCHECK_SCANNERS: 'set it to member ids (U…/W…) and user group ids (S…), comma-separated, or remove the variable to let everyone scan',
  HOST: 'set it to the address to listen on, such as 127.0.0.1, or remove the variable to listen on every interface',
  AWSCHECK_STARTUP_TIMEOUT: 'set it to a number of seconds up to 600, or remove the variable (default 30)',
  AWSCHECK_DB: 'set it to a SQLite path or dynamodb://TABLE, or remove the variable (default ./data/awscheck.db)',
  AWSCHECK_RETENTION_DAYS: 'set it to a whole number of days from 1 to 3650, or remove the variable (default 90)',
  AWSCHECK_REPORT_CHANNEL: 'set it to a channel ID such as C0123ABCD, or remove the variable to run without a scheduled report',
  AWSCHECK_TIMEZONE: 'set it to an IANA time zone such as Asia/Tokyo, or remove the variable (default UTC)',
  AWSCHECK_REPORT_CRON: 'set it to a cron expression such as "0 9 * * *", or remove the variable (default 0 9 * * *)',
  AWSCHECK_REMEDIATION: 'set it to on or off, or remove the variable (default off)',
  AWSCHECK_APPROVERS: 'set it to member ids (U…) or user group ids (S…) separated by commas, or remove the variable',
  AWSCHECK_ALLOW_SELF_APPROVAL: 'set it to on or off, or remove the variable (default off)',
  AWSCHECK_APPROVAL_CHANNEL: 'set it to a channel ID such as C0123ABCD, or remove the variable to use AWSCHECK_REPORT_CHANNEL',
  AWSCHECK_APPROVAL_TTL: 'set it to a duration such as 24h, 90m or 2d, or remove the variable (default 24h)',
  AWSCHECK_RISK_SELF_ACCEPT: 'set it to on or off, or remove the variable (default off)',
  AWSCHECK_REMEDIATION_ROLE_ARN:
    'set it to an IAM role ARN such as arn:aws:iam::123456789012:role/awscheck-fix, or remove the variable to run fixes with the scan credentials',
  AWSCHECK_EVENTS_QUEUE_URL: "set it to the SQS queue's URL, or remove the variable to run without alerts",
  AWSCHECK_ALERT_CHANNEL: 'set it to a channel ID such as C0123ABCD, or remove the variable to use AWSCHECK_REPORT_CHANNEL',
} as const;

type HintedName = keyof typeof EMPTY_HINTS;

/** The SDK's own variables: the SDK reads them itself; we look at them only to match its behaviour. */
const SDK_VARIABLE = /^(AWS_ENDPOINT_URL(_[A-Z0-9_]+)?|AWS_REGION|AWS_DEFAULT_REGION)$/;

export const DEFAULT_APPROVAL_TTL_MS = DAY_MS;
const MIN_TTL_MS = MINUTE_MS;
const MAX_TTL_MS = 30 * DAY_MS;
/** A host name (localhost, an interface's DNS name); addresses are checked by isIP. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const TRUE = new Set(['on', 'true', 'yes', '1']);
const FALSE = new Set(['off', 'false', 'no', '0']);
const DYNAMODB_SCHEME = 'dynamodb://';
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** A rule's verdict on a value: the problems found (each naming the variable), or none. */
class Rejected extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}
const reject = (...problems: string[]): never => {
  throw new Rejected(problems);
};

/** One variable: trimmed, never empty, then judged by `rule`, whose problems name the variable. */
function variable<T = string>(name: HintedName, rule?: (value: string) => T) {
  return z
    .string()
    .trim()
    .min(1, { error: `${name}: set but empty; ${EMPTY_HINTS[name]}.` })
    .transform((value, ctx): T => judged(value, ctx, rule))
    .optional();
}

function judged<T>(value: string, ctx: z.RefinementCtx, rule?: (value: string) => T): T {
  try {
    return rule ? rule(value) : (value as T);
  } catch (err) {
    if (!(err instanceof Rejected)) throw err;
    for (const message of err.problems) ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
}


function slackIds(name: 'AWSCHECK_SCANNERS' | 'AWSCHECK_APPROVERS', tail: string) {
  return (value: string): string[] => {
    const ids = [...new Set(splitList(value))];
    const bad = ids.filter((id) => !SLACK_ID.member.test(id) && !SLACK_ID.userGroup.test(id));
    if (bad.length > 0) {
      reject(
        `${name}: got ${bad.map((id) => showValue(id)).join(', ')}; expected Slack member ids (U…/W…, from a profile's ⋮ → Copy member ID) or user group ids (S…), separated by commas.${tail}`,
      );
    }
    return ids;
  };
}

const onOff = (name: HintedName) => (value: string): boolean => {
  const lower = value.toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  return reject(`${name}: got ${showValue(value)}; expected on or off (true/false also work).`);
};

const channelId = (name: HintedName) => (value: string): string => {
  if (/[\s,<>]/.test(value)) reject(`${name}: got ${showValue(value)}; expected one channel ID such as C0123ABCD (channel details → About → Channel ID).`);
  return value;
};

export interface DynamoDbLocation {
  table: string;
  /** From `?region=`; otherwise the SDK's default (AWS_REGION, the profile). */
  region?: string;
}

/** dynamodb://TABLE[?region=REGION]; undefined for anything else (a SQLite path). Throws ConfigError when malformed. */
export function parseDynamoDbUrl(value: string): DynamoDbLocation | undefined {
  if (!value.toLowerCase().startsWith(DYNAMODB_SCHEME)) return undefined;
  const rest = value.slice(DYNAMODB_SCHEME.length);
  const [table = '', query = ''] = rest.split('?', 2);
  const params = new URLSearchParams(query);
  const problems: string[] = [];
  if (!TABLE_NAME.test(table)) {
    problems.push(`AWSCHECK_DB: got ${showValue(value)}; the table name must be 3 to 255 letters, digits, _ . or -, as in dynamodb://awscheck?region=eu-west-1.`);
  }
  const unknown = [...params.keys()].filter((k) => k !== 'region');
  if (unknown.length > 0) problems.push(`AWSCHECK_DB: unknown option ${unknown.join(', ')} in ${showValue(value)}; only ?region= is understood.`);
  const region = params.get('region') ?? undefined;
  if (region !== undefined && !isRegionName(region)) {
    problems.push(`AWSCHECK_DB: region ${showValue(region)} is not an AWS region name like eu-west-1.`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { table, ...(region ? { region } : {}) };
}

/** The canonical IANA name, or undefined when the runtime does not know the zone. */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** https://sqs.<region>.amazonaws.com/<account>/<name>, or any http(s) URL for LocalStack and VPC endpoints. */
function isQueueUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && /^\/\d{12}\/[\w-]{1,80}(\.fifo)?$/.test(url.pathname);
  } catch {
    return false;
  }
}

export const environmentSchema = z.object({
  // Scan settings: kept as written here; src/config/load.ts judges them with the file's schema, naming the variable.
  AWSCHECK_CONFIG: variable('AWSCHECK_CONFIG'),
  AWSCHECK_REGIONS: variable('AWSCHECK_REGIONS'),
  AWSCHECK_LOCALE: variable('AWSCHECK_LOCALE'),
  AWSCHECK_CONCURRENCY: variable('AWSCHECK_CONCURRENCY'),
  AWSCHECK_HOME_REGION: variable('AWSCHECK_HOME_REGION'),
  AWSCHECK_ORG_ROLE_NAME: variable('AWSCHECK_ORG_ROLE_NAME'),

  // Slack. An empty SLACK_BOT_TOKEN is reported as "not set" (configuration.ts), with how to get one.
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .transform((value, ctx) =>
      value === ''
        ? undefined
        : judged(value, ctx, (token) => {
            if (/^xoxb-[\w-]+$/.test(token)) return token;
            const looksLike = token.startsWith('xapp-')
              ? ' It looks like an app-level token; that one belongs in SLACK_APP_TOKEN.'
              : token.startsWith('xoxp-')
                ? ' It looks like a user token; awscheck needs the bot token.'
                : '';
            return reject(
              `SLACK_BOT_TOKEN: got ${showValue(token, true)}; expected a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token).${looksLike}`,
            );
          }),
    )
    .optional(),
  SLACK_APP_TOKEN: variable('SLACK_APP_TOKEN', (value) =>
    /^xapp-[\w-]+$/.test(value)
      ? value
      : reject(
          `SLACK_APP_TOKEN: got ${showValue(value, true)}; expected an app-level token starting with xapp- with the connections:write scope (Basic Information → App-Level Tokens), or unset it to use HTTP mode.`,
        ),
  ),
  SLACK_SIGNING_SECRET: variable('SLACK_SIGNING_SECRET', (value) =>
    /\s|["']/.test(value)
      ? reject(
          `SLACK_SIGNING_SECRET: got ${showValue(value, true)}; it contains spaces or quotes. Copy it again from Basic Information → App Credentials → Signing Secret.`,
        )
      : value,
  ),
  SLACK_API_URL: variable('SLACK_API_URL', (value) => {
    const problem = urlProblemText('SLACK_API_URL', value, 'https://slack.com/api/');
    if (problem) reject(problem);
    return value.endsWith('/') ? value : `${value}/`;
  }),
  PORT: variable('PORT', (value) =>
    /^\d+$/.test(value) && Number(value) <= 65535
      ? Number(value)
      : reject(`PORT: got ${showValue(value)}; expected a port number such as 3000 (0 to 65535).`),
  ),
  HOST: variable('HOST', (value) =>
    // A name whose last label is all digits (999.1.1.1) is a mistyped address, never a host name (RFC 3696).
    isIP(value) || (HOST_NAME.test(value) && !/(^|\.)\d+$/.test(value))
      ? value
      : reject(`HOST: got ${showValue(value)}; expected the address to listen on, such as 127.0.0.1 or 0.0.0.0, or unset it to listen on every interface.`),
  ),
  /** In milliseconds. */
  AWSCHECK_STARTUP_TIMEOUT: variable('AWSCHECK_STARTUP_TIMEOUT', (value) => {
    const seconds = Number(value);
    if (/^\d+(\.\d+)?$/.test(value) && seconds > 0 && seconds <= 600) return Math.round(seconds * 1000);
    return reject(
      `AWSCHECK_STARTUP_TIMEOUT: got ${showValue(value)}; expected how many seconds start-up may wait for Slack, more than 0 and at most 600 (30 when unset).`,
    );
  }),
  // Empty is an error like every other variable's: an allowlist left half filled in must not open scanning to everyone.
  AWSCHECK_SCANNERS: variable('AWSCHECK_SCANNERS', slackIds('AWSCHECK_SCANNERS', ' Remove the variable to let everyone scan.')),

  // Store, report and schedule.
  AWSCHECK_DB: variable('AWSCHECK_DB', (value) => {
    try {
      parseDynamoDbUrl(value);
    } catch (err) {
      if (err instanceof ConfigError) reject(...err.problems);
      throw err;
    }
    return value;
  }),
  AWSCHECK_RETENTION_DAYS: variable('AWSCHECK_RETENTION_DAYS', (value) => {
    const days = /^\d+$/.test(value) ? Number(value) : NaN;
    if (days >= 1 && days <= 3650) return days;
    return reject(`AWSCHECK_RETENTION_DAYS: got ${showValue(value)}; expected a whole number of days from 1 to 3650 (default 90).`);
  }),
  AWSCHECK_REPORT_CHANNEL: variable('AWSCHECK_REPORT_CHANNEL', channelId('AWSCHECK_REPORT_CHANNEL')),
  AWSCHECK_TIMEZONE: variable('AWSCHECK_TIMEZONE', (value) =>
    canonicalTimeZone(value) ??
    reject(`AWSCHECK_TIMEZONE: got ${showValue(value)}; expected an IANA time zone name such as UTC, Asia/Tokyo or America/New_York.`),
  ),
  AWSCHECK_REPORT_CRON: variable('AWSCHECK_REPORT_CRON', (value) => {
    const result = cron.validateDetailed(value);
    if (result.valid) return value;
    const why = result.errors.map((e) => e.message).join('; ');
    return reject(
      `AWSCHECK_REPORT_CRON: got ${showValue(value)}; ${why}. Expected a cron expression of 5 fields (minute hour day month weekday), e.g. "0 9 * * *" for 09:00 every day or "0 9 * * 1-5" for weekdays.`,
    );
  }),

  // Remediation.
  AWSCHECK_REMEDIATION: variable('AWSCHECK_REMEDIATION', onOff('AWSCHECK_REMEDIATION')),
  AWSCHECK_APPROVERS: variable('AWSCHECK_APPROVERS', slackIds('AWSCHECK_APPROVERS', '')),
  AWSCHECK_ALLOW_SELF_APPROVAL: variable('AWSCHECK_ALLOW_SELF_APPROVAL', onOff('AWSCHECK_ALLOW_SELF_APPROVAL')),
  AWSCHECK_APPROVAL_CHANNEL: variable('AWSCHECK_APPROVAL_CHANNEL', channelId('AWSCHECK_APPROVAL_CHANNEL')),
  /** In milliseconds. */
  AWSCHECK_APPROVAL_TTL: variable('AWSCHECK_APPROVAL_TTL', (value) => {
    const ms = parseDuration(value);
    if (ms !== undefined && ms >= MIN_TTL_MS && ms <= MAX_TTL_MS) return ms;
    return reject(`AWSCHECK_APPROVAL_TTL: got ${showValue(value)}; expected a duration from 1m to 30d such as 24h, 90m or 2d (default 24h).`);
  }),
  AWSCHECK_RISK_SELF_ACCEPT: variable('AWSCHECK_RISK_SELF_ACCEPT', onOff('AWSCHECK_RISK_SELF_ACCEPT')),
  AWSCHECK_REMEDIATION_ROLE_ARN: variable('AWSCHECK_REMEDIATION_ROLE_ARN', (value) =>
    accountSchema.shape.remediationRoleArn.safeParse(value).success
      ? value
      : reject(
          `AWSCHECK_REMEDIATION_ROLE_ARN: got ${showValue(value)}; expected an IAM role ARN such as arn:aws:iam::123456789012:role/awscheck-fix, or unset it to run fixes with the scan credentials.`,
        ),
  ),

  // Real-time alerts.
  AWSCHECK_EVENTS_QUEUE_URL: variable('AWSCHECK_EVENTS_QUEUE_URL', (value) => {
    // Never echo a password from the URL back into the log.
    if (httpUrlProblem(value) === 'credentials') {
      reject(urlProblemText('AWSCHECK_EVENTS_QUEUE_URL', value, 'https://sqs.us-east-1.amazonaws.com/123456789012/awscheck-events')!);
    }
    if (!isQueueUrl(value)) {
      reject(
        `AWSCHECK_EVENTS_QUEUE_URL: got ${showValue(value)}; expected the queue's URL, e.g. https://sqs.us-east-1.amazonaws.com/123456789012/awscheck-events (SQS console → the queue → Details → URL), or unset it to run without alerts.`,
      );
    }
    return value;
  }),
  AWSCHECK_ALERT_CHANNEL: variable('AWSCHECK_ALERT_CHANNEL', channelId('AWSCHECK_ALERT_CHANNEL')),
});

/** Every awscheck variable, trimmed and typed, plus the SDK's endpoint and region variables as given. */
export type Environment = Readonly<z.infer<typeof environmentSchema> & { readonly [sdk: `AWS_${string}`]: string | undefined }> & {
  /** Variables that were set but rejected (their problems are reported): rules that depend on them stay quiet. */
  readonly rejected?: ReadonlySet<string>;
};

/** The SDK's standard variables (AWS_ENDPOINT_URL*, AWS_REGION, AWS_DEFAULT_REGION), unchanged. */
function sdkVariables(env: RawEnvironment): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => SDK_VARIABLE.test(entry[0]) && entry[1] !== undefined),
  );
}

/**
 * Parses the environment once: every problem at once, as one ConfigError (exit 2), each naming the variable
 * and how to set it. Values are never echoed when secret, so a token set in the wrong variable is not printed.
 */
export function readEnvironment(env: RawEnvironment = process.env): Environment {
  const { environment, problems } = parseEnvironment(env);
  if (problems.length > 0) throw new ConfigError(problems);
  return environment;
}

/**
 * The same parse without throwing: the problems, and the environment without the variables that had one,
 * so the rules that combine variables can still run and start-up names every problem in one message.
 */
export function parseEnvironment(env: RawEnvironment = process.env): { environment: Environment; problems: string[] } {
  const result = environmentSchema.safeParse(env);
  if (result.success) return { environment: Object.freeze({ ...sdkVariables(env), ...stripUndefined(result.data) }), problems: [] };
  const bad = new Set(result.error.issues.map((issue) => String(issue.path[0])));
  const rest = Object.fromEntries(Object.entries(env).filter(([name]) => !bad.has(name)));
  return { environment: Object.freeze({ ...readEnvironment(rest), rejected: bad }), problems: result.error.issues.map((issue) => issue.message) };
}

function stripUndefined<T extends object>(data: T): T {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as T;
}

/**
 * The SDK's endpoint variables, for code that must behave like the SDK without a parsed Environment at hand
 * (S3 path-style addressing behind an override, the SQS client's endpoint). Read here so that nothing else
 * reads process.env.
 */
export function sdkEnvironment(env: RawEnvironment = process.env): RawEnvironment {
  return sdkVariables(env);
}

/** The process's variables as given, for an entry point to hand to readEnvironment (the CLI's runCli). */
export function processEnvironment(): RawEnvironment {
  return process.env;
}
