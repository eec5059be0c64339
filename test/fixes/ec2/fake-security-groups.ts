// A small in-memory EC2 behind the mocked client: security group rules that revoke and authorise really
// change, so a test can apply a fix, look at what is left, and undo it.
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  type IpPermission,
  type NetworkInterfaceType,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type SecurityGroupRule,
} from '@aws-sdk/client-ec2';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { type Aws, awsError } from '../helpers.ts';

export interface FakeEc2 {
  rules: SecurityGroupRule[];
  /** Makes the next real (non-dry-run) ingress revoke fail with this error. */
  failNextRevoke?: Error;
  /** Makes every dry run fail with this error instead of DryRunOperation. */
  dryRunError?: Error;
}

export function rule(id: string, fields: Partial<SecurityGroupRule>): SecurityGroupRule {
  return { SecurityGroupRuleId: id, GroupId: 'sg-0abc', IsEgress: false, IpProtocol: 'tcp', ...fields };
}

function rulesFrom(groupId: string, permission: IpPermission, isEgress: boolean, nextId: () => string): SecurityGroupRule[] {
  const base = { GroupId: groupId, IsEgress: isEgress, IpProtocol: permission.IpProtocol, FromPort: permission.FromPort, ToPort: permission.ToPort };
  return [
    ...(permission.IpRanges ?? []).map((r) => ({ ...base, SecurityGroupRuleId: nextId(), CidrIpv4: r.CidrIp, Description: r.Description })),
    ...(permission.Ipv6Ranges ?? []).map((r) => ({ ...base, SecurityGroupRuleId: nextId(), CidrIpv6: r.CidrIpv6, Description: r.Description })),
    ...(permission.PrefixListIds ?? []).map((r) => ({ ...base, SecurityGroupRuleId: nextId(), PrefixListId: r.PrefixListId, Description: r.Description })),
    ...(permission.UserIdGroupPairs ?? []).map((r) => ({
      ...base,
      SecurityGroupRuleId: nextId(),
      ReferencedGroupInfo: { GroupId: r.GroupId, UserId: r.UserId },
      Description: r.Description,
    })),
  ];
}

const sameContent = (a: SecurityGroupRule, b: SecurityGroupRule) =>
  a.GroupId === b.GroupId &&
  a.IsEgress === b.IsEgress &&
  a.IpProtocol === b.IpProtocol &&
  a.FromPort === b.FromPort &&
  a.ToPort === b.ToPort &&
  a.CidrIpv4 === b.CidrIpv4 &&
  a.CidrIpv6 === b.CidrIpv6 &&
  a.PrefixListId === b.PrefixListId &&
  a.ReferencedGroupInfo?.GroupId === b.ReferencedGroupInfo?.GroupId;

export function fakeSecurityGroups(
  aws: Aws,
  rules: SecurityGroupRule[],
  options: { interfaces?: { instanceId?: string; type?: string }[]; online?: string[]; groups?: { id: string; name: string }[] } = {},
): FakeEc2 {
  const fake: FakeEc2 = { rules: [...rules] };
  let counter = 0;
  const nextId = () => `sgr-new${++counter}`;
  const dryRun = () => Promise.reject(fake.dryRunError ?? awsError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.'));

  aws.ec2.on(DescribeSecurityGroupRulesCommand).callsFake(async (input: { Filters?: { Name?: string; Values?: string[] }[] }) => {
    const groupIds = input.Filters?.find((f) => f.Name === 'group-id')?.Values ?? [];
    return { SecurityGroupRules: fake.rules.filter((r) => groupIds.includes(r.GroupId ?? '')) };
  });
  aws.ec2.on(DescribeSecurityGroupsCommand).callsFake(async (input: { GroupIds?: string[] }) => {
    const groups = (options.groups ?? [{ id: 'sg-0abc', name: 'web' }]).filter((g) => input.GroupIds?.includes(g.id));
    if (groups.length === 0) throw awsError('InvalidGroup.NotFound', 'The security group does not exist');
    return { SecurityGroups: groups.map((g) => ({ GroupId: g.id, GroupName: g.name })) };
  });

  const revoke = (isEgress: boolean) => async (input: { GroupId?: string; SecurityGroupRuleIds?: string[]; DryRun?: boolean }) => {
    if (input.DryRun) return dryRun();
    if (!isEgress && fake.failNextRevoke) {
      const error = fake.failNextRevoke;
      fake.failNextRevoke = undefined;
      throw error;
    }
    const ids = input.SecurityGroupRuleIds ?? [];
    const missing = ids.filter((id) => !fake.rules.some((r) => r.SecurityGroupRuleId === id && r.IsEgress === isEgress));
    if (missing.length > 0) throw awsError('InvalidSecurityGroupRuleId.NotFound', `${missing.join(', ')} not found`);
    fake.rules = fake.rules.filter((r) => !ids.includes(r.SecurityGroupRuleId ?? ''));
    return { Return: true, $metadata: { requestId: `req-revoke-${isEgress ? 'egress' : 'ingress'}-${ids.join('+')}` } };
  };
  aws.ec2.on(RevokeSecurityGroupIngressCommand).callsFake(revoke(false));
  aws.ec2.on(RevokeSecurityGroupEgressCommand).callsFake(revoke(true));

  const authorize = (isEgress: boolean) => async (input: { GroupId?: string; IpPermissions?: IpPermission[]; DryRun?: boolean }) => {
    if (input.DryRun) return dryRun();
    const added = (input.IpPermissions ?? []).flatMap((p) => rulesFrom(input.GroupId ?? '', p, isEgress, nextId));
    if (added.some((a) => fake.rules.some((r) => sameContent(r, a)))) throw awsError('InvalidPermission.Duplicate', 'the rule already exists');
    fake.rules.push(...added);
    return { Return: true, SecurityGroupRules: added, $metadata: { requestId: `req-authorize-${added.map((a) => a.SecurityGroupRuleId).join('+')}` } };
  };
  aws.ec2.on(AuthorizeSecurityGroupIngressCommand).callsFake(authorize(false));
  aws.ec2.on(AuthorizeSecurityGroupEgressCommand).callsFake(authorize(true));

  aws.ec2.on(DescribeNetworkInterfacesCommand).resolves({
    NetworkInterfaces: (options.interfaces ?? []).map((eni, i) => ({
      NetworkInterfaceId: `eni-${i}`,
      InterfaceType: (eni.type ?? 'interface') as NetworkInterfaceType,
      ...(eni.instanceId ? { Attachment: { InstanceId: eni.instanceId } } : {}),
      Groups: [{ GroupId: 'sg-0abc' }],
    })),
  });
  aws.ssm.on(DescribeInstanceInformationCommand).callsFake(async (input: { Filters?: { Key?: string; Values?: string[] }[] }) => {
    const asked = input.Filters?.find((f) => f.Key === 'InstanceIds')?.Values ?? [];
    const online = options.online ?? [];
    return { InstanceInformationList: asked.filter((id) => online.includes(id)).map((id) => ({ InstanceId: id, PingStatus: 'Online' })) };
  });
  return fake;
}
