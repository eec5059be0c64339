import { describe, expect, it } from 'vitest';
import { vpcFlowLogs } from './check.ts';
import type { FlowLog } from '../../../src/collectors/ec2/flow-logs.ts';
import { evaluate, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';
import { REGION } from '../../../test/checks/ec2/fixtures.ts';

const log = (fields: Partial<FlowLog>): FlowLog => ({
  flowLogId: 'fl-1',
  resourceId: 'vpc-1',
  status: 'ACTIVE',
  deliverLogsStatus: 'SUCCESS',
  trafficType: 'ALL',
  logDestinationType: 's3',
  ...fields,
});

const run = (logs: FlowLog[], locale: 'en' | 'ja' = 'en') =>
  evaluate(vpcFlowLogs, [[{ vpcId: 'vpc-1', name: 'main', isDefault: false }], logs], { region: REGION, locale });

describe('ec2.vpc-flow-logs', () => {
  it('passes a VPC with an active flow log of all or rejected traffic', () => {
    expect(run([log({})])).toMatchObject([
      {
        status: 'PASS',
        resourceType: 'AWS::EC2::VPC',
        resourceArn: `arn:aws:ec2:${REGION}:${TEST_ACCOUNT}:vpc/vpc-1`,
        evidence: 'vpc-1 (main) has flow log fl-1 (ALL traffic to s3)',
      },
    ]);
    expect(run([log({ trafficType: 'REJECT' })])).toMatchObject([{ status: 'PASS' }]);
  });

  it('fails a VPC with no flow log, or only one on a subnet', () => {
    expect(run([])).toMatchObject([{ status: 'FAIL', evidence: 'vpc-1 (main) has no flow log' }]);
    expect(run([log({ resourceId: 'subnet-1' })])).toMatchObject([{ status: 'FAIL', details: { flowLogs: [] } }]);
  });

  it('fails flow logs that record nothing useful, saying why', () => {
    const [result] = run([
      log({ flowLogId: 'fl-accept', trafficType: 'ACCEPT' }),
      log({ flowLogId: 'fl-broken', deliverLogsStatus: 'FAILED' }),
    ]);
    expect(result).toMatchObject({
      status: 'FAIL',
      evidence: 'vpc-1 (main) has no working flow log: fl-accept records ACCEPT traffic only, not rejected traffic; fl-broken fails to deliver logs',
    });
  });

  it('joins the reasons the way each language does', () => {
    const logs = [log({ flowLogId: 'fl-accept', trafficType: 'ACCEPT' }), log({ flowLogId: 'fl-off', status: undefined }), log({ flowLogId: 'fl-broken', deliverLogsStatus: 'FAILED' })];
    expect(run(logs, 'ja')[0]?.evidence).toBe(
      'vpc-1 (main) に有効なフローログがありません: fl-accept は ACCEPT トラフィックのみを記録し、拒否されたトラフィックを記録しません、fl-off の状態は 不明 です、fl-broken はログの配信に失敗しています',
    );
    expect(run(logs)[0]?.evidence).toBe(
      'vpc-1 (main) has no working flow log: fl-accept records ACCEPT traffic only, not rejected traffic; fl-off is not active; fl-broken fails to deliver logs',
    );
  });
});
