// DescribeSecurityGroups + DescribeSecurityGroupRules: every group the account owns in the region, with its
// rules. The rule API is needed because only it returns the rule ids (sgr-…) a fix revokes exactly.
import {
  EC2Client,
  paginateDescribeSecurityGroupRules,
  paginateDescribeSecurityGroups,
  type SecurityGroupRule as SdkRule,
} from '@aws-sdk/client-ec2';
import { defineCollector } from '../../engine/define.ts';
import { focusedIds, regionalPaging, sendOptions } from '../sdk.ts';
import { present } from './sdk.ts';

export interface SecurityGroupRule {
  ruleId: string;
  groupId: string;
  isEgress: boolean;
  /** As AWS reports it: `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (all) or a protocol number. */
  ipProtocol: string;
  /** For tcp/udp the port range; for ICMP the type and code; -1 when the rule covers all. */
  fromPort?: number;
  toPort?: number;
  cidrIpv4?: string;
  cidrIpv6?: string;
  prefixListId?: string;
  referencedGroupId?: string;
  /** The referenced group's account, when it sits in a peered VPC of another account. */
  referencedGroupOwnerId?: string;
  description?: string;
}

export interface SecurityGroup {
  groupId: string;
  groupName: string;
  vpcId?: string;
  description?: string;
  /** Inbound and outbound rules, in the order AWS listed them. */
  rules: SecurityGroupRule[];
}

function toRule(rule: SdkRule): SecurityGroupRule {
  return {
    ruleId: present(rule.SecurityGroupRuleId, 'a security group rule id'),
    groupId: present(rule.GroupId, 'the group id of a security group rule'),
    isEgress: present(rule.IsEgress, `the direction of rule ${rule.SecurityGroupRuleId}`),
    ipProtocol: present(rule.IpProtocol, `the protocol of rule ${rule.SecurityGroupRuleId}`),
    fromPort: rule.FromPort,
    toPort: rule.ToPort,
    cidrIpv4: rule.CidrIpv4,
    cidrIpv6: rule.CidrIpv6,
    prefixListId: rule.PrefixListId,
    referencedGroupId: rule.ReferencedGroupInfo?.GroupId,
    referencedGroupOwnerId: rule.ReferencedGroupInfo?.UserId,
    description: rule.Description,
  };
}

export const securityGroups = defineCollector<SecurityGroup[]>({
  id: 'ec2.security-groups',
  scope: 'regional',
  actions: ['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules'],
  async collect(ctx) {
    const paging = regionalPaging(ctx, EC2Client, 1000);
    // Groups shared into the account by another one are that owner's to fix, and are scanned there.
    const owned = [{ Name: 'owner-id', Values: [ctx.accountId] }];
    // An alert's re-read asks for its group only; a filter (not GroupIds) so a deleted group is just absent.
    const focus = focusedIds(ctx, /^sg-/);
    const only = focus ? [{ Name: 'group-id', Values: focus }] : [];
    const groups = new Map<string, SecurityGroup>();
    for await (const page of paginateDescribeSecurityGroups(paging, { Filters: [...owned, ...only] }, sendOptions(ctx))) {
      for (const g of page.SecurityGroups ?? []) {
        const groupId = present(g.GroupId, 'a security group id');
        groups.set(groupId, {
          groupId,
          groupName: present(g.GroupName, `the name of ${groupId}`),
          vpcId: g.VpcId,
          description: g.Description,
          rules: [],
        });
      }
    }
    // Listed after the groups, so every group above has its rules below (rules of newer groups are dropped).
    for await (const page of paginateDescribeSecurityGroupRules(paging, only.length ? { Filters: only } : {}, sendOptions(ctx))) {
      for (const r of page.SecurityGroupRules ?? []) {
        const rule = toRule(r);
        groups.get(rule.groupId)?.rules.push(rule);
      }
    }
    return [...groups.values()];
  },
});
