// DescribeInstanceInformation: the nodes Systems Manager manages in the region, and whether each one's agent
// is reachable (PingStatus Online = Session Manager can open a shell without SSH).
import { paginateDescribeInstanceInformation, SSMClient } from '@aws-sdk/client-ssm';
import { defineCollector } from '../../engine/define.ts';
import { collectPages, regionalPaging, sendOptions } from '../sdk.ts';
import { present } from '../ec2/sdk.ts';

export interface ManagedInstance {
  /** `i-…` for EC2, `mi-…` for hybrid (on-premises) nodes. */
  instanceId: string;
  /** `Online`, `ConnectionLost` or `Inactive`. */
  pingStatus?: string;
  lastPingAt?: string;
  platformType?: string;
  platformName?: string;
  agentVersion?: string;
  isLatestAgent?: boolean;
  /** `EC2Instance` or `ManagedInstance` (hybrid). */
  resourceType?: string;
}

export const managedInstances = defineCollector<ManagedInstance[]>({
  id: 'ssm.managed-instances',
  scope: 'regional',
  actions: ['ssm:DescribeInstanceInformation'],
  async collect(ctx) {
    const pages = paginateDescribeInstanceInformation(regionalPaging(ctx, SSMClient, 50), {}, sendOptions(ctx));
    return collectPages(
      pages,
      (page) => page.InstanceInformationList,
      (i): ManagedInstance => ({
        instanceId: present(i.InstanceId, 'a managed instance id'),
        pingStatus: i.PingStatus,
        lastPingAt: i.LastPingDateTime?.toISOString(),
        platformType: i.PlatformType,
        platformName: i.PlatformName,
        agentVersion: i.AgentVersion,
        isLatestAgent: i.IsLatestVersion,
        resourceType: i.ResourceType,
      }),
    );
  },
});

/** Managed instances by instance id, for "is this EC2 instance reachable through Session Manager?". */
export function managedById(managed: readonly ManagedInstance[]): Map<string, ManagedInstance> {
  return new Map(managed.map((m) => [m.instanceId, m]));
}
