import { describe, expect, it } from 'vitest';
import { supportRole } from './check.ts';
import type { IamRoleDetail } from '../../../src/collectors/iam/authorization-details.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { authorizationDetails, iamRole, iamUser } from '../../../test/checks/iam/authorization-fixtures.ts';

const SUPPORT = { name: 'AWSSupportAccess', arn: 'arn:aws:iam::aws:policy/AWSSupportAccess' };
const role = (name: string, attachedPolicies = [SUPPORT]) => iamRole(name, { attachedPolicies });
const details = (roles: IamRoleDetail[], userHasSupport = false) =>
  authorizationDetails({ roles, users: userHasSupport ? [iamUser('alice', { attachedPolicies: [SUPPORT] })] : [] });

describe('iam.support-role', () => {
  it('passes when a role holds AWSSupportAccess, naming it', () => {
    expect(evaluate(supportRole, [details([role('web', []), role('aws-support')])])).toMatchObject([
      { status: 'PASS', resourceType: 'AWS::::Account', evidence: 'AWSSupportAccess is attached to role aws-support', details: { supportRoles: ['aws-support'] } },
    ]);
  });

  it('fails when only a user (not a role) holds it, or nobody does', () => {
    expect(evaluate(supportRole, [details([role('web', [])], true)])).toMatchObject([{ status: 'FAIL', evidence: 'No role has the AWSSupportAccess policy attached' }]);
    expect(evaluate(supportRole, [details([])])[0]?.status).toBe('FAIL');
  });

  it('ignores a customer policy that merely shares the name', () => {
    const fake = role('fake', [{ name: 'AWSSupportAccess', arn: 'arn:aws:iam::123456789012:policy/AWSSupportAccess' }]);
    expect(evaluate(supportRole, [details([fake])])[0]?.status).toBe('FAIL');
  });
});
