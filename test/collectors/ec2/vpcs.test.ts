import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { vpcs } from '../../../src/collectors/ec2/vpcs.ts';
import { servePages } from '../serve-pages.ts';
import { ACCOUNT, fileContext } from './context.ts';

const ec2 = mockClient(EC2Client);
const test = fileContext(ec2);

describe('vpcs collector', () => {
  it('pages through the VPCs the account owns', async () => {
    const sent = servePages(ec2, DescribeVpcsCommand, [
      { Vpcs: [{ VpcId: 'vpc-1', IsDefault: true, CidrBlock: '172.31.0.0/16' }] },
      { Vpcs: [{ VpcId: 'vpc-2', Tags: [{ Key: 'Name', Value: 'prod' }] }] },
    ]);

    await expect(vpcs.collect(test.ctx)).resolves.toEqual([
      { vpcId: 'vpc-1', name: undefined, isDefault: true, cidrBlock: '172.31.0.0/16' },
      { vpcId: 'vpc-2', name: 'prod', isDefault: false, cidrBlock: undefined },
    ]);
    expect(sent[0]?.Filters).toEqual([{ Name: 'owner-id', Values: [ACCOUNT] }]);
  });
});
