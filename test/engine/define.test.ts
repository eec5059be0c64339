import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.ts';
import { defineCollector } from '../../src/engine/define.ts';
import type { AnyCollector } from '../../src/engine/types.ts';

function withDependencies(collector: AnyCollector): AnyCollector[] {
  return [collector, ...(collector.dependsOn ?? []).flatMap(withDependencies)];
}

describe('defineCollector', () => {
  it('gives every collector the service its id starts with (progress and selection are keyed by it)', () => {
    const collectors = new Set(ALL_CHECKS.flatMap((check) => (check.needs as readonly AnyCollector[]).flatMap(withDependencies)));
    expect(collectors.size).toBeGreaterThan(20);
    for (const collector of collectors) expect(collector.id.split('.')[0]).toBe(collector.service);
    expect(defineCollector({ id: 'ec2.vpcs-again', scope: 'regional', actions: [], collect: async () => [] }).service).toBe('ec2');
  });

  it('refuses an id built at run time that does not start with a service', () => {
    const id = ['inventory', 'of-something'].join('.') as `ec2.${string}`;
    expect(() => defineCollector({ id, scope: 'global', actions: [], collect: async () => 0 })).toThrow(
      'collector id inventory.of-something does not start with a service (iam, s3, ec2, ssm, detect)',
    );
  });
});
