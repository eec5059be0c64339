import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { instances } from '../../../src/collectors/ec2/instances.ts';
import { servePages } from '../serve-pages.ts';
import { fileContext } from './context.ts';

const ec2 = mockClient(EC2Client);
const test = fileContext(ec2);

describe('instances collector', () => {
  it('pages through reservations, flattens them and keeps what the checks need', async () => {
    const sent = servePages(ec2, DescribeInstancesCommand, [
      {
        Reservations: [
          {
            Instances: [
              {
                InstanceId: 'i-1',
                State: { Name: 'running' },
                Tags: [{ Key: 'Name', Value: 'web' }],
                MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1, State: 'applied' },
                PublicIpAddress: '54.0.0.1',
                IamInstanceProfile: { Arn: 'arn:aws:iam::111122223333:instance-profile/web', Id: 'AIPA1' },
                VpcId: 'vpc-1',
                SubnetId: 'subnet-1',
                SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web' }],
                PlatformDetails: 'Linux/UNIX',
              },
              { InstanceId: 'i-2', State: { Name: 'stopped' }, MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' } },
            ],
          },
        ],
      },
      {
        Reservations: [
          { Instances: [{ InstanceId: 'i-3', State: { Name: 'pending' }, Platform: 'Windows' }] },
          // The state filter already keeps these out; even if one slips through, it must not be listed.
          { Instances: [{ InstanceId: 'i-gone', State: { Name: 'terminated' } }] },
        ],
      },
    ]);

    const found = await instances.collect(test.ctx);

    expect(found.map((i) => [i.instanceId, i.state])).toEqual([
      ['i-1', 'running'],
      ['i-2', 'stopped'],
      ['i-3', 'pending'],
    ]);
    expect(found[0]).toEqual({
      instanceId: 'i-1',
      state: 'running',
      name: 'web',
      metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1, state: 'applied' },
      publicIpAddress: '54.0.0.1',
      iamInstanceProfileArn: 'arn:aws:iam::111122223333:instance-profile/web',
      vpcId: 'vpc-1',
      subnetId: 'subnet-1',
      securityGroupIds: ['sg-1'],
      platform: 'Linux/UNIX',
    });
    expect(found[2]?.platform).toBe('Windows');
    expect(sent).toHaveLength(2);
    expect(sent[0]?.Filters).toEqual([{ Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] }]);
  });
});
