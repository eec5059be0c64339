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
  /** For the refusal, e.g. { en: 'a snapshot id', ja: 'スナップショット ID' }. */
  name: Localized;
}

/** The id from details when the check gives it, else the resource id; only ever a value of the id's form. */
export function ec2IdOf(finding: CheckResult, kind: Ec2IdKind): string | undefined {
  const fromDetails = finding.details[kind.detailsKey];
  if (typeof fromDetails === 'string' && kind.pattern.test(fromDetails)) return fromDetails;
  return kind.pattern.test(finding.resourceId) ? finding.resourceId : undefined;
}

export function requireEc2Id(finding: CheckResult, kind: Ec2IdKind): string {
  const id = ec2IdOf(finding, kind);
  if (!id) {
    throw new FixError({
      en: `The finding for ${finding.resourceId} does not name ${kind.name.en}`,
      ja: `${finding.resourceId} の検出結果に${kind.name.ja} がありません`,
    });
  }
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
  const traffic = portText({ protocol: rule.ipProtocol, ...rule }) ?? ctx.text({ en: 'all traffic', ja: 'すべてのトラフィック' });
  const description = rule.description ? ` ("${rule.description}")` : '';
  const direction = rule.isEgress ? ctx.text({ en: 'to', ja: '宛先' }) : ctx.text({ en: 'from', ja: '送信元' });
  return `${traffic} ${direction} ${sourceOf(rule)}${description}`;
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

/** "ConnectionLost" / "not managed by Systems Manager", for a warning line. */
export function pingText(access: InstanceAccess, ctx: FixContext): string {
  return access.ssmPing ?? ctx.text({ en: 'not managed by Systems Manager', ja: 'Systems Manager で管理されていません' });
}

/** Lines and warnings about who uses a group, shared by the rule fixes' previews. */
export function groupUsersText(users: GroupUsers, adminRule: boolean, ctx: FixContext): { lines: string[]; warnings: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  if (users.instances.length === 0) {
    lines.push(ctx.text({ en: 'No instance uses this group now.', ja: '現在このグループを使っているインスタンスはありません。' }));
  } else if (!adminRule) {
    const ids = users.instances.map((i) => i.instanceId).join(', ');
    lines.push(ctx.text({ en: `Instances using this group: ${ids}.`, ja: `このグループを使っているインスタンス: ${ids}。` }));
  } else {
    for (const instance of users.instances) {
      lines.push(
        instance.ssmPing === 'Online'
          ? ctx.text({
              en: `${instance.instanceId}: online in Session Manager, so admins can still get in without SSH/RDP.`,
              ja: `${instance.instanceId}: Session Manager でオンラインのため、SSH/RDP なしでも管理者はアクセスできます。`,
            })
          : ctx.text({
              en: `${instance.instanceId}: not online in Session Manager (${pingText(instance, ctx)}).`,
              ja: `${instance.instanceId}: Session Manager でオンラインではありません (${pingText(instance, ctx)})。`,
            }),
      );
    }
    const offline = users.instances.filter((i) => i.ssmPing !== 'Online').map((i) => i.instanceId);
    if (offline.length > 0) {
      warnings.push(
        ctx.text({
          en: `Closing this rule may lock the admins of ${offline.join(', ')} out: they are not online in Session Manager. Fix Session Manager for them first (an instance profile with AmazonSSMManagedInstanceCore, a running SSM Agent, and a network path to the SSM endpoints).`,
          ja: `このルールを閉じると、${offline.join(', ')} の管理者がログインできなくなるおそれがあります。これらは Session Manager でオンラインではありません。先に Session Manager を使えるようにしてください (AmazonSSMManagedInstanceCore を含むインスタンスプロファイル、稼働中の SSM Agent、SSM エンドポイントへのネットワーク経路)。`,
        }),
      );
    }
  }
  if (users.otherInterfaceTypes.length > 0) {
    const types = [...new Set(users.otherInterfaceTypes)].sort().join(', ');
    warnings.push(
      ctx.text({
        en: `${users.otherInterfaceTypes.length} other network interface(s) use this group too (${types}); they lose this access as well.`,
        ja: `インスタンス以外のネットワークインターフェース ${users.otherInterfaceTypes.length} 個 (${types}) もこのグループを使っており、同じくこのアクセスを失います。`,
      }),
    );
  }
  return { lines, warnings };
}
