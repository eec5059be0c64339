// The scan benchmark: the full catalogue through the real engine, collectors, paginators, concurrency
// limiter and SDK retry, against the synthetic account in the in-process fake AWS with a fixed latency per
// call. Run by bench/run.ts in a child process of its own, so its peak RSS is the scan's alone.
import { ALL_CHECKS } from '../checks/index.ts';
import { defaultSettings } from '../src/config/schema.ts';
import { scan } from '../src/engine/scan.ts';
import { installFakeAws } from '../test/fake-aws/install.ts';
import { syntheticWorld } from '../test/fake-aws/synthetic.ts';
import { benchArgs, fakeAwsEnvironment, peakRssMb, RESULT_PREFIX } from './args.ts';
import { minimumCalls } from './minimum.ts';

export interface ScanBenchResult {
  factor: number;
  latencyMs: number;
  concurrency: number;
  callsByOperation: Record<string, { actual: number; minimum: number }>;
  totalCalls: number;
  minimumCalls: number;
  callsRatio: number;
  wallMs: number;
  criticalPathMs: number;
  throughputBoundMs: number;
  lowerBoundMs: number;
  wallRatio: number;
  /** CPU time (user + system) the process spent during the scan: above the wall time's share, the CPU is the limit. */
  cpuMs: number;
  peakInFlight: number;
  worldRssMb: number;
  /** Heap the fake account itself holds (part of the peak, though not the scanner's own memory). */
  worldHeapMb: number;
  peakRssMb: number;
  results: number;
  byStatus: Record<string, number>;
  errors: string[];
}

/**
 * Emulates a proposed engine change, to measure it before making it: at most `limit` calls per session
 * past `send`, the rest waiting as closures, so a fan-out of thousands of calls is not built, serialized
 * and signed up front (see bench/README.md, "Peak RSS"). The concurrency limit inside is unchanged.
 */
async function main(): Promise<void> {
  const { factor, latency, concurrency } = benchArgs();
  fakeAwsEnvironment();
  const heapNow = () => {
    global.gc?.();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const heapBefore = heapNow();
  const world = syntheticWorld(factor);
  const worldHeapMb = heapNow() - heapBefore;
  const plan = minimumCalls(world);
  const fake = installFakeAws(world, { latencyMs: latency });
  // The world is the fake AWS's memory, not the scanner's: note where the process stood before scanning.
  const worldRssMb = process.memoryUsage().rss / 2 ** 20;

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = await scan({}, { settings: defaultSettings({ concurrency }), checks: ALL_CHECKS, env: {}, instrument: fake });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);

  const actual = fake.calls();
  const keys = [...new Set([...actual.keys(), ...plan.byOperation.keys()])].sort();
  const callsByOperation = Object.fromEntries(keys.map((k) => [k, { actual: actual.get(k) ?? 0, minimum: plan.byOperation.get(k) ?? 0 }]));
  const totalCalls = fake.totalCalls();
  const criticalPathMs = plan.criticalPathCalls * latency;
  const throughputBoundMs = (totalCalls * latency) / concurrency;
  const lowerBoundMs = Math.max(criticalPathMs, throughputBoundMs);
  const byStatus: Record<string, number> = {};
  for (const r of report.results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;

  const result: ScanBenchResult = {
    factor,
    latencyMs: latency,
    concurrency,
    callsByOperation,
    totalCalls,
    minimumCalls: plan.total,
    callsRatio: totalCalls / plan.total,
    wallMs,
    criticalPathMs,
    throughputBoundMs,
    lowerBoundMs,
    wallRatio: lowerBoundMs > 0 ? wallMs / lowerBoundMs : 0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakInFlight: fake.peakInFlight(),
    worldRssMb,
    worldHeapMb,
    peakRssMb: peakRssMb(),
    results: report.results.length,
    byStatus,
    // A benchmark of a scan that failed part-way would measure the wrong thing: show what failed.
    errors: [...new Set(report.errors.map((e) => `${e.region ?? 'global'}: ${e.reason}`))].slice(0, 10),
  };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

await main();
