// DescribeNetworkInterfaces: which instances use which security group (a group is attached to interfaces).
import { EC2Client, paginateDescribeNetworkInterfaces } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../engine/define.ts';
import { collectPages, focusedIds, regionalPaging, sendOptions } from '../sdk.ts';
import { present } from './sdk.ts';

export interface NetworkInterface {
  networkInterfaceId: string;
  /** `interface` for instances; load balancers, Lambda, NAT gateways etc. have their own types. */
  interfaceType?: string;
  /** The instance it is attached to, if any. */
  instanceId?: string;
  groupIds: string[];
}

export const networkInterfaces = defineCollector<NetworkInterface[]>({
  id: 'ec2.network-interfaces',
  scope: 'regional',
  actions: ['ec2:DescribeNetworkInterfaces'],
  async collect(ctx) {
    // An alert's re-read of a security group needs only the interfaces that group is attached to.
    const focus = focusedIds(ctx, /^sg-/);
    const input = focus ? { Filters: [{ Name: 'group-id', Values: focus }] } : {};
    const pages = paginateDescribeNetworkInterfaces(regionalPaging(ctx, EC2Client, 1000), input, sendOptions(ctx));
    return collectPages(
      pages,
      (page) => page.NetworkInterfaces,
      (eni): NetworkInterface => ({
        networkInterfaceId: present(eni.NetworkInterfaceId, 'a network interface id'),
        interfaceType: eni.InterfaceType,
        instanceId: eni.Attachment?.InstanceId,
        groupIds: (eni.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
      }),
    );
  },
});

/** Instance ids per security group id, each listed once, sorted. */
export function instancesByGroup(interfaces: readonly NetworkInterface[]): Map<string, string[]> {
  const byGroup = new Map<string, Set<string>>();
  for (const eni of interfaces) {
    if (!eni.instanceId) continue;
    for (const groupId of eni.groupIds) {
      const set = byGroup.get(groupId) ?? new Set<string>();
      set.add(eni.instanceId);
      byGroup.set(groupId, set);
    }
  }
  return new Map([...byGroup].map(([groupId, ids]) => [groupId, [...ids].sort()]));
}
