// The measured process of the organization benchmark (bench/org.ts starts it): one scan of every account
// the fake Organizations lists, through the fake AWS in another process over HTTP with keep-alive.
// Reports its own CPU time (process.cpuUsage), wall time, AWS calls and peak RSS.
import { parseArgs } from 'node:util';
import { ALL_CHECKS } from '../checks/index.ts';
import { onAwsCall } from '../src/aws/call-log.ts';
import { defaultSettings } from '../src/config/schema.ts';
import { scan } from '../src/engine/scan.ts';
import type { Service } from '../src/engine/types.ts';
import { fakeAwsEnvironment, peakRssMb, RESULT_PREFIX } from './args.ts';

export interface OrgScanResult {
  accounts: number;
  services: string[];
  wallMs: number;
  cpuMs: number;
  /** CPU before the scan: loading modules and building the settings. */
  startupCpuMs: number;
  calls: number;
  cpuPerCallMs: number;
  peakRssMb: number;
  results: number;
  errors: string[];
}

async function main(): Promise<void> {
  // Since the process started: loading the modules (the SDK clients among them) is part of a CLI scan.
  const startupCpu = process.cpuUsage();
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      services: { type: 'string', default: 'iam,ec2' },
      concurrency: { type: 'string', default: '16' },
      'account-concurrency': { type: 'string', default: '4' },
    },
  });
  if (!values.url) throw new Error('--url of the fake AWS server is required');
  fakeAwsEnvironment();
  process.env.AWS_ENDPOINT_URL = values.url;
  const services = values.services.split(',') as Service[];
  let calls = 0;
  onAwsCall(() => (calls += 1));
  const settings = defaultSettings({
    organization: { roleName: 'awscheck-read' },
    concurrency: Number(values.concurrency),
    accountConcurrency: Number(values['account-concurrency']),
  });
  let results = 0;
  const accounts = new Set<string>();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = await scan(
    { services },
    { settings, checks: ALL_CHECKS, env: {} },
    {
      keepResults: false,
      onAccount: (part) => {
        results += part.results.length;
        accounts.add(part.account.accountId);
      },
    },
  );
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const result: OrgScanResult = {
    accounts: accounts.size,
    services,
    wallMs,
    cpuMs,
    startupCpuMs: (startupCpu.user + startupCpu.system) / 1000,
    calls,
    cpuPerCallMs: calls > 0 ? cpuMs / calls : 0,
    peakRssMb: peakRssMb(),
    results,
    errors: [...new Set(report.errors.map((e) => `${e.accountId ?? ''} ${e.region ?? 'global'}: ${e.reason}`))].slice(0, 10),
  };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

await main();
