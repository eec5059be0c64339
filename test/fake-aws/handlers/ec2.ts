// EC2 and VPC: regions, security groups and their rules, instances, interfaces, network ACLs, VPCs,
// flow logs, EBS defaults and snapshots. Filters are honoured where collectors send them.
import type {
  DescribeFlowLogsCommandInput,
  DescribeFlowLogsCommandOutput,
  DescribeInstancesCommandInput,
  DescribeInstancesCommandOutput,
  DescribeNetworkAclsCommandInput,
  DescribeNetworkAclsCommandOutput,
  DescribeNetworkInterfacesCommandInput,
  DescribeNetworkInterfacesCommandOutput,
  DescribeRegionsCommandInput,
  DescribeRegionsCommandOutput,
  DescribeSecurityGroupRulesCommandInput,
  DescribeSecurityGroupRulesCommandOutput,
  DescribeSecurityGroupsCommandInput,
  DescribeSecurityGroupsCommandOutput,
  DescribeSnapshotsCommandInput,
  DescribeSnapshotsCommandOutput,
  DescribeVpcsCommandInput,
  DescribeVpcsCommandOutput,
  GetEbsEncryptionByDefaultCommandOutput,
  IpPermission,
  NetworkAclEntry as SdkAclEntry,
} from '@aws-sdk/client-ec2';
import { FakeAwsError } from '../errors.ts';
import { nextTokenPage } from '../pages.ts';
import { arns, type NetworkAclEntry, regionOf, type SecurityGroup, type SecurityGroupRule } from '../world.ts';
import { type Handler, filterValues, op, passes } from './types.ts';

const STATE_CODES: Record<string, number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 };

const tags = (name: string | undefined) => (name ? [{ Key: 'Name', Value: name }] : []);

/** `-1` rules carry no ports; AWS reports them as -1. */
function ports(rule: { protocol: string; fromPort?: number; toPort?: number }) {
  return rule.protocol === '-1' ? { FromPort: -1, ToPort: -1 } : { FromPort: rule.fromPort, ToPort: rule.toPort };
}

/** The legacy IpPermissions view of a group's rules, as DescribeSecurityGroups returns it. */
function permissions(group: SecurityGroup, egress: boolean): IpPermission[] {
  return group.rules
    .filter((r) => r.egress === egress)
    .map((r) => ({
      IpProtocol: r.protocol,
      ...ports(r),
      IpRanges: r.cidrIpv4 ? [{ CidrIp: r.cidrIpv4, Description: r.description }] : [],
      Ipv6Ranges: r.cidrIpv6 ? [{ CidrIpv6: r.cidrIpv6, Description: r.description }] : [],
      PrefixListIds: r.prefixListId ? [{ PrefixListId: r.prefixListId }] : [],
      UserIdGroupPairs: r.referencedGroupId ? [{ GroupId: r.referencedGroupId }] : [],
    }));
}

function sdkRule(group: SecurityGroup, rule: SecurityGroupRule, accountId: string) {
  return {
    SecurityGroupRuleId: rule.id,
    GroupId: group.id,
    GroupOwnerId: group.ownerId ?? accountId,
    IsEgress: rule.egress,
    IpProtocol: rule.protocol,
    ...ports(rule),
    ...(rule.cidrIpv4 ? { CidrIpv4: rule.cidrIpv4 } : {}),
    ...(rule.cidrIpv6 ? { CidrIpv6: rule.cidrIpv6 } : {}),
    ...(rule.prefixListId ? { PrefixListId: rule.prefixListId } : {}),
    ...(rule.referencedGroupId ? { ReferencedGroupInfo: { GroupId: rule.referencedGroupId, UserId: accountId } } : {}),
    ...(rule.description ? { Description: rule.description } : {}),
  };
}

/** Every network ACL ends with the unchangeable catch-all deny (rule 32767) in both directions. */
function aclEntries(entries: NetworkAclEntry[]): SdkAclEntry[] {
  const all = [
    ...entries,
    { ruleNumber: 32767, protocol: '-1', action: 'deny' as const, egress: false, cidr: '0.0.0.0/0' },
    { ruleNumber: 32767, protocol: '-1', action: 'deny' as const, egress: true, cidr: '0.0.0.0/0' },
  ];
  return all.map((e) => ({
    RuleNumber: e.ruleNumber,
    Protocol: e.protocol,
    RuleAction: e.action,
    Egress: e.egress,
    ...(e.cidr ? { CidrBlock: e.cidr } : {}),
    ...(e.ipv6Cidr ? { Ipv6CidrBlock: e.ipv6Cidr } : {}),
    ...(e.fromPort !== undefined ? { PortRange: { From: e.fromPort, To: e.toPort ?? e.fromPort } } : {}),
  }));
}

/** Resources shared into the account belong to their owner; the owner-id filter keeps only ours. */
function owned(filters: DescribeSecurityGroupsCommandInput['Filters'], ownerId: string): boolean {
  return passes(filters, 'owner-id', ownerId);
}

export const ec2Handlers: Record<string, Handler> = {
  DescribeRegions: op<DescribeRegionsCommandInput, DescribeRegionsCommandOutput>((input, { world }) => ({
    Regions: world.regions
      .filter((r) => input.AllRegions === true || r.optInStatus !== 'not-opted-in')
      .filter((r) => !input.RegionNames?.length || input.RegionNames.includes(r.name))
      .map((r) => ({ RegionName: r.name, Endpoint: `ec2.${r.name}.amazonaws.com`, OptInStatus: r.optInStatus })),
  })),

  DescribeSecurityGroups: op<DescribeSecurityGroupsCommandInput, DescribeSecurityGroupsCommandOutput>((input, { world, region }) => {
    const groups = regionOf(world, region).securityGroups.filter(
      (g) =>
        owned(input.Filters, g.ownerId ?? world.accountId) &&
        passes(input.Filters, 'group-id', g.id) &&
        (!input.GroupIds?.length || input.GroupIds.includes(g.id)),
    );
    const page = nextTokenPage('EC2:DescribeSecurityGroups', groups, input);
    return {
      SecurityGroups: page.items.map((g) => ({
        GroupId: g.id,
        GroupName: g.name,
        VpcId: g.vpcId,
        Description: g.description,
        OwnerId: g.ownerId ?? world.accountId,
        SecurityGroupArn: `arn:aws:ec2:${region}:${world.accountId}:security-group/${g.id}`,
        IpPermissions: permissions(g, false),
        IpPermissionsEgress: permissions(g, true),
      })),
      ...page.token,
    };
  }),

  DescribeSecurityGroupRules: op<DescribeSecurityGroupRulesCommandInput, DescribeSecurityGroupRulesCommandOutput>(
    (input, { world, region }) => {
      const groupIds = filterValues(input.Filters, 'group-id');
      const rules = regionOf(world, region)
        .securityGroups.filter((g) => !groupIds || groupIds.includes(g.id))
        .flatMap((g) => g.rules.map((r) => ({ g, r })))
        .filter(({ r }) => !input.SecurityGroupRuleIds?.length || input.SecurityGroupRuleIds.includes(r.id));
      const page = nextTokenPage('EC2:DescribeSecurityGroupRules', rules, input);
      return {
        SecurityGroupRules: page.items.map(({ g, r }) => sdkRule(g, r, world.accountId)),
        ...page.token,
      };
    },
  ),

  DescribeInstances: op<DescribeInstancesCommandInput, DescribeInstancesCommandOutput>((input, { world, region }) => {
    if (input.MaxResults !== undefined && input.InstanceIds?.length) {
      throw new FakeAwsError('InvalidParameterCombination', 'The parameter instancesSet cannot be used with the parameter maxResults');
    }
    const found = regionOf(world, region).instances.filter(
      (i) => passes(input.Filters, 'instance-state-name', i.state) && (!input.InstanceIds?.length || input.InstanceIds.includes(i.id)),
    );
    // MaxResults counts instances; each instance here was launched on its own, so one per reservation.
    const page = nextTokenPage('EC2:DescribeInstances', found, input);
    return {
      Reservations: page.items.map((i) => ({
        ReservationId: `r-${i.id.slice(2)}`,
        OwnerId: world.accountId,
        Instances: [
          {
            InstanceId: i.id,
            InstanceType: 't3.micro',
            State: { Name: i.state, Code: STATE_CODES[i.state] },
            MetadataOptions: {
              State: 'applied',
              HttpTokens: i.httpTokens,
              HttpEndpoint: i.httpEndpoint,
              HttpPutResponseHopLimit: i.httpTokens === 'required' ? 2 : 1,
              HttpProtocolIpv6: 'disabled',
              InstanceMetadataTags: 'disabled',
            },
            ...(i.publicIp ? { PublicIpAddress: i.publicIp } : {}),
            ...(i.instanceProfile
              ? { IamInstanceProfile: { Arn: arns.instanceProfile(world.accountId, i.instanceProfile), Id: `AIPA${i.id.slice(2, 18).toUpperCase()}` } }
              : {}),
            VpcId: i.vpcId,
            SubnetId: i.subnetId,
            SecurityGroups: i.securityGroupIds.map((id) => ({ GroupId: id })),
            PlatformDetails: i.platform,
            Tags: tags(i.name),
          },
        ],
      })),
      ...page.token,
    };
  }),

  DescribeNetworkInterfaces: op<DescribeNetworkInterfacesCommandInput, DescribeNetworkInterfacesCommandOutput>(
    (input, { world, region }) => {
      const groupIds = filterValues(input.Filters, 'group-id');
      const interfaces = regionOf(world, region).networkInterfaces.filter((n) => !groupIds || n.groupIds.some((id) => groupIds.includes(id)));
      const page = nextTokenPage('EC2:DescribeNetworkInterfaces', interfaces, input);
      return {
        NetworkInterfaces: page.items.map((n) => ({
          NetworkInterfaceId: n.id,
          InterfaceType: n.type as never,
          OwnerId: world.accountId,
          Status: 'in-use',
          ...(n.instanceId ? { Attachment: { InstanceId: n.instanceId, Status: 'attached', DeviceIndex: 0 } } : {}),
          Groups: n.groupIds.map((id) => ({ GroupId: id })),
        })),
        ...page.token,
      };
    },
  ),

  DescribeNetworkAcls: op<DescribeNetworkAclsCommandInput, DescribeNetworkAclsCommandOutput>((input, { world, region }) => {
    const acls = regionOf(world, region).networkAcls.filter(() => owned(input.Filters, world.accountId));
    const page = nextTokenPage('EC2:DescribeNetworkAcls', acls, input);
    return {
      NetworkAcls: page.items.map((a) => ({
        NetworkAclId: a.id,
        VpcId: a.vpcId,
        IsDefault: a.isDefault,
        OwnerId: world.accountId,
        Associations: a.subnetIds.map((subnet, n) => ({ NetworkAclAssociationId: `aclassoc-${a.id.slice(4)}${n}`, NetworkAclId: a.id, SubnetId: subnet })),
        Entries: aclEntries(a.entries),
        Tags: tags(a.name),
      })),
      ...page.token,
    };
  }),

  DescribeVpcs: op<DescribeVpcsCommandInput, DescribeVpcsCommandOutput>((input, { world, region }) => {
    const vpcs = regionOf(world, region).vpcs.filter(() => owned(input.Filters, world.accountId));
    const page = nextTokenPage('EC2:DescribeVpcs', vpcs, input);
    return {
      Vpcs: page.items.map((v) => ({ VpcId: v.id, CidrBlock: v.cidr, IsDefault: v.isDefault, OwnerId: world.accountId, State: 'available', Tags: tags(v.name) })),
      ...page.token,
    };
  }),

  DescribeFlowLogs: op<DescribeFlowLogsCommandInput, DescribeFlowLogsCommandOutput>((input, { world, region }) => {
    const page = nextTokenPage('EC2:DescribeFlowLogs', regionOf(world, region).flowLogs, input);
    return {
      FlowLogs: page.items.map((f) => ({
        FlowLogId: f.id,
        ResourceId: f.resourceId,
        FlowLogStatus: f.status,
        DeliverLogsStatus: f.deliverLogsStatus,
        TrafficType: f.trafficType,
        LogDestinationType: 'cloud-watch-logs',
        LogDestination: `arn:aws:logs:${region}:${world.accountId}:log-group:flow-logs`,
      })),
      ...page.token,
    };
  }),

  GetEbsEncryptionByDefault: op<object, GetEbsEncryptionByDefaultCommandOutput>((_, { world, region }) => ({
    EbsEncryptionByDefault: regionOf(world, region).ebsEncryptionByDefault,
    SseType: 'sse-ebs',
  })),

  DescribeSnapshots: op<DescribeSnapshotsCommandInput, DescribeSnapshotsCommandOutput>((input, { world, region }) => {
    // Without OwnerIds the answer would include every public snapshot of every account in the region.
    const mine = input.OwnerIds?.some((o) => o === 'self' || o === world.accountId);
    if (!mine) throw new FakeAwsError('UnsupportedOperation', 'fake AWS only models snapshots owned by the account (OwnerIds=self)');
    const restorableByAll = input.RestorableByUserIds?.includes('all') === true;
    const snapshots = regionOf(world, region).snapshots.filter((s) => !restorableByAll || s.public);
    const page = nextTokenPage('EC2:DescribeSnapshots', snapshots, input);
    return {
      Snapshots: page.items.map((s) => ({
        SnapshotId: s.id,
        VolumeId: s.volumeId,
        VolumeSize: s.sizeGiB,
        Encrypted: s.encrypted,
        StartTime: s.startedAt,
        State: 'completed',
        OwnerId: world.accountId,
        Tags: tags(s.name),
      })),
      ...page.token,
    };
  }),
};
