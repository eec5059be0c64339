// Failing findings grouped by check, worst first: the unit of the results message, App Home and the
// "Show all" pages. Pure data; no Slack here.
import { compareResults, severityRank } from '../../engine/sort.ts';
import type { AnyCheck, CheckResult, Severity } from '../../engine/types.ts';
import type { Localized } from '../../i18n/locale.ts';

export interface FindingGroup {
  checkId: string;
  /** The worst severity among the group's findings (a check may rate findings differently). */
  severity: Severity;
  /** Undefined for a result of a check not in the catalogue. */
  title?: Localized;
  /** In the usual order (compareResults). */
  findings: CheckResult[];
}

/** Every FAIL result, one group per check: severity first, then the bigger group, then the check id. */
export function groupFailures(results: readonly CheckResult[], catalogue: readonly AnyCheck[]): FindingGroup[] {
  const titles = new Map(catalogue.map((c) => [c.id, c.title]));
  const groups = new Map<string, FindingGroup>();
  for (const result of results) {
    if (result.status !== 'FAIL') continue;
    let group = groups.get(result.checkId);
    if (!group) {
      const title = titles.get(result.checkId);
      group = { checkId: result.checkId, severity: result.severity, ...(title ? { title } : {}), findings: [] };
      groups.set(result.checkId, group);
    }
    group.findings.push(result);
    if (severityRank(result.severity) < severityRank(group.severity)) group.severity = result.severity;
  }
  for (const group of groups.values()) group.findings.sort(compareResults);
  return [...groups.values()].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || b.findings.length - a.findings.length || a.checkId.localeCompare(b.checkId),
  );
}

/** The resource a finding is about, as people name it: `sg-1 / sgr-2` for a part of a resource. */
export function resourceLabel(result: CheckResult): string {
  return result.subResourceId ? `${result.resourceId} / ${result.subResourceId}` : result.resourceId;
}
