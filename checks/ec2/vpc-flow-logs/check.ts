import { type FlowLog, flowLogs } from '../../../src/collectors/ec2/flow-logs.ts';
import { vpcs } from '../../../src/collectors/ec2/vpcs.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import { regionalArn } from '../lib/arn.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

/** Why a flow log doesn't count, or undefined when it does (CIS and EC2.6 need at least rejected traffic). */
function shortfall(log: FlowLog, ctx: EvaluateContext): string | undefined {
  if (log.status !== 'ACTIVE') {
    return ctx.text({ en: `${log.flowLogId} is ${log.status ?? 'not active'}`, ja: `${log.flowLogId} の状態は ${log.status ?? '不明'} です` });
  }
  if (log.deliverLogsStatus === 'FAILED') {
    return ctx.text({ en: `${log.flowLogId} fails to deliver logs`, ja: `${log.flowLogId} はログの配信に失敗しています` });
  }
  if (log.trafficType !== 'ALL' && log.trafficType !== 'REJECT') {
    return ctx.text({
      en: `${log.flowLogId} records ${log.trafficType ?? 'no'} traffic only, not rejected traffic`,
      ja: `${log.flowLogId} は ${log.trafficType ?? '不明な'} トラフィックのみを記録し、拒否されたトラフィックを記録しません`,
    });
  }
  return undefined;
}

export const vpcFlowLogs = defineCheck({
  id: 'ec2.vpc-flow-logs',
  service: 'ec2',
  severity: 'medium',
  cis: ['3.7'],
  securityHub: ['EC2.6'],
  scope: 'regional',
  needs: [vpcs, flowLogs],
  ...checkTexts(en, ja),
  evaluate([found, logs], ctx) {
    return found.map((vpc): ResultDraft => {
      const label = vpc.name ? `${vpc.vpcId} (${vpc.name})` : vpc.vpcId;
      const own = logs.filter((l) => l.resourceId === vpc.vpcId);
      const good = own.find((l) => shortfall(l, ctx) === undefined);
      const base = {
        region: ctx.region,
        resourceType: 'AWS::EC2::VPC',
        resourceId: vpc.vpcId,
        resourceArn: regionalArn(ctx, 'ec2', `vpc/${vpc.vpcId}`),
        details: {
          vpcId: vpc.vpcId,
          name: vpc.name,
          isDefault: vpc.isDefault,
          flowLogs: own.map((l) => ({
            flowLogId: l.flowLogId,
            status: l.status,
            deliverLogsStatus: l.deliverLogsStatus,
            trafficType: l.trafficType,
            logDestinationType: l.logDestinationType,
            logDestination: l.logDestination,
          })),
        },
      };
      if (good) {
        return {
          ...base,
          status: 'PASS',
          evidence: ctx.text({
            en: `${label} has flow log ${good.flowLogId} (${good.trafficType} traffic to ${good.logDestinationType ?? 'its destination'})`,
            ja: `${label} にはフローログ ${good.flowLogId} があります (${good.trafficType} トラフィックを ${good.logDestinationType ?? '送信先'} に記録)`,
          }),
        };
      }
      return {
        ...base,
        status: 'FAIL',
        evidence:
          own.length === 0
            ? ctx.text({ en: `${label} has no flow log`, ja: `${label} にフローログがありません` })
            : ctx.text({
                en: `${label} has no working flow log: ${own.map((l) => shortfall(l, ctx)).join('; ')}`,
                ja: `${label} に有効なフローログがありません: ${own.map((l) => shortfall(l, ctx)).join('、')}`,
              }),
      };
    });
  },
});
