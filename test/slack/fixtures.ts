// Fake checks for the Slack tests: a collector that reports progress, can be held on a gate, and returns
// whatever findings a test wants, so the real scan engine runs with no AWS behind it (STS is mocked).
import { defineCheck, defineCollector } from '../../src/engine/define.ts';
import type { AnyCheck, CheckResult, ScanReport, Severity } from '../../src/engine/types.ts';
import { GLOBAL_REGION } from '../../src/engine/types.ts';
import { testEvidence } from '../helpers/test-words.ts';

export interface Deferred {
  promise: Promise<void>;
  release(): void;
}

export function deferred(): Deferred {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

export interface FakeItem {
  id: string;
  fail: boolean;
  evidence: string;
  severity?: Severity;
}

export interface FakeCheckOptions {
  id?: string;
  items: () => FakeItem[];
  gate?: Promise<void>;
  /** Makes the collector throw (the check becomes ERROR). */
  error?: string;
}

export function fakeCheck(options: FakeCheckOptions): AnyCheck {
  const id = options.id ?? 'ec2.test-open-sg';
  const inventory = defineCollector<FakeItem[]>({
    id: `ec2.inventory-of-${id}`,
    scope: 'global',
    actions: [],
    async collect(ctx) {
      ctx.progress(4, 12, 'buckets');
      await options.gate;
      if (options.error) throw Object.assign(new Error(options.error), { name: 'AccessDenied' });
      return options.items();
    },
  });
  return defineCheck({
    id,
    service: 'ec2',
    severity: 'critical',
    cis: ['5.2'],
    securityHub: ['EC2.53'],
    scope: 'global',
    needs: [inventory],
    title: { en: 'Security groups keep admin ports closed to the world', ja: 'セキュリティグループで管理ポートを全世界に公開していない' },
    why: { en: 'Open SSH invites brute force.', ja: 'SSH を公開すると総当たり攻撃を招きます。' },
    guide: { en: '1. Open the EC2 console.\n2. Remove the rule.', ja: '1. EC2 コンソールを開きます。\n2. ルールを削除します。' },
    evaluate([items]) {
      return items.map((item) => ({
        status: item.fail ? 'FAIL' : 'PASS',
        region: GLOBAL_REGION,
        resourceType: 'AWS::EC2::SecurityGroup',
        resourceId: item.id,
        evidence: testEvidence(item.evidence),
        details: {},
        ...(item.severity ? { severity: item.severity } : {}),
      }));
    },
  });
}

export function manyItems(n: number): FakeItem[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `sg-${String(i).padStart(6, '0')}`,
    fail: true,
    evidence: `sg-${String(i).padStart(6, '0')} rule sgr-${i} allows tcp/22 from 0.0.0.0/0`,
    severity: (['critical', 'high', 'medium', 'low'] as const)[i % 4],
  }));
}

export const ACCOUNT = '111122223333';

export function result(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    checkId: 'ec2.test-open-sg',
    status: 'FAIL',
    severity: 'critical',
    accountId: ACCOUNT,
    region: 'us-east-1',
    resourceType: 'AWS::EC2::SecurityGroup',
    resourceId: 'sg-0abc',
    evidence: 'sg-0abc rule sgr-123 allows tcp/22 from 0.0.0.0/0',
    details: {},
    ...overrides,
  };
}

export function report(results: CheckResult[], overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    schema: 'awscheck.scan/v1',
    startedAt: '2026-11-25T00:00:00.000Z',
    finishedAt: '2026-11-25T00:00:42.000Z',
    accounts: [{ accountId: ACCOUNT, name: 'prod' }],
    regions: ['us-east-1'],
    results,
    errors: [],
    notes: [],
    selection: {},
    ...overrides,
  };
}
