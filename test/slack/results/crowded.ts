// A crowded account for the grouping tests.
import { compareResults } from '../../../src/engine/sort.ts';
import type { CheckResult, Severity } from '../../../src/engine/types.ts';
import { result } from '../fixtures.ts';

/** 500 findings of one low-severity check and one finding each of ten others, the worst of them critical. */
export function crowdedResults(): CheckResult[] {
  const snapshots = Array.from({ length: 500 }, (_, i) =>
    result({ checkId: 'ec2.public-snapshot', severity: 'low', resourceId: `snap-${String(i).padStart(4, '0')}`, evidence: `snapshot ${i} is public` }),
  );
  const severities: Severity[] = ['critical', 'critical', 'high', 'high', 'medium', 'medium', 'low', 'low', 'info', 'info'];
  const others = severities.map((severity, i) => result({ checkId: `ec2.other-${i}`, severity, resourceId: `sg-other-${i}`, evidence: `other ${i} fails` }));
  return [...snapshots, ...others].sort(compareResults);
}

