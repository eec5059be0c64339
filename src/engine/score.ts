// The posture score: the share of evaluated results that pass, weighted by severity, 0–100.
// ERROR (unknown) and MUTED (accepted risk) results are left out: neither passes nor fails.
import type { CheckResult, Severity } from './types.ts';

export const SEVERITY_WEIGHTS: Record<Severity, number> = { critical: 10, high: 5, medium: 3, low: 1, info: 0 };

/** Returns undefined when nothing could be evaluated (no score is better than a made-up one). */
export function postureScore(results: readonly CheckResult[]): number | undefined {
  let passed = 0;
  let total = 0;
  for (const r of results) {
    if (r.status !== 'PASS' && r.status !== 'FAIL') continue;
    const w = SEVERITY_WEIGHTS[r.severity];
    total += w;
    if (r.status === 'PASS') passed += w;
  }
  return total === 0 ? undefined : Math.round((1000 * passed) / total) / 10;
}

export type SeverityCounts = Record<Severity, number>;

/** FAIL results by severity. */
export function countFailures(results: readonly CheckResult[]): SeverityCounts {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const r of results) if (r.status === 'FAIL') counts[r.severity] += 1;
  return counts;
}
