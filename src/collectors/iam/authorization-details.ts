// GetAccountAuthorizationDetails: every user, group, role and customer-managed policy with their policy
// documents, in a few paged calls instead of several calls per principal.
import {
  type AttachedPolicy,
  type GroupDetail,
  type InstanceProfile,
  type ManagedPolicyDetail,
  paginateGetAccountAuthorizationDetails,
  type PolicyDetail,
  type RoleDetail,
  type UserDetail,
} from '@aws-sdk/client-iam';
import { defineCollector } from '../../engine/define.ts';
import { sendOptions } from '../sdk.ts';
import { iamClient } from './client.ts';
import { parsePolicyDocument, type PolicyDocument } from './policy-document.ts';

export interface AttachedPolicyRef {
  name: string;
  arn: string;
}

export interface InlinePolicy {
  name: string;
  document: PolicyDocument;
}

export interface IamUserDetail {
  name: string;
  arn: string;
  path: string;
  /** Names of the groups the user belongs to. */
  groups: string[];
  attachedPolicies: AttachedPolicyRef[];
  inlinePolicies: InlinePolicy[];
}

export interface IamGroupDetail {
  name: string;
  arn: string;
  attachedPolicies: AttachedPolicyRef[];
  inlinePolicies: InlinePolicy[];
}

export interface InstanceProfileRef {
  name: string;
  arn: string;
}

export interface IamRoleDetail {
  name: string;
  arn: string;
  path: string;
  attachedPolicies: AttachedPolicyRef[];
  inlinePolicies: InlinePolicy[];
  instanceProfiles: InstanceProfileRef[];
}

/** A customer-managed policy with only its default (effective) version's document. */
export interface LocalManagedPolicy {
  name: string;
  arn: string;
  path: string;
  /** Users, groups and roles it is attached to (permissions boundaries not counted). */
  attachmentCount: number;
  defaultVersionId: string;
  document: PolicyDocument;
}

export interface AuthorizationDetails {
  users: IamUserDetail[];
  groups: IamGroupDetail[];
  roles: IamRoleDetail[];
  /** Customer-managed policies only: AWS managed ones are recognised by ARN, and fetching their
   * documents (every version of a thousand-odd policies) would multiply the payload for nothing. */
  policies: LocalManagedPolicy[];
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null || value === '') {
    throw new Error(`GetAccountAuthorizationDetails answered without ${what}`);
  }
  return value;
}

function attached(list: AttachedPolicy[] | undefined, owner: string): AttachedPolicyRef[] {
  return (list ?? []).map((p) => ({
    name: required(p.PolicyName, `a policy name attached to ${owner}`),
    arn: required(p.PolicyArn, `a policy ARN attached to ${owner}`),
  }));
}

function inline(list: PolicyDetail[] | undefined, owner: string): InlinePolicy[] {
  return (list ?? []).map((p) => {
    const name = required(p.PolicyName, `an inline policy name on ${owner}`);
    return { name, document: parsePolicyDocument(required(p.PolicyDocument, `the document of ${owner}'s inline policy ${name}`), `${owner}/${name}`) };
  });
}

function toUser(u: UserDetail): IamUserDetail {
  const name = required(u.UserName, 'a user name');
  return {
    name,
    arn: required(u.Arn, `the ARN of user ${name}`),
    path: u.Path ?? '/',
    groups: u.GroupList ?? [],
    attachedPolicies: attached(u.AttachedManagedPolicies, `user ${name}`),
    inlinePolicies: inline(u.UserPolicyList, `user ${name}`),
  };
}

function toGroup(g: GroupDetail): IamGroupDetail {
  const name = required(g.GroupName, 'a group name');
  return {
    name,
    arn: required(g.Arn, `the ARN of group ${name}`),
    attachedPolicies: attached(g.AttachedManagedPolicies, `group ${name}`),
    inlinePolicies: inline(g.GroupPolicyList, `group ${name}`),
  };
}

function toInstanceProfile(p: InstanceProfile, role: string): InstanceProfileRef {
  return {
    name: required(p.InstanceProfileName, `an instance profile name of role ${role}`),
    arn: required(p.Arn, `an instance profile ARN of role ${role}`),
  };
}

function toRole(r: RoleDetail): IamRoleDetail {
  const name = required(r.RoleName, 'a role name');
  return {
    name,
    arn: required(r.Arn, `the ARN of role ${name}`),
    path: r.Path ?? '/',
    attachedPolicies: attached(r.AttachedManagedPolicies, `role ${name}`),
    inlinePolicies: inline(r.RolePolicyList, `role ${name}`),
    instanceProfiles: (r.InstanceProfileList ?? []).map((p) => toInstanceProfile(p, name)),
  };
}

function toPolicy(p: ManagedPolicyDetail): LocalManagedPolicy {
  const name = required(p.PolicyName, 'a policy name');
  const versions = p.PolicyVersionList ?? [];
  const current = versions.find((v) => v.IsDefaultVersion === true) ?? versions.find((v) => v.VersionId === p.DefaultVersionId);
  const defaultVersionId = required(current?.VersionId ?? p.DefaultVersionId, `the default version of policy ${name}`);
  return {
    name,
    arn: required(p.Arn, `the ARN of policy ${name}`),
    path: p.Path ?? '/',
    attachmentCount: p.AttachmentCount ?? 0,
    defaultVersionId,
    document: parsePolicyDocument(required(current?.Document, `the default version document of policy ${name}`), name),
  };
}

export const authorizationDetails = defineCollector<AuthorizationDetails>({
  id: 'iam.authorization-details',
  service: 'iam',
  scope: 'global',
  actions: ['iam:GetAccountAuthorizationDetails'],
  async collect(ctx) {
    const details: AuthorizationDetails = { users: [], groups: [], roles: [], policies: [] };
    const pages = paginateGetAccountAuthorizationDetails(
      // IAM's largest page: a big account is read in a few calls instead of one per 100 entities.
      { client: iamClient(ctx), pageSize: 1000 },
      { Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'] },
      sendOptions(ctx),
    );
    for await (const page of pages) {
      details.users.push(...(page.UserDetailList ?? []).map(toUser));
      details.groups.push(...(page.GroupDetailList ?? []).map(toGroup));
      details.roles.push(...(page.RoleDetailList ?? []).map(toRole));
      details.policies.push(...(page.Policies ?? []).map(toPolicy));
    }
    return details;
  },
});
