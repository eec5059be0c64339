// The remediation settings, all from AWSCHECK_* variables: off by default, and when on, never without
// approvers or a channel to ask them in. Every problem is reported at once, each saying how to fix it.
import type { Environment } from '../config/environment.ts';
import { ConfigError, showValue } from '../config/errors.ts';
import { accountSchema } from '../config/schema.ts';

export interface RemediationConfig {
  /** AWSCHECK_REMEDIATION=on: the "Fix…" and "Accept risk" buttons appear. */
  enabled: boolean;
  /** Users (U…/W…) and user groups (S…) who may approve fixes and risk acceptances. */
  approvers: string[];
  /** Lets a requester approve their own request (a one-person team); off by default. */
  allowSelfApproval: boolean;
  /** Where approval requests are posted: AWSCHECK_APPROVAL_CHANNEL, else AWSCHECK_REPORT_CHANNEL. */
  approvalChannel?: string;
  /** How long a request waits for approval before it expires. */
  approvalTtlMs: number;
  /** Lets whoever clicks "Accept risk" accept it without an approver. */
  riskSelfAccept: boolean;
  /** The role fixes run with when an account has no remediationRoleArn of its own. */
  remediationRoleArn?: string;
}

type Env = Environment;

export const DEFAULT_APPROVAL_TTL_MS = 24 * 3_600_000;
const MIN_TTL_MS = 60_000;
const MAX_TTL_MS = 30 * 86_400_000;
const SLACK_ID = /^[UWS][A-Z0-9]{2,}$/;
const TTL = /^(\d+)\s*(m|min|h|d)$/i;
const UNIT_MS: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };
const TRUE = new Set(['on', 'true', 'yes', '1']);
const FALSE = new Set(['off', 'false', 'no', '0']);

/** `24h`, `90m`, `2d` in milliseconds; undefined when it is not one of those forms. */
export function parseDuration(raw: string): number | undefined {
  const match = TTL.exec(raw.trim());
  if (!match) return undefined;
  return Number(match[1]) * (UNIT_MS[(match[2] ?? '').toLowerCase()] ?? NaN);
}

/** The shortest of `2d`, `36h`, `90m` that says the same. */
export function formatDuration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  return `${Math.round(ms / 60_000)}m`;
}

function flag(env: Env, name: 'AWSCHECK_REMEDIATION' | 'AWSCHECK_ALLOW_SELF_APPROVAL' | 'AWSCHECK_RISK_SELF_ACCEPT', problems: string[], fallback = false): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  problems.push(`${name}: got ${showValue(env[name])}; expected on or off (true/false also work).`);
  return fallback;
}

export function remediationConfigFromEnv(env: Env): RemediationConfig {
  const problems: string[] = [];
  const enabled = flag(env, 'AWSCHECK_REMEDIATION', problems);
  const allowSelfApproval = flag(env, 'AWSCHECK_ALLOW_SELF_APPROVAL', problems);
  const riskSelfAccept = flag(env, 'AWSCHECK_RISK_SELF_ACCEPT', problems);

  const approvers = [...new Set((env.AWSCHECK_APPROVERS ?? '').split(/[\s,]+/).filter(Boolean))];
  const badIds = approvers.filter((id) => !SLACK_ID.test(id));
  if (badIds.length > 0) {
    problems.push(
      `AWSCHECK_APPROVERS: got ${badIds.map((id) => showValue(id)).join(', ')}; expected Slack member ids (U…/W…, from a profile's ⋮ → Copy member ID) or user group ids (S…), separated by commas.`,
    );
  }

  const channel = env.AWSCHECK_APPROVAL_CHANNEL?.trim() || env.AWSCHECK_REPORT_CHANNEL?.trim() || undefined;
  if (channel !== undefined && /[\s,<>]/.test(channel)) {
    const variable = env.AWSCHECK_APPROVAL_CHANNEL?.trim() ? 'AWSCHECK_APPROVAL_CHANNEL' : 'AWSCHECK_REPORT_CHANNEL';
    problems.push(`${variable}: got ${showValue(channel)}; expected one channel ID such as C0123ABCD (channel details → About → Channel ID).`);
  }

  let approvalTtlMs = DEFAULT_APPROVAL_TTL_MS;
  const rawTtl = env.AWSCHECK_APPROVAL_TTL?.trim();
  if (rawTtl) {
    const parsed = parseDuration(rawTtl);
    if (parsed === undefined || parsed < MIN_TTL_MS || parsed > MAX_TTL_MS) {
      problems.push(`AWSCHECK_APPROVAL_TTL: got ${showValue(rawTtl)}; expected a duration from 1m to 30d such as 24h, 90m or 2d (default 24h).`);
    } else {
      approvalTtlMs = parsed;
    }
  }

  const rawRole = env.AWSCHECK_REMEDIATION_ROLE_ARN;
  const roleArn = rawRole?.trim() || undefined;
  if (rawRole !== undefined && roleArn === undefined) {
    // Set but empty would silently fall back to the scan credentials: say so instead.
    problems.push(
      'AWSCHECK_REMEDIATION_ROLE_ARN: set but empty; set it to an IAM role ARN such as arn:aws:iam::123456789012:role/awscheck-fix, or remove the variable to run fixes with the scan credentials.',
    );
  } else if (roleArn !== undefined && !accountSchema.shape.remediationRoleArn.safeParse(roleArn).success) {
    problems.push(
      `AWSCHECK_REMEDIATION_ROLE_ARN: got ${showValue(roleArn)}; expected an IAM role ARN such as arn:aws:iam::123456789012:role/awscheck-fix, or unset it to run fixes with the scan credentials.`,
    );
  }

  if (enabled && approvers.length === 0) {
    problems.push(
      'AWSCHECK_APPROVERS: not set, and AWSCHECK_REMEDIATION=on needs someone to approve fixes. Set it to the member ids (U…) or user group ids (S…) of the people who may approve, e.g. AWSCHECK_APPROVERS=U0123ABCD,S0456EFGH, or set AWSCHECK_REMEDIATION=off.',
    );
  }
  if (enabled && channel === undefined) {
    problems.push(
      'AWSCHECK_APPROVAL_CHANNEL: not set (nor AWSCHECK_REPORT_CHANNEL), and AWSCHECK_REMEDIATION=on needs a channel to post approval requests in. Set it to a channel ID (channel details → About → Channel ID) and invite the bot there with /invite @awscheck.',
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    enabled,
    approvers,
    allowSelfApproval,
    ...(channel ? { approvalChannel: channel } : {}),
    approvalTtlMs,
    riskSelfAccept,
    ...(roleArn ? { remediationRoleArn: roleArn } : {}),
  };
}
