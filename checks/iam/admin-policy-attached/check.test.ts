import { describe, expect, it } from 'vitest';
import { adminPolicyAttached } from './check.ts';
import type { AuthorizationDetails, LocalManagedPolicy } from '../../../src/collectors/iam/authorization-details.ts';
import type { PolicyDocument } from '../../../src/collectors/iam/policy-document.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';

const ADMIN: PolicyDocument = { Version: '2012-10-17', Statement: [{ Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' }] };
const CONDITIONAL_ADMIN: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }],
};
const NOT_ACTION: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] };

const policy = (name: string, document: PolicyDocument, attachmentCount: number): LocalManagedPolicy => ({
  name,
  arn: `arn:aws:iam::123456789012:policy/${name}`,
  path: '/',
  attachmentCount,
  defaultVersionId: 'v1',
  document,
});

const empty: AuthorizationDetails = { users: [], groups: [], roles: [], policies: [], unreadable: { users: [], groups: [], roles: [], policies: [] } };

describe('iam.admin-policy-attached', () => {
  it('fails an attached customer-managed policy that allows * on *, one result per policy', () => {
    const results = evaluate(adminPolicyAttached, [
      { ...empty, policies: [policy('god-mode', ADMIN, 2), policy('spare-admin', ADMIN, 0), policy('power-user', NOT_ACTION, 3)] },
    ]);
    expect(results).toMatchObject([
      {
        status: 'FAIL',
        resourceType: 'AWS::IAM::Policy',
        resourceId: 'god-mode',
        resourceArn: 'arn:aws:iam::123456789012:policy/god-mode',
        evidence: 'Policy god-mode allows * on * and is attached to 2 users, groups or roles',
        details: { policyType: 'customer-managed', fullAdmin: true, attachmentCount: 2, statementSids: ['All'], defaultVersionId: 'v1' },
      },
      { status: 'PASS', resourceId: 'spare-admin', evidence: 'Policy spare-admin allows * on * but is not attached to anything' },
      { status: 'PASS', resourceId: 'power-user', details: { fullAdmin: false } },
    ]);
  });

  it('fails inline admin policies on users, groups and roles, naming the owner', () => {
    const results = evaluate(adminPolicyAttached, [
      {
        ...empty,
        users: [{ name: 'alice', arn: 'arn:aws:iam::123456789012:user/alice', path: '/', groups: [], attachedPolicies: [], inlinePolicies: [{ name: 'oops', document: ADMIN }] }],
        groups: [{ name: 'ops', arn: 'arn:aws:iam::123456789012:group/ops', attachedPolicies: [], inlinePolicies: [{ name: 'office-only', document: CONDITIONAL_ADMIN }] }],
        roles: [
          {
            name: 'web',
            arn: 'arn:aws:iam::123456789012:role/web',
            path: '/',
            attachedPolicies: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
            inlinePolicies: [{ name: 'limited', document: NOT_ACTION }],
            instanceProfiles: [],
          },
        ],
      },
    ]);
    expect(results).toMatchObject([
      { status: 'FAIL', resourceType: 'AWS::IAM::UserPolicy', resourceId: 'alice', subResourceId: 'oops', evidence: 'Inline policy oops on user alice allows * on *' },
      {
        status: 'FAIL',
        resourceType: 'AWS::IAM::GroupPolicy',
        resourceId: 'ops',
        subResourceId: 'office-only',
        evidence: 'Inline policy office-only on group ops allows * on * (under conditions)',
        details: { conditional: true },
      },
      { status: 'PASS', resourceType: 'AWS::IAM::RolePolicy', resourceId: 'web', subResourceId: 'limited' },
    ]);
    // The AWS managed AdministratorAccess is out of scope here (CIS 1.16 is about home-made policies).
    expect(results.some((r) => r.resourceId === 'AdministratorAccess')).toBe(false);
  });

  it('answers on the account when there is nothing to evaluate', () => {
    expect(evaluate(adminPolicyAttached, [empty], { locale: 'ja' })).toMatchObject([
      { status: 'PASS', resourceType: 'AWS::::Account', evidence: 'このアカウントにはカスタマー管理ポリシーもインラインポリシーもありません' },
    ]);
  });
});
