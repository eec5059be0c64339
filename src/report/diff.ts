// What changed between the baseline scan and this one, finding by finding.
//
// new        FAIL now; the baseline evaluated the same place and the finding was not FAIL there
//            (PASS, MUTED, or absent: a resource created since).
// firstSeen  FAIL now, with nothing to compare with: no baseline, or the baseline did not run this check
//            in this account/region (a check or region added since), or it was ERROR there. Reported
//            apart from `new` so adding a check does not make all its findings look like regressions.
// resolved   FAIL in the baseline, PASS now.
// unknown    FAIL in the baseline, ERROR now (for the finding or its place): never resolved.
// gone       FAIL in the baseline; this scan evaluated the place cleanly and the resource is absent (deleted).
// outOfScope FAIL in the baseline, in a region, account or check this scan did not cover: not resolved.
import { compareResults } from '../engine/sort.ts';
import type { CheckResult, ScanReport } from '../engine/types.ts';
import { findingKey } from '../store/finding-key.ts';
import { Coverage } from './coverage.ts';

export interface FindingDiff {
  new: CheckResult[];
  firstSeen: CheckResult[];
  /** The current PASS results. */
  resolved: CheckResult[];
  /** The baseline's FAIL results, for the three lists below. */
  unknown: CheckResult[];
  gone: CheckResult[];
  outOfScope: CheckResult[];
}

export function diffFindings(current: ScanReport, baseline: ScanReport | undefined): FindingDiff {
  const diff: FindingDiff = { new: [], firstSeen: [], resolved: [], unknown: [], gone: [], outOfScope: [] };
  if (!baseline) {
    diff.firstSeen = current.results.filter((r) => r.status === 'FAIL');
    return diff;
  }
  const before = new Map<string, CheckResult>();
  for (const r of baseline.results) before.set(findingKey(r), r);
  const then = new Coverage(baseline);
  const now = new Coverage(current);

  const seenNow = new Set<string>();
  for (const r of current.results) {
    const key = findingKey(r);
    seenNow.add(key);
    const previous = before.get(key);
    if (r.status === 'FAIL') {
      if (previous?.status === 'FAIL') continue;
      const comparable = previous ? previous.status !== 'ERROR' && then.evaluated(previous, key) : then.evaluated(r, key);
      (comparable ? diff.new : diff.firstSeen).push(r);
    } else if (previous?.status === 'FAIL') {
      if (r.status === 'PASS') diff.resolved.push(r);
      else if (r.status === 'ERROR') diff.unknown.push(previous);
      // MUTED now: still failing, but accepted; neither resolved nor new.
    }
  }

  for (const [key, previous] of before) {
    if (previous.status !== 'FAIL' || seenNow.has(key)) continue;
    if (now.isUnknown(previous, key)) diff.unknown.push(previous);
    else if (!now.includes(previous)) diff.outOfScope.push(previous);
    else diff.gone.push(previous);
  }

  for (const list of [diff.new, diff.firstSeen, diff.resolved, diff.unknown, diff.gone, diff.outOfScope]) list.sort(compareResults);
  return diff;
}
