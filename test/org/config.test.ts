// `organization:` in awscheck.yml and AWSCHECK_ORG_ROLE_NAME; the role ARNs members get; the policy.
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.ts';
import { loadConfig } from '../../src/config/load.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { memberAccount, organizationAccount } from '../../src/org/accounts.ts';
import { type IamPolicyDocument, readActionsFor } from '../../src/policy/read-only.ts';
import { runAwscheck } from '../helpers/cli.ts';
import { configProblems, dirWith } from '../helpers/config.ts';

const FULL = [
  'organization:',
  '  roleName: awscheck-read',
  '  externalId: my-external-id',
  '  remediationRoleName: awscheck-fix',
  '  include: [ou-abcd-12345678, "111111111111"]',
  '  exclude: ["222222222222"]',
  '',
].join('\n');

describe('organization: settings', () => {
  it('reads every key of the documented example', () => {
    expect(loadConfig({}, dirWith(FULL)).settings.organization).toEqual({
      roleName: 'awscheck-read',
      externalId: 'my-external-id',
      remediationRoleName: 'awscheck-fix',
      include: ['ou-abcd-12345678', '111111111111'],
      exclude: ['222222222222'],
    });
  });

  it('is off by default, and AWSCHECK_ORG_ROLE_NAME alone turns it on', () => {
    expect(loadConfig({}, dirWith()).settings.organization).toBeUndefined();
    expect(loadConfig({ AWSCHECK_ORG_ROLE_NAME: ' awscheck-read ' }, dirWith()).settings.organization).toEqual({ roleName: 'awscheck-read' });
  });

  it('lets AWSCHECK_ORG_ROLE_NAME replace the file’s roleName and keep the rest', () => {
    const org = loadConfig({ AWSCHECK_ORG_ROLE_NAME: 'other-read' }, dirWith(FULL)).settings.organization;
    expect(org).toMatchObject({ roleName: 'other-read', externalId: 'my-external-id', exclude: ['222222222222'] });
  });

  it('names the key and what is expected', () => {
    expect(configProblems(() => loadConfig({}, dirWith('organization:\n  externalId: abc\n')))[0]).toMatch(
      /organization\.roleName: got .*; expected the IAM role name to assume in each member account/,
    );
    expect(configProblems(() => loadConfig({}, dirWith('organization:\n  roleName: r\n  include: [12345]\n')))[0]).toMatch(
      /organization\.include\.0: .*expected the OUs and accounts to scan as OU ids/,
    );
    expect(configProblems(() => loadConfig({}, dirWith('organization:\n  roleName: r\n  roles: x\n')))[0]).toMatch(/unknown key "organization\.roles"/);
    expect(configProblems(() => loadConfig({ AWSCHECK_ORG_ROLE_NAME: 'arn:aws:iam::1:role/x' }, dirWith()))[0]).toMatch(
      /^AWSCHECK_ORG_ROLE_NAME organization\.roleName: .*not an ARN/,
    );
  });
});

describe('member accounts', () => {
  it('get the organization’s role names in their own account and partition', () => {
    const org = { roleName: 'awscheck-read', externalId: 'x-1', remediationRoleName: 'awscheck-fix' };
    expect(memberAccount(org, '222222222222', 'prod', 'aws-us-gov')).toEqual({
      id: '222222222222',
      name: 'prod',
      roleArn: 'arn:aws-us-gov:iam::222222222222:role/awscheck-read',
      externalId: 'x-1',
      remediationRoleArn: 'arn:aws-us-gov:iam::222222222222:role/awscheck-fix',
    });
  });

  it('are what a fix session uses in an organization, and the caller’s own account keeps its credentials', () => {
    const settings = defaultSettings({ organization: { roleName: 'awscheck-read', remediationRoleName: 'awscheck-fix' } });
    expect(organizationAccount(settings, '333333333333')?.remediationRoleArn).toBe('arn:aws:iam::333333333333:role/awscheck-fix');
    expect(organizationAccount(settings, '111111111111', '111111111111')).toEqual({ id: '111111111111', name: '111111111111' });
    expect(organizationAccount(defaultSettings(), '333333333333')).toBeUndefined();
  });
});

describe('the discovery’s permissions', () => {
  it('are printed by `awscheck policy` in a statement of their own and allowed for scans', async () => {
    const printed = JSON.parse((await runAwscheck(['policy'])).stdout) as IamPolicyDocument;
    expect(printed.Statement.find((s) => s.Sid === 'AwscheckOrganizationDiscovery')?.Action).toEqual([
      'organizations:ListAccounts',
      'organizations:ListAccountsForParent',
      'organizations:ListOrganizationalUnitsForParent',
    ]);
    expect(readActionsFor(ALL_CHECKS)).toContain('organizations:ListAccountsForParent');
  });
});
