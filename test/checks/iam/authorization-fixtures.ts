// Plain authorization-details inventories (users, roles) for the IAM policy checks and analysis: no AWS.
import type { AuthorizationDetails, IamRoleDetail, IamUserDetail } from '../../../src/collectors/iam/authorization-details.ts';

/** A role with no policies and no instance profile, unless the test gives some. */
export function iamRole(name: string, overrides: Partial<IamRoleDetail> = {}): IamRoleDetail {
  return {
    name,
    arn: `arn:aws:iam::123456789012:role/${name}`,
    path: '/',
    attachedPolicies: [],
    inlinePolicies: [],
    instanceProfiles: [],
    ...overrides,
  };
}

/** A user in no group and with no policies, unless the test gives some. */
export function iamUser(name: string, overrides: Partial<IamUserDetail> = {}): IamUserDetail {
  return {
    name,
    arn: `arn:aws:iam::123456789012:user/${name}`,
    path: '/',
    groups: [],
    attachedPolicies: [],
    inlinePolicies: [],
    ...overrides,
  };
}

/** Empty lists, but for the parts the test names. */
export function authorizationDetails(parts: Partial<AuthorizationDetails> = {}): AuthorizationDetails {
  return { users: [], groups: [], roles: [], policies: [], unreadable: { users: [], groups: [], roles: [], policies: [] }, ...parts };
}
