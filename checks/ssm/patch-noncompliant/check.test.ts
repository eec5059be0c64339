import { describe, expect, it } from 'vitest';
import { patchNoncompliant } from './check.ts';
import type { PatchComplianceSummary } from '../../../src/collectors/ssm/patch-compliance.ts';
import { evaluate, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';
import { REGION } from '../../../test/checks/ec2/fixtures.ts';

const none = { critical: 0, high: 0, medium: 0, low: 0, informational: 0, unspecified: 0 };

const summary = (resourceId: string, fields: Partial<PatchComplianceSummary>): PatchComplianceSummary => ({
  resourceId,
  resourceType: 'ManagedInstance',
  status: 'COMPLIANT',
  nonCompliantCount: 0,
  nonCompliantBySeverity: none,
  compliantCount: 120,
  lastExecutionAt: '2026-11-20T03:00:00.000Z',
  ...fields,
});

describe('ssm.patch-noncompliant', () => {
  it('fails non-compliant instances with counts by severity and passes compliant ones', () => {
    const results = evaluate(
      patchNoncompliant,
      [
        [{ instanceId: 'i-1' }, { instanceId: 'i-2' }, { instanceId: 'mi-0abc' }],
        [
          summary('i-1', { status: 'NON_COMPLIANT', nonCompliantCount: 5, nonCompliantBySeverity: { ...none, critical: 1, high: 2, unspecified: 2 } }),
          summary('i-2', {}),
          summary('mi-0abc', { status: 'NON_COMPLIANT', nonCompliantCount: 1 }),
          summary('i-terminated', { status: 'NON_COMPLIANT', nonCompliantCount: 9 }),
        ],
      ],
      { region: REGION },
    );
    expect(results).toMatchObject([
      {
        status: 'FAIL',
        resourceType: 'AWS::EC2::Instance',
        resourceId: 'i-1',
        evidence: 'i-1 is missing 5 patches (critical 1, high 2, unspecified 2)',
        details: { nonCompliantCount: 5, nonCompliantBySeverity: { critical: 1, high: 2 } },
      },
      { status: 'PASS', resourceId: 'i-2', evidence: 'i-2 complies with its patch baseline (last scan 2026-11-20)' },
      {
        status: 'FAIL',
        resourceType: 'AWS::SSM::ManagedInstance',
        resourceArn: `arn:aws:ssm:${REGION}:${TEST_ACCOUNT}:managed-instance/mi-0abc`,
        evidence: 'mi-0abc is missing 1 patch',
      },
    ]);
  });

  it('reports ERROR, not PASS, for a managed instance Patch Manager never scanned', () => {
    const results = evaluate(patchNoncompliant, [[{ instanceId: 'i-1' }], []], { region: REGION, locale: 'ja' });
    expect(results).toMatchObject([
      {
        status: 'ERROR',
        resourceId: 'i-1',
        evidence: 'i-1 を評価できませんでした: パッチの準拠データがありません (Patch Manager によるスキャンが一度も行われていません)',
        details: { reason: 'no patch compliance data: Patch Manager has never scanned this instance' },
      },
    ]);
  });

  it('words the severities in Japanese', () => {
    const results = evaluate(
      patchNoncompliant,
      [[{ instanceId: 'i-1' }], [summary('i-1', { status: 'NON_COMPLIANT', nonCompliantCount: 3, nonCompliantBySeverity: { ...none, high: 1, low: 2 } })]],
      { region: REGION, locale: 'ja' },
    );
    expect(results[0]?.evidence).toBe('i-1 に未適用のパッチが 3 件あります (高 1、低 2)');
  });
});
