import type { ManagedInstance } from '../../../src/collectors/ssm/managed-instances.ts';
import { managedInstances } from '../../../src/collectors/ssm/managed-instances.ts';
import { type PatchComplianceSummary, patchCompliance, type PatchSeverityCounts } from '../../../src/collectors/ssm/patch-compliance.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import type { Message } from '../../../src/i18n/message.ts';
import { regionalArn } from '../../ec2/lib/arn.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

// In this order, most severe first.
const SEVERITY_COUNT: Record<keyof PatchSeverityCounts, (ctx: EvaluateContext, count: number) => Message> = {
  critical: (ctx, count) => ctx.say('critical', { count }),
  high: (ctx, count) => ctx.say('high', { count }),
  medium: (ctx, count) => ctx.say('medium', { count }),
  low: (ctx, count) => ctx.say('low', { count }),
  informational: (ctx, count) => ctx.say('informational', { count }),
  unspecified: (ctx, count) => ctx.say('unspecified', { count }),
};

/** "critical 1, high 2": only the severities that have missing patches. */
function severityCounts(counts: PatchSeverityCounts, ctx: EvaluateContext): Message[] {
  return (Object.keys(SEVERITY_COUNT) as (keyof PatchSeverityCounts)[])
    .filter((k) => counts[k] > 0)
    .map((k) => SEVERITY_COUNT[k](ctx, counts[k]));
}

/** EC2 instances are `i-…`; hybrid (on-premises) nodes are `mi-…` and have an SSM ARN. */
function resourceOf(ctx: EvaluateContext, m: ManagedInstance) {
  const ec2 = m.instanceId.startsWith('i-');
  return {
    region: ctx.region,
    resourceType: ec2 ? 'AWS::EC2::Instance' : 'AWS::SSM::ManagedInstance',
    resourceId: m.instanceId,
    resourceArn: ec2 ? regionalArn(ctx, 'ec2', `instance/${m.instanceId}`) : regionalArn(ctx, 'ssm', `managed-instance/${m.instanceId}`),
  };
}

function detailsOf(m: ManagedInstance, s: PatchComplianceSummary | undefined): Record<string, unknown> {
  return {
    instanceId: m.instanceId,
    pingStatus: m.pingStatus,
    platformName: m.platformName,
    status: s?.status,
    overallSeverity: s?.overallSeverity,
    nonCompliantCount: s?.nonCompliantCount,
    nonCompliantBySeverity: s?.nonCompliantBySeverity,
    compliantCount: s?.compliantCount,
    lastExecutionAt: s?.lastExecutionAt,
  };
}

export const patchNoncompliant = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [managedInstances, patchCompliance],
  evaluate([managed, summaries], ctx) {
    const byId = new Map(summaries.map((s) => [s.resourceId, s]));
    return managed.map((m): ResultDraft => {
      const s = byId.get(m.instanceId);
      const base = { ...resourceOf(ctx, m), details: detailsOf(m, s) };
      if (s?.status === 'NON_COMPLIANT') {
        const bySeverity = severityCounts(s.nonCompliantBySeverity, ctx);
        const missing = { instance: m.instanceId, count: s.nonCompliantCount };
        return {
          ...base,
          status: 'FAIL',
          evidence: bySeverity.length ? ctx.say('missingBySeverity', { ...missing, bySeverity }) : ctx.say('missing', missing),
        };
      }
      if (s?.status === 'COMPLIANT') {
        const when = s.lastExecutionAt?.slice(0, 10);
        return {
          ...base,
          status: 'PASS',
          evidence: when ? ctx.say('compliantScanned', { instance: m.instanceId, day: when }) : ctx.say('compliant', { instance: m.instanceId }),
        };
      }
      // No scan result is not a pass: nobody knows what is missing.
      const reason = s
        ? `patch compliance status is ${s.status ?? 'missing'}`
        : 'no patch compliance data: Patch Manager has never scanned this instance';
      return {
        ...base,
        status: 'ERROR',
        evidence: ctx.say('common:unreadable', {
          name: m.instanceId,
          reason: !s ? ctx.say('noData') : s.status ? ctx.say('statusIs', { status: s.status }) : ctx.say('statusMissing'),
        }),
        details: { ...base.details, reason },
      };
    });
  },
});
