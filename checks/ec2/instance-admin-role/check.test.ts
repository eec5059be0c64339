import { describe, expect, it } from 'vitest';
import { instanceAdminRole } from './check.ts';
import type { IamRoleDetail } from '../../../src/collectors/iam/authorization-details.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { authorizationDetails, iamRole } from '../../../test/checks/iam/authorization-fixtures.ts';
import { instance, REGION } from '../../../test/checks/ec2/fixtures.ts';

const profileArn = (name: string) => `arn:aws:iam::123456789012:instance-profile/${name}`;

const role = (name: string, fields: Partial<IamRoleDetail> = {}) => iamRole(name, { instanceProfiles: [{ name, arn: profileArn(name) }], ...fields });

const details = authorizationDetails({
  roles: [
    role('admin', { attachedPolicies: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] }),
    role('inline-admin', {
      inlinePolicies: [{ name: 'everything', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
    }),
    role('reader', { attachedPolicies: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }),
    role('dangling', { attachedPolicies: [{ name: 'gone', arn: 'arn:aws:iam::123456789012:policy/gone' }] }),
  ],
});

const withProfile = (id: string, name: string | undefined) =>
  instance({ instanceId: id, name: undefined, iamInstanceProfileArn: name ? profileArn(name) : undefined });

describe('ec2.instance-admin-role', () => {
  it("fails instances whose profile's role is an administrator, naming the policy", () => {
    const results = evaluate(instanceAdminRole, [[withProfile('i-1', 'admin'), withProfile('i-2', 'inline-admin')], details], { region: REGION });
    expect(results).toMatchObject([
      {
        status: 'FAIL',
        resourceId: 'i-1',
        evidence: 'i-1 runs with role admin, which has administrator rights (AdministratorAccess)',
        details: { roleName: 'admin', instanceProfileArn: profileArn('admin'), adminPolicies: ['AdministratorAccess'] },
      },
      { status: 'FAIL', resourceId: 'i-2', details: { adminPolicies: ['everything'] } },
    ]);
  });

  it('passes instances without a profile or with a limited role', () => {
    const results = evaluate(instanceAdminRole, [[withProfile('i-1', undefined), withProfile('i-2', 'reader')], details], {
      region: REGION,
      locale: 'ja',
    });
    expect(results).toMatchObject([
      { status: 'PASS', evidence: 'i-1 にインスタンスプロファイルはありません' },
      { status: 'PASS', evidence: 'i-2 のロール reader に管理者権限のポリシーはありません' },
    ]);
  });

  it('reports ERROR for a profile or policy missing from the IAM data, only for that instance', () => {
    const results = evaluate(
      instanceAdminRole,
      [[withProfile('i-1', 'unknown'), withProfile('i-2', 'dangling'), withProfile('i-3', 'reader')], details],
      { region: REGION },
    );
    expect(results.map((r) => r.status)).toEqual(['ERROR', 'ERROR', 'PASS']);
    expect(results[1]?.details.reason).toContain('arn:aws:iam::123456789012:policy/gone');
  });
});
