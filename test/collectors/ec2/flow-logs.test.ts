import { DescribeFlowLogsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { flowLogs } from '../../../src/collectors/ec2/flow-logs.ts';
import { servePages } from '../serve-pages.ts';
import { fileContext } from './context.ts';

const ec2 = mockClient(EC2Client);
const test = fileContext(ec2);

describe('flowLogs collector', () => {
  it('pages through every flow log in the region', async () => {
    servePages(ec2, DescribeFlowLogsCommand, [
      { FlowLogs: [{ FlowLogId: 'fl-1', ResourceId: 'vpc-2', FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS', TrafficType: 'ALL', LogDestinationType: 's3' }] },
      { FlowLogs: [{ FlowLogId: 'fl-2', ResourceId: 'subnet-1', TrafficType: 'REJECT' }] },
    ]);

    await expect(flowLogs.collect(test.ctx)).resolves.toEqual([
      {
        flowLogId: 'fl-1',
        resourceId: 'vpc-2',
        status: 'ACTIVE',
        deliverLogsStatus: 'SUCCESS',
        trafficType: 'ALL',
        logDestinationType: 's3',
        logDestination: undefined,
      },
      expect.objectContaining({ flowLogId: 'fl-2', resourceId: 'subnet-1', trafficType: 'REJECT' }),
    ]);
  });
});
