// The only module that reads the process environment. Every variable awscheck understands is named here and
// checked by one zod schema, once, at start-up (bot) or before a command runs (CLI); the readers of each
// concern (Slack, store, report, schedule, remediation, alerts, scan settings) then work from this typed object.
// An empty value is an error naming the variable: `FOO=` is almost always a template left half filled in.
import { z } from 'zod';
import { ConfigError } from './errors.ts';

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

/**
 * Variables whose empty value keeps its documented meaning: AWSCHECK_SCANNERS "empty lets everyone scan"
 * (README), and an empty SLACK_BOT_TOKEN is reported as "not set" by its own reader, with how to get one.
 */
const EMPTY_ALLOWED = ['AWSCHECK_SCANNERS', 'SLACK_BOT_TOKEN'] as const;

/** The SDK's own variables: the SDK reads them itself; we look at them only to match its behaviour. */
const SDK_VARIABLE = /^(AWS_ENDPOINT_URL(_[A-Z0-9_]+)?|AWS_REGION|AWS_DEFAULT_REGION)$/;

export type VariableName = keyof typeof EMPTY_HINTS | (typeof EMPTY_ALLOWED)[number];

const variable = (name: keyof typeof EMPTY_HINTS) =>
  z
    .string()
    .trim()
    .min(1, { error: `${name}: set but empty; ${EMPTY_HINTS[name]}.` })
    .optional();

export const environmentSchema = z.object({
  ...(Object.fromEntries(Object.keys(EMPTY_HINTS).map((name) => [name, variable(name as keyof typeof EMPTY_HINTS)])) as {
    [K in keyof typeof EMPTY_HINTS]: ReturnType<typeof variable>;
  }),
  ...(Object.fromEntries(EMPTY_ALLOWED.map((name) => [name, z.string().trim().optional()])) as {
    [K in (typeof EMPTY_ALLOWED)[number]]: z.ZodOptional<z.ZodString>;
  }),
});

/** Every awscheck variable, trimmed, plus the SDK's endpoint and region variables as given. */
export type Environment = Readonly<z.infer<typeof environmentSchema> & { readonly [sdk: `AWS_${string}`]: string | undefined }>;

/** The SDK's standard variables (AWS_ENDPOINT_URL*, AWS_REGION, AWS_DEFAULT_REGION), unchanged. */
function sdkVariables(env: RawEnvironment): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => SDK_VARIABLE.test(entry[0]) && entry[1] !== undefined),
  );
}

/**
 * Parses the environment once: every problem at once, as one ConfigError (exit 2), each naming the variable
 * and how to set it. Values are never echoed, so a secret set in the wrong variable is not printed either.
 */
export function readEnvironment(env: RawEnvironment = process.env): Environment {
  const { environment, problems } = parseEnvironment(env);
  if (problems.length > 0) throw new ConfigError(problems);
  return environment;
}

/**
 * The same parse without throwing: the problems, and the environment without the variables that had one,
 * so the other readers can still run and start-up names every problem in one message.
 */
export function parseEnvironment(env: RawEnvironment = process.env): { environment: Environment; problems: string[] } {
  const result = environmentSchema.safeParse(env);
  if (result.success) return { environment: Object.freeze({ ...sdkVariables(env), ...stripUndefined(result.data) }), problems: [] };
  const bad = new Set(result.error.issues.map((issue) => String(issue.path[0])));
  const rest = Object.fromEntries(Object.entries(env).filter(([name]) => !bad.has(name)));
  return { environment: readEnvironment(rest), problems: result.error.issues.map((issue) => issue.message) };
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
