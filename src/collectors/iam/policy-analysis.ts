// Pure questions about IAM permissions, answered from the authorization details (no AWS calls).
// Shared by the IAM checks and ec2.instance-admin-role.
import type { AttachedPolicyRef, AuthorizationDetails, IamRoleDetail } from './authorization-details.ts';
import { listOf, type PolicyDocument, type PolicyStatement, statementsOf } from './policy-document.ts';

const ALL_ACTIONS = new Set(['*', '*:*']);

/**
 * The statements that grant every action on every resource: Effect Allow, Action `*` (or `*:*`),
 * Resource `*`.
 * - A Condition does not save it: it limits when the grant applies, not what it grants (an MFA or
 *   source-IP condition on `*:*` is still an administrator).
 * - NotAction or NotResource never match: they withhold something by construction, so the statement is
 *   broad but not "full" administrator access (e.g. the PowerUserAccess pattern).
 * - Deny statements elsewhere in the document are not subtracted: CIS 1.16 and Security Hub IAM.1 judge
 *   the Allow itself.
 */
export function fullAdminStatements(document: PolicyDocument): PolicyStatement[] {
  return statementsOf(document).filter(
    (s) =>
      s.Effect === 'Allow' &&
      s.NotAction === undefined &&
      s.NotResource === undefined &&
      listOf(s.Action).some((a) => ALL_ACTIONS.has(a)) &&
      listOf(s.Resource).includes('*'),
  );
}

export function grantsFullAdmin(document: PolicyDocument): boolean {
  return fullAdminStatements(document).length > 0;
}

/** AWS's own AdministratorAccess managed policy, in any partition. */
export function isAwsAdministratorAccess(policyArn: string): boolean {
  return /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/.test(policyArn);
}

export function isAwsManagedPolicy(policyArn: string): boolean {
  return /^arn:aws[a-z-]*:iam::aws:policy\//.test(policyArn);
}

/**
 * Whether an attached managed policy grants full admin. AWS managed policies are judged by ARN (only
 * AdministratorAccess allows `*` on `*`); customer-managed ones by their default version's document.
 */
export function attachedPolicyGrantsFullAdmin(details: AuthorizationDetails, policy: AttachedPolicyRef): boolean {
  if (isAwsManagedPolicy(policy.arn)) return isAwsAdministratorAccess(policy.arn);
  const local = details.policies.find((p) => p.arn === policy.arn);
  // Unknown means unevaluated: throwing turns the check into ERROR instead of a false PASS.
  if (!local) {
    const unreadable = details.unreadable.policies.find((p) => p.resourceArn === policy.arn);
    if (unreadable) throw new Error(`customer-managed policy ${policy.name} could not be read: ${unreadable.reason}`);
    throw new Error(`customer-managed policy ${policy.arn} is missing from the authorization details`);
  }
  return grantsFullAdmin(local.document);
}

/**
 * Names of the policies attached to, or inline in, the role that grant full admin. Throws when the role
 * is not in the details (resolve it with roleForInstanceProfile first).
 */
export function roleAdminGrants(details: AuthorizationDetails, roleName: string): string[] {
  const role = details.roles.find((r) => r.name === roleName);
  if (!role) throw new Error(`role ${roleName} is missing from the authorization details`);
  return [
    ...role.attachedPolicies.filter((p) => attachedPolicyGrantsFullAdmin(details, p)).map((p) => p.name),
    ...role.inlinePolicies
      .filter((p) => {
        if (p.document === undefined) throw new Error(`inline policy ${p.name} of role ${roleName} could not be read: ${p.unreadable}`);
        return grantsFullAdmin(p.document);
      })
      .map((p) => p.name),
  ];
}

/** The role inside an instance profile (an instance profile holds at most one role). */
export function roleForInstanceProfile(details: AuthorizationDetails, instanceProfileArn: string): IamRoleDetail | undefined {
  return details.roles.find((r) => r.instanceProfiles.some((p) => p.arn === instanceProfileArn));
}
