// The remediation variables: off by default, validated like the others (one ConfigError naming every
// problem), and never on without approvers or a channel to ask them in.
import { describe, expect, it } from 'vitest';
import { configurationPart, remediationConfig } from '../../../src/config/configuration.ts';
import { configProblems, REMEDIATION_VARIABLES } from '../../helpers/config.ts';

const problems = (env: Record<string, string>) => configProblems(() => configurationPart(env, remediationConfig));

describe('remediation configuration', () => {
  it('is off by default, with a 24 h approval deadline', () => {
    expect(configurationPart({}, remediationConfig)).toEqual({
      enabled: false,
      approvers: [],
      allowSelfApproval: false,
      approvalTtlMs: 24 * 3_600_000,
      riskSelfAccept: false,
    });
  });

  it('reads every variable, and asks approvers in the report channel unless told otherwise', () => {
    const env = {
      AWSCHECK_REMEDIATION: 'on',
      AWSCHECK_APPROVERS: 'U0BOB, S0SEC W0CAROL',
      AWSCHECK_ALLOW_SELF_APPROVAL: 'true',
      AWSCHECK_REPORT_CHANNEL: 'C0REPORT',
      AWSCHECK_APPROVAL_TTL: '90m',
      AWSCHECK_RISK_SELF_ACCEPT: 'yes',
      AWSCHECK_REMEDIATION_ROLE_ARN: 'arn:aws:iam::123456789012:role/awscheck-fix',
    };
    expect(configurationPart(env, remediationConfig)).toEqual({
      enabled: true,
      approvers: ['U0BOB', 'S0SEC', 'W0CAROL'],
      allowSelfApproval: true,
      approvalChannel: 'C0REPORT',
      approvalTtlMs: 90 * 60_000,
      riskSelfAccept: true,
      remediationRoleArn: 'arn:aws:iam::123456789012:role/awscheck-fix',
    });
    expect(configurationPart({ ...env, AWSCHECK_APPROVAL_CHANNEL: 'C0APPROVE' }, remediationConfig).approvalChannel).toBe('C0APPROVE');
  });

  it('refuses to turn on without approvers or a channel, and says how to fix it', () => {
    const found = problems({ AWSCHECK_REMEDIATION: 'on' });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^AWSCHECK_APPROVERS: not set, and AWSCHECK_REMEDIATION=on needs someone to approve fixes\. Set it to/);
    expect(found[1]).toMatch(/^AWSCHECK_APPROVAL_CHANNEL: not set \(nor AWSCHECK_REPORT_CHANNEL\).*invite the bot there/);
  });

  it('names every bad value at once', () => {
    const found = problems({
      AWSCHECK_REMEDIATION: 'maybe',
      AWSCHECK_APPROVERS: 'U0BOB,alice,#security',
      AWSCHECK_ALLOW_SELF_APPROVAL: 'sometimes',
      AWSCHECK_APPROVAL_TTL: '3 weeks',
      AWSCHECK_RISK_SELF_ACCEPT: '2',
      AWSCHECK_REMEDIATION_ROLE_ARN: 'awscheck-fix',
      AWSCHECK_APPROVAL_CHANNEL: 'C0 APPROVE',
    });
    expect(found.map((p) => p.split(':')[0])).toEqual(REMEDIATION_VARIABLES);
    expect(found[1]).toContain('"alice", "#security"');
    expect(found[4]).toContain('such as 24h, 90m or 2d');
  });

  it('refuses an empty AWSCHECK_REMEDIATION_ROLE_ARN instead of falling back to the scan credentials', () => {
    const found = problems({ AWSCHECK_REMEDIATION_ROLE_ARN: '  ' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^AWSCHECK_REMEDIATION_ROLE_ARN: set but empty; set it to an IAM role ARN/);
  });

  it('accepts approval TTLs from a minute to 30 days', () => {
    expect(problems({ AWSCHECK_APPROVAL_TTL: '31d' })).toHaveLength(1);
    expect(problems({ AWSCHECK_APPROVAL_TTL: '0m' })).toHaveLength(1);
    expect(configurationPart({ AWSCHECK_APPROVAL_TTL: '90 m' }, remediationConfig).approvalTtlMs).toBe(90 * 60_000);
  });
});
