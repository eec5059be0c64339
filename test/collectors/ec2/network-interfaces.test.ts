import { DescribeNetworkInterfacesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { instancesByGroup, networkInterfaces } from '../../../src/collectors/ec2/network-interfaces.ts';
import { servePages } from '../serve-pages.ts';
import { fileContext } from './context.ts';

const ec2 = mockClient(EC2Client);
const test = fileContext(ec2);

describe('networkInterfaces collector', () => {
  it('pages through interfaces and tells which instances use each group', async () => {
    const sent = servePages(ec2, DescribeNetworkInterfacesCommand, [
      {
        NetworkInterfaces: [
          { NetworkInterfaceId: 'eni-1', InterfaceType: 'interface', Attachment: { InstanceId: 'i-2' }, Groups: [{ GroupId: 'sg-1' }, { GroupId: 'sg-2' }] },
        ],
      },
      {
        NetworkInterfaces: [
          { NetworkInterfaceId: 'eni-2', InterfaceType: 'interface', Attachment: { InstanceId: 'i-1' }, Groups: [{ GroupId: 'sg-1' }] },
          { NetworkInterfaceId: 'eni-3', InterfaceType: 'network_load_balancer', Groups: [{ GroupId: 'sg-1' }] },
          { NetworkInterfaceId: 'eni-4', InterfaceType: 'interface', Attachment: { InstanceId: 'i-2' }, Groups: [{ GroupId: 'sg-1' }] },
        ],
      },
    ]);

    const found = await networkInterfaces.collect(test.ctx);

    expect(found).toHaveLength(4);
    expect(found[2]).toEqual({ networkInterfaceId: 'eni-3', interfaceType: 'network_load_balancer', instanceId: undefined, groupIds: ['sg-1'] });
    expect(instancesByGroup(found)).toEqual(
      new Map([
        ['sg-1', ['i-1', 'i-2']],
        ['sg-2', ['i-2']],
      ]),
    );
    expect(sent).toHaveLength(2);
  });
});
