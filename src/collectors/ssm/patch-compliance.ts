// ListResourceComplianceSummaries (ComplianceType=Patch): each managed node's result from its last Patch
// Manager scan or install, with the missing patches counted by severity.
import { type ResourceComplianceSummaryItem, paginateListResourceComplianceSummaries, SSMClient } from '@aws-sdk/client-ssm';
import { defineCollector } from '../../engine/define.ts';
import { collectPages, regionalPaging, sendOptions } from '../sdk.ts';
import { present } from '../ec2/sdk.ts';

export interface PatchSeverityCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
  informational: number;
  unspecified: number;
}

export interface PatchComplianceSummary {
  resourceId: string;
  resourceType?: string;
  /** `COMPLIANT`, `NON_COMPLIANT` or `UNSPECIFIED_DATA`. */
  status?: string;
  overallSeverity?: string;
  nonCompliantCount: number;
  nonCompliantBySeverity: PatchSeverityCounts;
  compliantCount: number;
  /** When the patch scan or install that produced this ran. */
  lastExecutionAt?: string;
}

function toSummary(item: ResourceComplianceSummaryItem): PatchComplianceSummary {
  const s = item.NonCompliantSummary?.SeveritySummary;
  return {
    resourceId: present(item.ResourceId, 'the resource id of a compliance summary'),
    resourceType: item.ResourceType,
    status: item.Status,
    overallSeverity: item.OverallSeverity,
    nonCompliantCount: item.NonCompliantSummary?.NonCompliantCount ?? 0,
    nonCompliantBySeverity: {
      critical: s?.CriticalCount ?? 0,
      high: s?.HighCount ?? 0,
      medium: s?.MediumCount ?? 0,
      low: s?.LowCount ?? 0,
      informational: s?.InformationalCount ?? 0,
      unspecified: s?.UnspecifiedCount ?? 0,
    },
    compliantCount: item.CompliantSummary?.CompliantCount ?? 0,
    lastExecutionAt: item.ExecutionSummary?.ExecutionTime?.toISOString(),
  };
}

export const patchCompliance = defineCollector<PatchComplianceSummary[]>({
  id: 'ssm.patch-compliance',
  scope: 'regional',
  actions: ['ssm:ListResourceComplianceSummaries'],
  async collect(ctx) {
    const input = { Filters: [{ Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' as const }] };
    const pages = paginateListResourceComplianceSummaries(regionalPaging(ctx, SSMClient, 50), input, sendOptions(ctx));
    return collectPages(pages, (page) => page.ResourceComplianceSummaryItems, toSummary);
  },
});
