import { DescribeNetworkAclsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { networkAcls } from '../../../src/collectors/ec2/network-acls.ts';
import { servePages } from '../serve-pages.ts';
import { ACCOUNT, fileContext } from './context.ts';

const ec2 = mockClient(EC2Client);
const test = fileContext(ec2);

describe('networkAcls collector', () => {
  it('pages through ACLs and keeps entries, subnets and ports', async () => {
    const sent = servePages(ec2, DescribeNetworkAclsCommand, [
      {
        NetworkAcls: [
          {
            NetworkAclId: 'acl-1',
            VpcId: 'vpc-1',
            IsDefault: true,
            Associations: [{ SubnetId: 'subnet-1' }],
            Entries: [
              { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } },
              { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, Ipv6CidrBlock: '::/0' },
            ],
          },
        ],
      },
      { NetworkAcls: [{ NetworkAclId: 'acl-2', Tags: [{ Key: 'Name', Value: 'private' }] }] },
    ]);

    const acls = await networkAcls.collect(test.ctx);

    expect(acls).toEqual([
      {
        networkAclId: 'acl-1',
        vpcId: 'vpc-1',
        name: undefined,
        isDefault: true,
        subnetIds: ['subnet-1'],
        entries: [
          { ruleNumber: 100, protocol: '6', ruleAction: 'allow', egress: false, cidrBlock: '0.0.0.0/0', ipv6CidrBlock: undefined, portRange: { from: 22, to: 22 } },
          { ruleNumber: 32767, protocol: '-1', ruleAction: 'deny', egress: false, cidrBlock: undefined, ipv6CidrBlock: '::/0', portRange: undefined },
        ],
      },
      { networkAclId: 'acl-2', vpcId: undefined, name: 'private', isDefault: false, subnetIds: [], entries: [] },
    ]);
    expect(sent[0]?.Filters).toEqual([{ Name: 'owner-id', Values: [ACCOUNT] }]);
  });
});
