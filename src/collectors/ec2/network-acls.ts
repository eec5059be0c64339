// DescribeNetworkAcls: the account's network ACLs in the region with their entries and subnets.
import { EC2Client, type NetworkAcl as SdkAcl, type NetworkAclEntry as SdkEntry, paginateDescribeNetworkAcls } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../engine/define.ts';
import { collectPages, regionalPaging, sendOptions } from '../sdk.ts';
import { nameTag, present } from './sdk.ts';

export interface NetworkAclEntry {
  ruleNumber: number;
  /** `-1` (all), or a protocol number as a string (`6` tcp, `17` udp, `1` icmp, `58` icmpv6). */
  protocol: string;
  ruleAction: 'allow' | 'deny';
  egress: boolean;
  cidrBlock?: string;
  ipv6CidrBlock?: string;
  portRange?: { from: number; to: number };
}

export interface NetworkAcl {
  networkAclId: string;
  vpcId?: string;
  name?: string;
  isDefault: boolean;
  subnetIds: string[];
  entries: NetworkAclEntry[];
}

function toEntry(aclId: string, e: SdkEntry): NetworkAclEntry {
  const ruleNumber = present(e.RuleNumber, `a rule number in ${aclId}`);
  const action = e.RuleAction;
  if (action !== 'allow' && action !== 'deny') throw new Error(`${aclId} rule ${ruleNumber} has no allow/deny action`);
  const range = e.PortRange;
  return {
    ruleNumber,
    protocol: present(e.Protocol, `the protocol of ${aclId} rule ${ruleNumber}`),
    ruleAction: action,
    egress: present(e.Egress, `the direction of ${aclId} rule ${ruleNumber}`),
    cidrBlock: e.CidrBlock,
    ipv6CidrBlock: e.Ipv6CidrBlock,
    portRange: range?.From !== undefined && range.To !== undefined ? { from: range.From, to: range.To } : undefined,
  };
}

function toAcl(acl: SdkAcl): NetworkAcl {
  const networkAclId = present(acl.NetworkAclId, 'a network ACL id');
  return {
    networkAclId,
    vpcId: acl.VpcId,
    name: nameTag(acl.Tags),
    isDefault: acl.IsDefault === true,
    subnetIds: (acl.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
    entries: (acl.Entries ?? []).map((e) => toEntry(networkAclId, e)),
  };
}

export const networkAcls = defineCollector<NetworkAcl[]>({
  id: 'ec2.network-acls',
  scope: 'regional',
  actions: ['ec2:DescribeNetworkAcls'],
  async collect(ctx) {
    // ACLs of a VPC shared into this account belong to the VPC owner, who scans and fixes them.
    const input = { Filters: [{ Name: 'owner-id', Values: [ctx.accountId] }] };
    const pages = paginateDescribeNetworkAcls(regionalPaging(ctx, EC2Client, 100), input, sendOptions(ctx));
    return collectPages(pages, (page) => page.NetworkAcls, toAcl);
  },
});
