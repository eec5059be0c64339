// One unreadable entry in the authorization details is ERROR for that entry alone, through the shared
// helper; every readable entry is judged as it would be without it.
import { describe, expect, it } from 'vitest';
import { instanceAdminRole } from '../ec2/instance-admin-role/check.ts';
import { adminPolicyAttached } from './admin-policy-attached/check.ts';
import { supportRole } from './support-role/check.ts';
import { userAttachedPolicies } from './user-attached-policies/check.ts';
import type { UnreadableDetails } from '../../src/collectors/iam/authorization-details.ts';
import type { PolicyDocument } from '../../src/collectors/iam/policy-document.ts';
import type { Unreadable } from '../../src/engine/unreadable.ts';
import { evaluate } from '../../test/helpers/evaluate.ts';
import { instance, REGION } from '../../test/checks/ec2/fixtures.ts';
import { authorizationDetails, iamRole, iamUser } from '../../test/checks/iam/authorization-fixtures.ts';

const ADMIN: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const none: UnreadableDetails = { users: [], groups: [], roles: [], policies: [] };
const unreadable = (type: string, id: string, reason: string): Unreadable => ({
  resourceType: `AWS::IAM::${type}`,
  resourceId: id,
  resourceArn: `arn:aws:iam::123456789012:${type.toLowerCase()}/${id}`,
  reason,
});
const brief = (r: { status: string; resourceType: string; resourceId: string; subResourceId?: string }) =>
  `${r.status} ${r.resourceType} ${r.resourceId}${r.subResourceId ? ` ${r.subResourceId}` : ''}`;

describe('unreadable IAM entities', () => {
  it('iam.user-attached-policies: ERROR for the unreadable user, the others judged', () => {
    const details = authorizationDetails({
      users: [iamUser('alice'), iamUser('bob', { attachedPolicies: [{ name: 'x', arn: 'arn:aws:iam::aws:policy/x' }] })],
      unreadable: { ...none, users: [unreadable('User', 'carol', 'GetAccountAuthorizationDetails answered without a policy ARN attached to user carol')] },
    });
    const results = evaluate(userAttachedPolicies, [details]);
    expect(results.map(brief)).toEqual(['PASS AWS::IAM::User alice', 'FAIL AWS::IAM::User bob', 'ERROR AWS::IAM::User carol']);
    expect(results[2]).toMatchObject({
      resourceArn: 'arn:aws:iam::123456789012:user/carol',
      evidence: 'carol could not be evaluated: GetAccountAuthorizationDetails answered without a policy ARN attached to user carol',
      details: { reason: 'GetAccountAuthorizationDetails answered without a policy ARN attached to user carol' },
    });
    expect(evaluate(userAttachedPolicies, [details], { locale: 'ja' })[2]?.evidence).toBe(
      'carol を評価できませんでした: GetAccountAuthorizationDetails answered without a policy ARN attached to user carol',
    );
  });

  it('iam.admin-policy-attached: ERROR for the unreadable policy, inline document and owner; the rest judged', () => {
    const details = authorizationDetails({
      users: [iamUser('alice', { inlinePolicies: [{ name: 'odd', unreadable: 'policy user alice/odd is not URL-encoded JSON' }, { name: 'root', document: ADMIN }] })],
      policies: [{ name: 'god', arn: 'arn:aws:iam::123456789012:policy/god', path: '/', attachmentCount: 1, defaultVersionId: 'v1', document: ADMIN }],
      unreadable: {
        ...none,
        policies: [unreadable('Policy', 'half', 'GetAccountAuthorizationDetails answered without the default version document of policy half')],
        roles: [unreadable('Role', 'ghost', 'GetAccountAuthorizationDetails answered without the ARN of role ghost')],
      },
    });
    const results = evaluate(adminPolicyAttached, [details]);
    expect(results.map(brief)).toEqual([
      'FAIL AWS::IAM::Policy god',
      'ERROR AWS::IAM::UserPolicy alice odd',
      'FAIL AWS::IAM::UserPolicy alice root',
      'ERROR AWS::IAM::Policy half',
      'ERROR AWS::IAM::Role ghost',
    ]);
    expect(results[1]?.evidence).toBe('odd could not be evaluated: policy user alice/odd is not URL-encoded JSON');
  });

  it('iam.support-role: a support role found is PASS whatever else is unreadable; none found with an unreadable role is ERROR for it', () => {
    const ghost = unreadable('Role', 'ghost', 'GetAccountAuthorizationDetails answered without the ARN of role ghost');
    const support = iamRole('support', { attachedPolicies: [{ name: 'AWSSupportAccess', arn: 'arn:aws:iam::aws:policy/AWSSupportAccess' }] });
    expect(evaluate(supportRole, [authorizationDetails({ roles: [support], unreadable: { ...none, roles: [ghost] } })]).map(brief)).toEqual([
      'PASS AWS::::Account 123456789012',
    ]);
    expect(evaluate(supportRole, [authorizationDetails({ roles: [iamRole('web')], unreadable: { ...none, roles: [ghost] } })]).map(brief)).toEqual([
      'ERROR AWS::IAM::Role ghost',
    ]);
  });

  it('ec2.instance-admin-role: ERROR for the instance whose role or policy is unreadable, the others judged', () => {
    const profile = (name: string) => `arn:aws:iam::123456789012:instance-profile/${name}`;
    const details = authorizationDetails({
      roles: [
        iamRole('odd-inline', { instanceProfiles: [{ name: 'odd-inline', arn: profile('odd-inline') }], inlinePolicies: [{ name: 'x', unreadable: 'policy role odd-inline/x is not URL-encoded JSON' }] }),
        iamRole('odd-managed', { instanceProfiles: [{ name: 'odd-managed', arn: profile('odd-managed') }], attachedPolicies: [{ name: 'half', arn: 'arn:aws:iam::123456789012:policy/half' }] }),
        iamRole('reader', { instanceProfiles: [{ name: 'reader', arn: profile('reader') }] }),
      ],
      unreadable: {
        ...none,
        policies: [unreadable('Policy', 'half', 'GetAccountAuthorizationDetails answered without the default version document of policy half')],
        roles: [unreadable('Role', 'ghost', 'GetAccountAuthorizationDetails answered without a role name')],
      },
    });
    const on = (id: string, name: string) => instance({ instanceId: id, name: undefined, iamInstanceProfileArn: profile(name) });
    const results = evaluate(instanceAdminRole, [[on('i-1', 'odd-inline'), on('i-2', 'odd-managed'), on('i-3', 'reader'), on('i-4', 'ghost')], details], { region: REGION });
    expect(results.map((r) => `${r.resourceId} ${r.status}`)).toEqual(['i-1 ERROR', 'i-2 ERROR', 'i-3 PASS', 'i-4 ERROR']);
    expect(results[0]?.evidence).toMatch(/inline policy x of role odd-inline could not be read: policy role odd-inline\/x is not URL-encoded JSON/);
    expect(results[1]?.evidence).toMatch(/customer-managed policy half could not be read: .*default version document of policy half/);
    expect(results[3]?.evidence).toMatch(/these roles could not be read: ghost/);
  });
});
