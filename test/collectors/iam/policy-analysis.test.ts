import { describe, expect, it } from 'vitest';
import {
  attachedPolicyGrantsFullAdmin,
  grantsFullAdmin,
  isAwsAdministratorAccess,
  roleAdminGrants,
  roleForInstanceProfile,
} from '../../../src/collectors/iam/policy-analysis.ts';
import type { PolicyDocument } from '../../../src/collectors/iam/policy-document.ts';
import { authorizationDetails, iamRole as role } from '../../checks/iam/authorization-fixtures.ts';

const doc = (...Statement: PolicyDocument['Statement'][]): PolicyDocument => ({ Version: '2012-10-17', Statement: Statement.flat() });

describe('grantsFullAdmin', () => {
  it.each([
    ['Action "*" on "*"', doc({ Effect: 'Allow', Action: '*', Resource: '*' })],
    ['Action ["*"]', doc({ Effect: 'Allow', Action: ['*'], Resource: ['*'] })],
    ['Action "*:*"', doc({ Effect: 'Allow', Action: '*:*', Resource: '*' })],
    ['"*" among other actions and resources', doc({ Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: ['arn:aws:s3:::x', '*'] })],
    ['a single statement object', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }],
    ['a condition (it limits when, not what)', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })],
    ['a Deny elsewhere in the document', doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' })],
  ])('is true for %s', (_name, document) => {
    expect(grantsFullAdmin(document)).toBe(true);
  });

  it.each([
    ['a Deny of everything', doc({ Effect: 'Deny', Action: '*', Resource: '*' })],
    ['a service wildcard', doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })],
    ['every action on one resource', doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/*' })],
    ['NotAction (withholds something by construction)', doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' })],
    ['NotResource', doc({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::secrets/*' })],
  ])('is false for %s', (_name, document) => {
    expect(grantsFullAdmin(document)).toBe(false);
  });
});

const details = authorizationDetails({
  roles: [
    role('web', {
      attachedPolicies: [
        { name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
        { name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
        { name: 'everything', arn: 'arn:aws:iam::123456789012:policy/everything' },
        { name: 'logs', arn: 'arn:aws:iam::123456789012:policy/logs' },
      ],
      inlinePolicies: [
        { name: 'inline-admin', document: doc({ Effect: 'Allow', Action: '*:*', Resource: '*' }) },
        { name: 'inline-s3', document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) },
      ],
      instanceProfiles: [{ name: 'web', arn: 'arn:aws:iam::123456789012:instance-profile/web' }],
    }),
    role('batch', {
      attachedPolicies: [{ name: 'logs', arn: 'arn:aws:iam::123456789012:policy/logs' }],
      instanceProfiles: [{ name: 'batch', arn: 'arn:aws:iam::123456789012:instance-profile/team/batch' }],
    }),
    role('broken', { attachedPolicies: [{ name: 'gone', arn: 'arn:aws:iam::123456789012:policy/gone' }] }),
  ],
  policies: [
    { name: 'everything', arn: 'arn:aws:iam::123456789012:policy/everything', path: '/', attachmentCount: 1, defaultVersionId: 'v3', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
    { name: 'logs', arn: 'arn:aws:iam::123456789012:policy/logs', path: '/', attachmentCount: 2, defaultVersionId: 'v1', document: doc({ Effect: 'Allow', Action: 'logs:*', Resource: '*' }) },
  ],
});

describe('roleAdminGrants', () => {
  it('names the AWS AdministratorAccess policy, admin customer-managed policies and admin inline policies', () => {
    expect(roleAdminGrants(details, 'web')).toEqual(['AdministratorAccess', 'everything', 'inline-admin']);
  });

  it('is empty for a role without admin rights', () => {
    expect(roleAdminGrants(details, 'batch')).toEqual([]);
  });

  it('throws rather than guess when a role or a customer-managed policy is unknown', () => {
    expect(() => roleAdminGrants(details, 'nobody')).toThrow(/role nobody is missing/);
    expect(() => roleAdminGrants(details, 'broken')).toThrow(/policy\/gone is missing/);
  });
});

describe('policy helpers', () => {
  it('recognises AdministratorAccess in every partition, and nothing like it', () => {
    expect(isAwsAdministratorAccess('arn:aws:iam::aws:policy/AdministratorAccess')).toBe(true);
    expect(isAwsAdministratorAccess('arn:aws-us-gov:iam::aws:policy/AdministratorAccess')).toBe(true);
    expect(isAwsAdministratorAccess('arn:aws:iam::aws:policy/AdministratorAccess-Amplify')).toBe(false);
    expect(isAwsAdministratorAccess('arn:aws:iam::123456789012:policy/AdministratorAccess')).toBe(false);
  });

  it('judges other AWS managed policies as not full admin without their documents', () => {
    expect(attachedPolicyGrantsFullAdmin(details, { name: 'PowerUserAccess', arn: 'arn:aws:iam::aws:policy/PowerUserAccess' })).toBe(false);
  });

  it('finds the role inside an instance profile by ARN, path included', () => {
    expect(roleForInstanceProfile(details, 'arn:aws:iam::123456789012:instance-profile/team/batch')?.name).toBe('batch');
    expect(roleForInstanceProfile(details, 'arn:aws:iam::123456789012:instance-profile/batch')).toBeUndefined();
  });
});
