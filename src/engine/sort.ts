// One order for every listing: worst first, then a stable order people can scan.
import { type CheckResult, SEVERITIES, type Severity } from './types.ts';

const STATUS_ORDER: Record<CheckResult['status'], number> = { ERROR: 0, FAIL: 1, MUTED: 2, PASS: 3 };

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function compareResults(a: CheckResult, b: CheckResult): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    severityRank(a.severity) - severityRank(b.severity) ||
    a.checkId.localeCompare(b.checkId) ||
    a.accountId.localeCompare(b.accountId) ||
    a.region.localeCompare(b.region) ||
    a.resourceId.localeCompare(b.resourceId) ||
    (a.subResourceId ?? '').localeCompare(b.subResourceId ?? '')
  );
}

/** Results at or above a severity (critical is the highest). */
export function atOrAbove(severity: Severity): (result: CheckResult) => boolean {
  const limit = severityRank(severity);
  return (result) => severityRank(result.severity) <= limit;
}

