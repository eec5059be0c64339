import { DescribeSecurityGroupRulesCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { securityGroups } from '../../../src/collectors/ec2/security-groups.ts';
import { servePages } from '../serve-pages.ts';
import { ACCOUNT, fileContext } from './context.ts';

const ec2 = mockClient(EC2Client);
const test = fileContext(ec2);

describe('securityGroups collector', () => {
  it('pages through groups and rules, and joins each rule to its group', async () => {
    const groupCalls = servePages(ec2, DescribeSecurityGroupsCommand, [
      { SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web', VpcId: 'vpc-1' }] },
      { SecurityGroups: [{ GroupId: 'sg-2', GroupName: 'default', VpcId: 'vpc-1', Description: 'default VPC security group' }] },
    ]);
    const ruleCalls = servePages(ec2, DescribeSecurityGroupRulesCommand, [
      {
        SecurityGroupRules: [
          { SecurityGroupRuleId: 'sgr-1', GroupId: 'sg-1', IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0', Description: 'ssh' },
        ],
      },
      {
        SecurityGroupRules: [
          { SecurityGroupRuleId: 'sgr-2', GroupId: 'sg-2', IsEgress: false, IpProtocol: '-1', FromPort: -1, ToPort: -1, ReferencedGroupInfo: { GroupId: 'sg-2', UserId: ACCOUNT } },
          { SecurityGroupRuleId: 'sgr-3', GroupId: 'sg-2', IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv6: '::/0' },
          { SecurityGroupRuleId: 'sgr-9', GroupId: 'sg-created-meanwhile', IsEgress: true, IpProtocol: '-1' },
        ],
      },
    ]);

    const groups = await securityGroups.collect(test.ctx);

    expect(groups).toEqual([
      {
        groupId: 'sg-1',
        groupName: 'web',
        vpcId: 'vpc-1',
        description: undefined,
        rules: [
          expect.objectContaining({ ruleId: 'sgr-1', groupId: 'sg-1', isEgress: false, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0', description: 'ssh' }),
        ],
      },
      {
        groupId: 'sg-2',
        groupName: 'default',
        vpcId: 'vpc-1',
        description: 'default VPC security group',
        rules: [
          expect.objectContaining({ ruleId: 'sgr-2', referencedGroupId: 'sg-2', referencedGroupOwnerId: ACCOUNT, cidrIpv4: undefined }),
          expect.objectContaining({ ruleId: 'sgr-3', isEgress: true, cidrIpv6: '::/0' }),
        ],
      },
    ]);
    expect(groupCalls).toHaveLength(2);
    expect(groupCalls[0]?.Filters).toEqual([{ Name: 'owner-id', Values: [ACCOUNT] }]);
    expect(ruleCalls).toHaveLength(2);
  });

  it('fails instead of guessing when AWS leaves out a rule id', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web' }] });
    ec2.on(DescribeSecurityGroupRulesCommand).resolves({ SecurityGroupRules: [{ GroupId: 'sg-1', IsEgress: false, IpProtocol: 'tcp' }] });
    await expect(securityGroups.collect(test.ctx)).rejects.toThrow('AWS answered without a security group rule id');
  });

  it('declares exactly the calls it makes', () => {
    expect(securityGroups.actions).toEqual(['ec2:DescribeSecurityGroups', 'ec2:DescribeSecurityGroupRules']);
  });
});
