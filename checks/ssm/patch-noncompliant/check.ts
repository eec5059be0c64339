import type { ManagedInstance } from '../../../src/collectors/ssm/managed-instances.ts';
import { managedInstances } from '../../../src/collectors/ssm/managed-instances.ts';
import { type PatchComplianceSummary, patchCompliance, type PatchSeverityCounts } from '../../../src/collectors/ssm/patch-compliance.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import type { Localized } from '../../../src/i18n/locale.ts';
import { regionalArn } from '../../ec2/lib/arn.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

const SEVERITY_NAMES: Record<keyof PatchSeverityCounts, Localized> = {
  critical: { en: 'critical', ja: '重大' },
  high: { en: 'high', ja: '高' },
  medium: { en: 'medium', ja: '中' },
  low: { en: 'low', ja: '低' },
  informational: { en: 'informational', ja: '情報' },
  unspecified: { en: 'unspecified', ja: '未指定' },
};

/** "critical 1, high 2": only the severities that have missing patches. */
function severityText(counts: PatchSeverityCounts, ctx: EvaluateContext): string {
  return (Object.keys(SEVERITY_NAMES) as (keyof PatchSeverityCounts)[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${ctx.text(SEVERITY_NAMES[k])} ${counts[k]}`)
    .join(ctx.text({ en: ', ', ja: '、' }));
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
  id: 'ssm.patch-noncompliant',
  service: 'ssm',
  severity: 'high',
  cis: [],
  securityHub: ['SSM.2'],
  scope: 'regional',
  needs: [managedInstances, patchCompliance],
  ...checkTexts(en, ja),
  evaluate([managed, summaries], ctx) {
    const byId = new Map(summaries.map((s) => [s.resourceId, s]));
    return managed.map((m): ResultDraft => {
      const s = byId.get(m.instanceId);
      const base = { ...resourceOf(ctx, m), details: detailsOf(m, s) };
      if (s?.status === 'NON_COMPLIANT') {
        const bySeverity = severityText(s.nonCompliantBySeverity, ctx);
        return {
          ...base,
          status: 'FAIL',
          evidence: ctx.text({
            en: `${m.instanceId} is missing ${s.nonCompliantCount} patch(es)${bySeverity ? ` (${bySeverity})` : ''}`,
            ja: `${m.instanceId} に未適用のパッチが ${s.nonCompliantCount} 件あります${bySeverity ? ` (${bySeverity})` : ''}`,
          }),
        };
      }
      if (s?.status === 'COMPLIANT') {
        const when = s.lastExecutionAt?.slice(0, 10);
        return {
          ...base,
          status: 'PASS',
          evidence: ctx.text({
            en: `${m.instanceId} complies with its patch baseline${when ? ` (last scan ${when})` : ''}`,
            ja: `${m.instanceId} はパッチベースラインに準拠しています${when ? ` (最終スキャン ${when})` : ''}`,
          }),
        };
      }
      // No scan result is not a pass: nobody knows what is missing.
      const reason = s
        ? `patch compliance status is ${s.status ?? 'missing'}`
        : 'no patch compliance data: Patch Manager has never scanned this instance';
      return {
        ...base,
        status: 'ERROR',
        evidence: ctx.text({
          en: `${m.instanceId} could not be evaluated: ${reason}`,
          ja: `${m.instanceId} を評価できませんでした: ${s ? `パッチの準拠状況が ${s.status ?? '不明'} です` : 'パッチの準拠データがありません (Patch Manager によるスキャンが一度も行われていません)'}`,
        }),
        details: { ...base.details, reason },
      };
    });
  },
});
