import { ListResourceComplianceSummariesCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { patchCompliance } from '../../../src/collectors/ssm/patch-compliance.ts';
import { fileContext } from '../ec2/context.ts';
import { servePages } from '../serve-pages.ts';

const ssm = mockClient(SSMClient);
const test = fileContext(ssm);

describe('patchCompliance collector', () => {
  it('asks for Patch compliance only and keeps the missing patches by severity', async () => {
    const sent = servePages(ssm, ListResourceComplianceSummariesCommand, [
      {
        ResourceComplianceSummaryItems: [
          {
            ComplianceType: 'Patch',
            ResourceType: 'ManagedInstance',
            ResourceId: 'i-1',
            Status: 'NON_COMPLIANT',
            OverallSeverity: 'CRITICAL',
            NonCompliantSummary: { NonCompliantCount: 3, SeveritySummary: { CriticalCount: 1, HighCount: 2 } },
            CompliantSummary: { CompliantCount: 40 },
            ExecutionSummary: { ExecutionTime: new Date('2026-11-20T03:00:00Z') },
          },
        ],
      },
      { ResourceComplianceSummaryItems: [{ ResourceId: 'i-2', Status: 'COMPLIANT' }] },
    ]);

    const found = await patchCompliance.collect(test.ctx);

    expect(found).toEqual([
      {
        resourceId: 'i-1',
        resourceType: 'ManagedInstance',
        status: 'NON_COMPLIANT',
        overallSeverity: 'CRITICAL',
        nonCompliantCount: 3,
        nonCompliantBySeverity: { critical: 1, high: 2, medium: 0, low: 0, informational: 0, unspecified: 0 },
        compliantCount: 40,
        lastExecutionAt: '2026-11-20T03:00:00.000Z',
      },
      expect.objectContaining({ resourceId: 'i-2', status: 'COMPLIANT', nonCompliantCount: 0 }),
    ]);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.Filters).toEqual([{ Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' }]);
  });
});
