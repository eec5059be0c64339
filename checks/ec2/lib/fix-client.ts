// What the security-group fixes share: a rule read live and kept exactly (so undo can re-authorise the
// identical rule), the writes by rule id, and who sits behind a group and can still get in through
// Session Manager once a rule is gone.
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  EC2Client,
  type IpPermission,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSecurityGroupRules,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type SecurityGroupRule as SdkRule,
} from '@aws-sdk/client-ec2';
import { paginateDescribeInstanceInformation, SSMClient } from '@aws-sdk/client-ssm';
import { z } from 'zod';
import type { CheckResult } from '../../../src/engine/types.ts';
import type { Localized } from '../../../src/i18n/locale.ts';
import { type FixContext, FixError } from '../../../src/remediation/fix.ts';
import { ADMIN_PORTS, portText, protocolName, reachesPort } from './ports.ts';

export function ec2Client(ctx: FixContext, region: string): EC2Client {
  return ctx.session.client(EC2Client, region);
}

/** Where a finding names an EC2 resource: a details key the check may fill, and the id's form. */
export interface Ec2IdKind {
  detailsKey: string;
  pattern: RegExp;
  /** The refusal when the finding names no such id. */
  missing: (ctx: FixContext, resource: string) => Localized;
}

// The ids the EC2 fixes read from a finding.
export const SNAPSHOT_ID: Ec2IdKind = { detailsKey: 'snapshotId', pattern: /^snap-[0-9a-f]+$/, missing: (ctx, resource) => ctx.localized('ec2:noSnapshotId', { resource }) };
export const INSTANCE_ID: Ec2IdKind = { detailsKey: 'instanceId', pattern: /^i-[0-9a-f]+$/, missing: (ctx, resource) => ctx.localized('ec2:noInstanceId', { resource }) };
export const GROUP_ID: Ec2IdKind = { detailsKey: 'groupId', pattern: /^sg-[0-9a-f]+$/, missing: (ctx, resource) => ctx.localized('ec2:noGroupId', { resource }) };

/** The id from details when the check gives it, else the resource id; only ever a value of the id's form. */
export function ec2IdOf(finding: CheckResult, kind: Ec2IdKind): string | undefined {
  const fromDetails = finding.details[kind.detailsKey];
  if (typeof fromDetails === 'string' && kind.pattern.test(fromDetails)) return fromDetails;
  return kind.pattern.test(finding.resourceId) ? finding.resourceId : undefined;
}

export function requireEc2Id(finding: CheckResult, kind: Ec2IdKind, ctx: FixContext): string {
  const id = ec2IdOf(finding, kind);
  if (!id) throw new FixError(kind.missing(ctx, finding.resourceId));
  return id;
}

/** One security group rule as AWS listed it: everything needed to authorise it again, identically. */
export const ruleSnapshotSchema = z.object({
  ruleId: z.string(),
  groupId: z.string(),
  isEgress: z.boolean(),
  ipProtocol: z.string(),
  fromPort: z.number().optional(),
  toPort: z.number().optional(),
  cidrIpv4: z.string().optional(),
  cidrIpv6: z.string().optional(),
  prefixListId: z.string().optional(),
  referencedGroup: z
    .object({
      groupId: z.string(),
      userId: z.string().optional(),
      vpcId: z.string().optional(),
      vpcPeeringConnectionId: z.string().optional(),
    })
    .optional(),
  description: z.string().optional(),
});

export type RuleSnapshot = z.infer<typeof ruleSnapshotSchema>;

function defined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

export function snapshotOf(rule: SdkRule): RuleSnapshot {
  if (!rule.SecurityGroupRuleId || !rule.GroupId || rule.IsEgress === undefined || !rule.IpProtocol) {
    throw new Error('DescribeSecurityGroupRules answered with a rule missing its id, group, direction or protocol');
  }
  const ref = rule.ReferencedGroupInfo;
  return defined({
    ruleId: rule.SecurityGroupRuleId,
    groupId: rule.GroupId,
    isEgress: rule.IsEgress,
    ipProtocol: rule.IpProtocol,
    fromPort: rule.FromPort,
    toPort: rule.ToPort,
    cidrIpv4: rule.CidrIpv4,
    cidrIpv6: rule.CidrIpv6,
    prefixListId: rule.PrefixListId,
    referencedGroup: ref?.GroupId
      ? defined({ groupId: ref.GroupId, userId: ref.UserId, vpcId: ref.VpcId, vpcPeeringConnectionId: ref.VpcPeeringConnectionId })
      : undefined,
    description: rule.Description,
  });
}

/** The rule's source in words: a CIDR, a prefix list or a group. */
export function sourceOf(rule: RuleSnapshot): string {
  return rule.cidrIpv4 ?? rule.cidrIpv6 ?? rule.prefixListId ?? rule.referencedGroup?.groupId ?? '?';
}

/** Same traffic from the same source (ids and descriptions aside): what "the identical rule exists" means. */
export function sameRule(a: RuleSnapshot, b: RuleSnapshot): boolean {
  return (
    a.groupId === b.groupId &&
    a.isEgress === b.isEgress &&
    protocolName(a.ipProtocol) === protocolName(b.ipProtocol) &&
    (a.fromPort ?? -1) === (b.fromPort ?? -1) &&
    (a.toPort ?? -1) === (b.toPort ?? -1) &&
    sourceOf(a) === sourceOf(b)
  );
}

/** "tcp/22 from 0.0.0.0/0 ("office")", in the reader's language. */
export function ruleText(rule: RuleSnapshot, ctx: FixContext): string {
  const traffic = portText({ protocol: rule.ipProtocol, ...rule }) ?? ctx.say('ec2:allTraffic');
  const words = { traffic, source: sourceOf(rule), description: rule.description ? ` ("${rule.description}")` : '' };
  return rule.isEgress ? ctx.say('ec2:ruleTo', words) : ctx.say('ec2:ruleFrom', words);
}

/** Whether the rule lets SSH or RDP in: closing such a rule changes how admins reach the instances. */
export function reachesAdminPort(rule: RuleSnapshot): boolean {
  return !rule.isEgress && ADMIN_PORTS.some((port) => reachesPort({ protocol: rule.ipProtocol, ...rule }, port));
}

/** The IpPermissions entry that authorises exactly this rule again, description included. */
export function permissionOf(rule: RuleSnapshot): IpPermission {
  const description = rule.description === undefined ? {} : { Description: rule.description };
  const ref = rule.referencedGroup;
  return defined({
    IpProtocol: rule.ipProtocol,
    FromPort: rule.fromPort,
    ToPort: rule.toPort,
    IpRanges: rule.cidrIpv4 ? [{ CidrIp: rule.cidrIpv4, ...description }] : undefined,
    Ipv6Ranges: rule.cidrIpv6 ? [{ CidrIpv6: rule.cidrIpv6, ...description }] : undefined,
    PrefixListIds: rule.prefixListId ? [{ PrefixListId: rule.prefixListId, ...description }] : undefined,
    UserIdGroupPairs: ref
      ? [
          defined({
            GroupId: ref.groupId,
            UserId: ref.userId,
            VpcId: ref.vpcId,
            VpcPeeringConnectionId: ref.vpcPeeringConnectionId,
            ...description,
          }),
        ]
      : undefined,
  });
}

/** Every rule of one group, read now. A group that no longer exists simply has none. */
export async function readGroupRules(ctx: FixContext, region: string, groupId: string): Promise<RuleSnapshot[]> {
  const client = ec2Client(ctx, region);
  const rules: RuleSnapshot[] = [];
  const input = { Filters: [{ Name: 'group-id', Values: [groupId] }] };
  for await (const page of paginateDescribeSecurityGroupRules({ client, pageSize: 1000 }, input)) {
    for (const rule of page.SecurityGroupRules ?? []) rules.push(snapshotOf(rule));
  }
  return rules;
}

/** Authorises the rule (again); answers the new rule, with its new id. */
export async function authorizeRule(
  ctx: FixContext,
  region: string,
  rule: RuleSnapshot,
  options: { dryRun?: boolean } = {},
): Promise<{ rule: RuleSnapshot | undefined; requestId: string | undefined }> {
  const client = ec2Client(ctx, region);
  const input = { GroupId: rule.groupId, IpPermissions: [permissionOf(rule)], ...(options.dryRun ? { DryRun: true } : {}) };
  const answer = rule.isEgress
    ? await client.send(new AuthorizeSecurityGroupEgressCommand(input))
    : await client.send(new AuthorizeSecurityGroupIngressCommand(input));
  if (answer.Return === false) throw new Error(`AWS refused to authorise ${rule.ipProtocol} rule on ${rule.groupId} (Return=false)`);
  const created = answer.SecurityGroupRules?.[0];
  return { rule: created ? snapshotOf(created) : undefined, requestId: answer.$metadata?.requestId };
}

/** Revokes these rules of one group by id, so no sibling rule with overlapping fields can be touched. */
export async function revokeRules(
  ctx: FixContext,
  region: string,
  groupId: string,
  direction: 'ingress' | 'egress',
  ruleIds: string[],
  options: { dryRun?: boolean } = {},
): Promise<string | undefined> {
  const client = ec2Client(ctx, region);
  const input = { GroupId: groupId, SecurityGroupRuleIds: ruleIds, ...(options.dryRun ? { DryRun: true } : {}) };
  const answer =
    direction === 'egress'
      ? await client.send(new RevokeSecurityGroupEgressCommand(input))
      : await client.send(new RevokeSecurityGroupIngressCommand(input));
  if (answer.Return === false) throw new Error(`AWS refused to revoke ${ruleIds.join(', ')} of ${groupId} (Return=false)`);
  return answer.$metadata?.requestId;
}

export interface InstanceAccess {
  instanceId: string;
  /** Systems Manager's PingStatus (`Online`, `ConnectionLost`, `Inactive`), or undefined: not managed at all. */
  ssmPing: string | undefined;
}

export interface GroupUsers {
  instances: InstanceAccess[];
  /** Interfaces not attached to an instance: load balancers, Lambda, NAT gateways, endpoints… (their types). */
  otherInterfaceTypes: string[];
}

const SSM_FILTER_CHUNK = 50;

/** Who uses the group now (DescribeNetworkInterfaces), and whether each instance is online in Session Manager. */
export async function groupUsers(ctx: FixContext, region: string, groupId: string): Promise<GroupUsers> {
  const client = ec2Client(ctx, region);
  const instanceIds = new Set<string>();
  const otherInterfaceTypes: string[] = [];
  const input = { Filters: [{ Name: 'group-id', Values: [groupId] }] };
  for await (const page of paginateDescribeNetworkInterfaces({ client, pageSize: 1000 }, input)) {
    for (const eni of page.NetworkInterfaces ?? []) {
      const instanceId = eni.Attachment?.InstanceId;
      if (instanceId) instanceIds.add(instanceId);
      else otherInterfaceTypes.push(eni.InterfaceType ?? 'interface');
    }
  }
  const ids = [...instanceIds].sort();
  const ping = new Map<string, string | undefined>();
  const ssm = ctx.session.client(SSMClient, region);
  for (let i = 0; i < ids.length; i += SSM_FILTER_CHUNK) {
    const chunk = { Filters: [{ Key: 'InstanceIds', Values: ids.slice(i, i + SSM_FILTER_CHUNK) }] };
    for await (const page of paginateDescribeInstanceInformation({ client: ssm, pageSize: 50 }, chunk)) {
      for (const info of page.InstanceInformationList ?? []) if (info.InstanceId) ping.set(info.InstanceId, info.PingStatus);
    }
  }
  return { instances: ids.map((instanceId) => ({ instanceId, ssmPing: ping.get(instanceId) })), otherInterfaceTypes };
}

/** The way in without SSH: the CLI command and the console page for one instance. */
export function sessionManagerHint(instanceId: string, region: string): string {
  const url = `https://${region}.console.aws.amazon.com/systems-manager/session-manager/${instanceId}?region=${region}`;
  return `${instanceId}: \`aws ssm start-session --target ${instanceId} --region ${region}\` ${url}`;
}

/** The instances behind a group by id, split by whether admins can reach them through Session Manager now. */
export function sessionManagerReach(users: GroupUsers): { online: string[]; offline: string[] } {
  const ids = (online: boolean) => users.instances.filter((i) => (i.ssmPing === 'Online') === online).map((i) => i.instanceId);
  return { online: ids(true), offline: ids(false) };
}

/** "ConnectionLost" / "not managed by Systems Manager", for a warning line. */
export function pingText(access: InstanceAccess, ctx: FixContext): string {
  return access.ssmPing ?? ctx.say('ec2:notManaged');
}

/** Lines and warnings about who uses a group, shared by the rule fixes' previews. */
export function groupUsersText(users: GroupUsers, adminRule: boolean, ctx: FixContext): { lines: string[]; warnings: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  if (users.instances.length === 0) {
    lines.push(ctx.say('ec2:noInstanceUses'));
  } else if (!adminRule) {
    lines.push(ctx.say('ec2:instancesUsing', { instances: users.instances.map((i) => i.instanceId).join(', ') }));
  } else {
    for (const instance of users.instances) {
      lines.push(
        instance.ssmPing === 'Online'
          ? ctx.say('ec2:instanceOnline', { instance: instance.instanceId })
          : ctx.say('ec2:instanceNotOnline', { instance: instance.instanceId, ping: pingText(instance, ctx) }),
      );
    }
    const { offline } = sessionManagerReach(users);
    if (offline.length > 0) warnings.push(ctx.say('ec2:lockOut', { instances: offline.join(', ') }));
  }
  if (users.otherInterfaceTypes.length > 0) {
    const types = [...new Set(users.otherInterfaceTypes)].sort().join(', ');
    warnings.push(ctx.say('ec2:otherInterfaces', { count: users.otherInterfaceTypes.length, types }));
  }
  return { lines, warnings };
}
