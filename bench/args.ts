// Command-line flags shared by the benchmark entry point and its child benches.
import { parseArgs } from 'node:util';

export interface BenchArgs {
  factor: number;
  latency: number;
  concurrency: number;
}

export function benchArgs(argv: readonly string[] = process.argv.slice(2)): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      factor: { type: 'string', default: '1' },
      latency: { type: 'string', default: '20' },
      concurrency: { type: 'string', default: '16' },
    },
    strict: true,
  });
  const number = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${raw}"`);
    return n;
  };
  return {
    factor: number('factor', values.factor, 0.01),
    latency: number('latency', values.latency, 0),
    concurrency: Math.round(number('concurrency', values.concurrency, 1)),
  };
}

/** The fake AWS needs credentials to sign with (never sent anywhere) and no instance metadata lookups. */
export function fakeAwsEnvironment(): void {
  process.env.AWS_ACCESS_KEY_ID ??= 'AKIABENCHBENCHBENCH0';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'bench-secret';
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}

/** Peak resident memory so far, in MB (getrusage's maxrss, kilobytes on Linux). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** The line a child bench ends with; bench/run.ts parses it. */
export const RESULT_PREFIX = 'BENCH_RESULT ';
