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
import { reasonOf, type Unreadable } from '../../engine/unreadable.ts';
import { sendOptions } from '../sdk.ts';
import { iamClient } from './client.ts';
import { parsePolicyDocument, type PolicyDocument } from './policy-document.ts';

export interface AttachedPolicyRef {
  name: string;
  arn: string;
}

/** An inline policy; `document` is undefined when its text is not a policy document (`unreadable` says why). */
export type InlinePolicy = { name: string; document: PolicyDocument } | { name: string; document?: undefined; unreadable: string };

/** What users, groups and roles have alike: a name, an ARN, and the policies attached to and inlined in them. */
export interface IamPolicyHolder {
  name: string;
  arn: string;
  attachedPolicies: AttachedPolicyRef[];
  inlinePolicies: InlinePolicy[];
}

export interface IamUserDetail extends IamPolicyHolder {
  path: string;
  /** Names of the groups the user belongs to. */
  groups: string[];
}

export type IamGroupDetail = IamPolicyHolder;

export interface InstanceProfileRef {
  name: string;
  arn: string;
}

export interface IamRoleDetail extends IamPolicyHolder {
  path: string;
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
  /** Entries that lacked a field AWS always sends: ERROR for each of them, everything else judged. */
  unreadable: UnreadableDetails;
}

export interface UnreadableDetails {
  users: Unreadable[];
  groups: Unreadable[];
  roles: Unreadable[];
  policies: Unreadable[];
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
  return (list ?? []).map((p): InlinePolicy => {
    const name = required(p.PolicyName, `an inline policy name on ${owner}`);
    // The owner is still readable (its policy names are known); only this document is not.
    try {
      return { name, document: parsePolicyDocument(required(p.PolicyDocument, `the document of ${owner}'s inline policy ${name}`), `${owner}/${name}`) };
    } catch (err) {
      return { name, unreadable: reasonOf(err) };
    }
  });
}

function toPolicyHolder(
  kind: 'user' | 'group' | 'role',
  name: string,
  detail: { Arn?: string | undefined; AttachedManagedPolicies?: AttachedPolicy[] | undefined },
  inlinePolicies: PolicyDetail[] | undefined,
): IamPolicyHolder {
  const owner = `${kind} ${name}`;
  return {
    name,
    arn: required(detail.Arn, `the ARN of ${owner}`),
    attachedPolicies: attached(detail.AttachedManagedPolicies, owner),
    inlinePolicies: inline(inlinePolicies, owner),
  };
}

function toUser(u: UserDetail): IamUserDetail {
  const name = required(u.UserName, 'a user name');
  return { ...toPolicyHolder('user', name, u, u.UserPolicyList), path: u.Path ?? '/', groups: u.GroupList ?? [] };
}

function toGroup(g: GroupDetail): IamGroupDetail {
  return toPolicyHolder('group', required(g.GroupName, 'a group name'), g, g.GroupPolicyList);
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
    ...toPolicyHolder('role', name, r, r.RolePolicyList),
    path: r.Path ?? '/',
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

type Kind = 'User' | 'Group' | 'Role' | 'Policy';

interface Named {
  UserName?: string | undefined;
  GroupName?: string | undefined;
  RoleName?: string | undefined;
  PolicyName?: string | undefined;
  Arn?: string | undefined;
}

/** Reads every entry of one kind; an entry missing a field becomes an Unreadable named as well as it can be. */
function readEach<E extends Named, T>(entries: E[] | undefined, kind: Kind, read: (entry: E) => T, into: T[], unreadable: Unreadable[]): void {
  for (const entry of entries ?? []) {
    try {
      into.push(read(entry));
    } catch (err) {
      const name = entry.UserName ?? entry.GroupName ?? entry.RoleName ?? entry.PolicyName;
      unreadable.push({
        resourceType: `AWS::IAM::${kind}`,
        resourceId: name || entry.Arn || `(a ${kind.toLowerCase()} without a name)`,
        ...(entry.Arn ? { resourceArn: entry.Arn } : {}),
        reason: reasonOf(err),
      });
    }
  }
}

export const authorizationDetails = defineCollector<AuthorizationDetails>({
  id: 'iam.authorization-details',
  scope: 'global',
  actions: ['iam:GetAccountAuthorizationDetails'],
  async collect(ctx) {
    const unreadable: UnreadableDetails = { users: [], groups: [], roles: [], policies: [] };
    const details: AuthorizationDetails = { users: [], groups: [], roles: [], policies: [], unreadable };
    const pages = paginateGetAccountAuthorizationDetails(
      // IAM's largest page: a big account is read in a few calls instead of one per 100 entities.
      { client: iamClient(ctx), pageSize: 1000 },
      { Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'] },
      sendOptions(ctx),
    );
    for await (const page of pages) {
      readEach(page.UserDetailList, 'User', toUser, details.users, unreadable.users);
      readEach(page.GroupDetailList, 'Group', toGroup, details.groups, unreadable.groups);
      readEach(page.RoleDetailList, 'Role', toRole, details.roles, unreadable.roles);
      readEach(page.Policies, 'Policy', toPolicy, details.policies, unreadable.policies);
    }
    return details;
  },
});
