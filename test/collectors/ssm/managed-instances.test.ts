import { DescribeInstanceInformationCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { managedById, managedInstances } from '../../../src/collectors/ssm/managed-instances.ts';
import { fileContext } from '../ec2/context.ts';
import { servePages } from '../serve-pages.ts';

const ssm = mockClient(SSMClient);
const test = fileContext(ssm);

describe('managedInstances collector', () => {
  it('pages through the managed nodes with their ping status and agent', async () => {
    const sent = servePages(ssm, DescribeInstanceInformationCommand, [
      {
        InstanceInformationList: [
          {
            InstanceId: 'i-1',
            PingStatus: 'Online',
            LastPingDateTime: new Date('2026-11-24T23:59:00Z'),
            PlatformType: 'Linux',
            PlatformName: 'Amazon Linux',
            AgentVersion: '3.3.1',
            IsLatestVersion: true,
            ResourceType: 'EC2Instance',
          },
        ],
      },
      { InstanceInformationList: [{ InstanceId: 'mi-0abc', PingStatus: 'ConnectionLost', ResourceType: 'ManagedInstance' }] },
    ]);

    const found = await managedInstances.collect(test.ctx);

    expect(found).toEqual([
      {
        instanceId: 'i-1',
        pingStatus: 'Online',
        lastPingAt: '2026-11-24T23:59:00.000Z',
        platformType: 'Linux',
        platformName: 'Amazon Linux',
        agentVersion: '3.3.1',
        isLatestAgent: true,
        resourceType: 'EC2Instance',
      },
      expect.objectContaining({ instanceId: 'mi-0abc', pingStatus: 'ConnectionLost' }),
    ]);
    expect(managedById(found).get('mi-0abc')?.pingStatus).toBe('ConnectionLost');
    expect(sent).toHaveLength(2);
  });
});
