// DescribeFlowLogs: every flow log in the region, whatever resource (VPC, subnet, interface) it watches.
import { EC2Client, paginateDescribeFlowLogs } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../engine/define.ts';
import { collectPages, regionalPaging, sendOptions } from '../sdk.ts';
import { present } from './sdk.ts';

export interface FlowLog {
  flowLogId: string;
  /** The VPC, subnet or network interface id it is attached to. */
  resourceId?: string;
  /** `ACTIVE` once created. */
  status?: string;
  /** `SUCCESS` or `FAILED` (e.g. the delivery role lost its permissions). */
  deliverLogsStatus?: string;
  /** `ACCEPT`, `REJECT` or `ALL`. */
  trafficType?: string;
  logDestinationType?: string;
  logDestination?: string;
}

export const flowLogs = defineCollector<FlowLog[]>({
  id: 'ec2.flow-logs',
  scope: 'regional',
  actions: ['ec2:DescribeFlowLogs'],
  async collect(ctx) {
    const pages = paginateDescribeFlowLogs(regionalPaging(ctx, EC2Client, 1000), {}, sendOptions(ctx));
    return collectPages(
      pages,
      (page) => page.FlowLogs,
      (f): FlowLog => ({
        flowLogId: present(f.FlowLogId, 'a flow log id'),
        resourceId: f.ResourceId,
        status: f.FlowLogStatus,
        deliverLogsStatus: f.DeliverLogsStatus,
        trafficType: f.TrafficType,
        logDestinationType: f.LogDestinationType,
        logDestination: f.LogDestination,
      }),
    );
  },
});
