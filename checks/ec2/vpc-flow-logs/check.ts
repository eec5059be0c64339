import { type FlowLog, flowLogs } from '../../../src/collectors/ec2/flow-logs.ts';
import { vpcs } from '../../../src/collectors/ec2/vpcs.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import type { Message } from '../../../src/i18n/message.ts';
import { regionalArn } from '../lib/arn.ts';
import { joined } from '../../lib/list.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

/** Why a flow log doesn't count, or undefined when it does (CIS and EC2.6 need at least rejected traffic). */
function shortfall(log: FlowLog, ctx: EvaluateContext): Message | undefined {
  const flowLog = log.flowLogId;
  if (log.status !== 'ACTIVE') return log.status ? ctx.say('logStatus', { flowLog, status: log.status }) : ctx.say('logNoStatus', { flowLog });
  if (log.deliverLogsStatus === 'FAILED') return ctx.say('logUndelivered', { flowLog });
  if (log.trafficType !== 'ALL' && log.trafficType !== 'REJECT') {
    return log.trafficType ? ctx.say('logTraffic', { flowLog, traffic: log.trafficType }) : ctx.say('logNoTraffic', { flowLog });
  }
  return undefined;
}

export const vpcFlowLogs = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [vpcs, flowLogs],
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
        const logged = { vpc: label, flowLog: good.flowLogId, traffic: good.trafficType ?? '' };
        return {
          ...base,
          status: 'PASS',
          evidence: good.logDestinationType
            ? ctx.say('logged', { ...logged, destination: good.logDestinationType })
            : ctx.say('loggedNoDestination', logged),
        };
      }
      return {
        ...base,
        status: 'FAIL',
        evidence:
          own.length === 0
            ? ctx.say('noFlowLog', { vpc: label })
            : ctx.say('noWorkingFlowLog', { vpc: label, reasons: joined(own.flatMap((l) => shortfall(l, ctx) ?? []), (first, rest) => ctx.say('reasonList', { first, rest })) }),
      };
    });
  },
});
