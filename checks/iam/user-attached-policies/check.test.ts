import { describe, expect, it } from 'vitest';
import { userAttachedPolicies } from './check.ts';
import type { IamUserDetail } from '../../../src/collectors/iam/authorization-details.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { authorizationDetails, iamUser } from '../../../test/checks/iam/authorization-fixtures.ts';

const details = (users: IamUserDetail[]) => authorizationDetails({ users });
const allowS3 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };

describe('iam.user-attached-policies', () => {
  it('fails users with attached or inline policies and passes users who get permissions from groups', () => {
    const results = evaluate(userAttachedPolicies, [
      details([
        iamUser('alice', { attachedPolicies: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }),
        iamUser('bob', { inlinePolicies: [{ name: 'reports', document: allowS3 }] }),
        iamUser('carol', { groups: ['devs'] }),
      ]),
    ]);
    expect(results).toMatchObject([
      { resourceId: 'alice', status: 'FAIL', resourceType: 'AWS::IAM::User', evidence: 'alice has policies of its own (attached: ReadOnlyAccess)' },
      { resourceId: 'bob', status: 'FAIL', evidence: 'bob has policies of its own (inline: reports)', details: { inlinePolicies: ['reports'] } },
      { resourceId: 'carol', status: 'PASS', evidence: 'carol has no policies of its own', details: { groups: ['devs'] } },
    ]);
  });

  it('answers on the account when there are no IAM users', () => {
    expect(evaluate(userAttachedPolicies, [details([])])).toMatchObject([{ status: 'PASS', resourceType: 'AWS::::Account' }]);
  });
});
