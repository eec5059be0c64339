// Everything a deployment chooses, from CDK context (`-c awscheck:<key>=value` or cdk.json), validated once.
// Values that only the deploying person knows and that CI cannot invent (the external id, the OUs, the
// organization id) become CloudFormation parameters whose defaults come from here, so `cdk synth` works
// offline without them and `cdk deploy` asks for them if they are missing.

import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export interface DeployContext {
  readRoleName: string;
  fixRoleName: string;
  externalId?: string;
  organizationId?: string;
  organizationalUnits?: string[];
  /** Regions of the member accounts whose events are forwarded; default the bot's region and us-east-1. */
  eventRegions?: string[];
  /** SELF from the management account, DELEGATED_ADMIN from a delegated StackSets administrator. */
  callAs: 'SELF' | 'DELEGATED_ADMIN';
  slackBotTokenSecret: string;
  slackAppTokenSecret: string;
  /** Plain AWSCHECK_* settings for the container (channel ids, approvers), never secrets. */
  environment: Record<string, string>;
  desiredCount: number;
  logRetentionDays: number;
  vpcId?: string;
  subnetIds?: string[];
}

type Lookup = (key: string) => unknown;

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const OU = /^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** A scalar as text; objects are not settings. */
function scalar(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** Context from the command line is a string; from cdk.json it may be a list. */
function list(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value.map(scalar).filter((s) => s !== undefined) : (scalar(value)?.split(/[\s,]+/) ?? []);
  const out = items.map((s) => s.trim()).filter(Boolean);
  return out.length > 0 ? out : undefined;
}

function text(value: unknown): string | undefined {
  const s = scalar(value)?.trim();
  return s === '' ? undefined : s;
}

/** Context keys that become AWSCHECK_* variables of the bot unchanged. */
const ENVIRONMENT_KEYS: Record<string, string> = {
  reportChannel: 'AWSCHECK_REPORT_CHANNEL',
  alertChannel: 'AWSCHECK_ALERT_CHANNEL',
  approvalChannel: 'AWSCHECK_APPROVAL_CHANNEL',
  approvers: 'AWSCHECK_APPROVERS',
  scanners: 'AWSCHECK_SCANNERS',
  remediation: 'AWSCHECK_REMEDIATION',
  reportCron: 'AWSCHECK_REPORT_CRON',
  timezone: 'AWSCHECK_TIMEZONE',
  regions: 'AWSCHECK_REGIONS',
  locale: 'AWSCHECK_LOCALE',
};

export function readContext(get: Lookup): DeployContext {
  const problems: string[] = [];
  const at = (key: string) => get(`awscheck:${key}`);

  const roleName = (key: string, fallback: string) => {
    const value = text(at(key)) ?? fallback;
    if (!ROLE_NAME.test(value)) problems.push(`awscheck:${key}: got "${value}"; expected an IAM role name such as ${fallback}`);
    return value;
  };
  const readRoleName = roleName('readRoleName', 'awscheck-read');
  const fixRoleName = roleName('fixRoleName', 'awscheck-fix');

  const externalId = text(at('externalId'));
  if (externalId !== undefined && !/^[\w+=,.@:/-]{2,1224}$/.test(externalId)) {
    problems.push('awscheck:externalId: expected 2 to 1224 characters of letters, digits and +=,.@:/-');
  }
  const organizationId = text(at('organizationId'));
  if (organizationId !== undefined && !/^o-[a-z0-9]{10,32}$/.test(organizationId)) {
    problems.push(`awscheck:organizationId: got "${organizationId}"; expected an organization id such as o-a1b2c3d4e5 (aws organizations describe-organization)`);
  }
  const organizationalUnits = list(at('organizationalUnits'));
  for (const ou of organizationalUnits ?? []) {
    if (!OU.test(ou)) problems.push(`awscheck:organizationalUnits: got "${ou}"; expected OU ids (ou-abcd-12345678) or the root id (r-abcd), comma-separated`);
  }
  const eventRegions = list(at('eventRegions'));
  for (const region of eventRegions ?? []) {
    if (!REGION.test(region)) problems.push(`awscheck:eventRegions: got "${region}"; expected region names such as us-east-1,eu-west-1`);
  }
  const callAs = text(at('callAs')) ?? 'SELF';
  if (callAs !== 'SELF' && callAs !== 'DELEGATED_ADMIN') problems.push(`awscheck:callAs: got "${callAs}"; expected SELF or DELEGATED_ADMIN`);

  const number = (key: string, fallback: number, min: number, max: number) => {
    const raw = text(at(key));
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`awscheck:${key}: got "${raw}"; expected a whole number from ${min} to ${max}`);
    return n;
  };
  const desiredCount = number('desiredCount', 2, 0, 10);
  const logRetentionDays = number('logRetentionDays', 30, 1, 3653);
  // CloudWatch Logs accepts only these retentions.
  const retentions = Object.values(RetentionDays).filter((d): d is number => typeof d === 'number' && d !== RetentionDays.INFINITE);
  if (!retentions.includes(logRetentionDays)) problems.push(`awscheck:logRetentionDays: got ${logRetentionDays}; expected one of ${retentions.join(', ')}`);

  const environment: Record<string, string> = {};
  for (const [key, variable] of Object.entries(ENVIRONMENT_KEYS)) {
    const value = text(at(key));
    if (value !== undefined) environment[variable] = value;
  }

  const vpcId = text(at('vpcId'));
  const subnetIds = list(at('subnetIds'));
  if ((vpcId === undefined) !== (subnetIds === undefined)) {
    problems.push('awscheck:vpcId and awscheck:subnetIds: set both (an existing VPC and its private subnets with a route to the internet), or neither to create a VPC');
  }

  if (problems.length > 0) throw new Error(`Deployment context:\n  ${problems.join('\n  ')}`);
  return {
    readRoleName,
    fixRoleName,
    ...(externalId ? { externalId } : {}),
    ...(organizationId ? { organizationId } : {}),
    ...(organizationalUnits ? { organizationalUnits } : {}),
    ...(eventRegions ? { eventRegions } : {}),
    callAs,
    slackBotTokenSecret: text(at('slackBotTokenSecret')) ?? 'awscheck/slack-bot-token',
    slackAppTokenSecret: text(at('slackAppTokenSecret')) ?? 'awscheck/slack-app-token',
    environment,
    desiredCount,
    logRetentionDays,
    ...(vpcId && subnetIds ? { vpcId, subnetIds } : {}),
  } as DeployContext;
}
