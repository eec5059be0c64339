// The measured process of the organization benchmark (bench/org.ts starts it): one scan of every account
// the fake Organizations lists, through the fake AWS in another process over HTTP with keep-alive, streamed
// into a SQLite store (a temporary file) account by account as the bot and `awscheck report --scan` do.
// Reports its own CPU time (process.cpuUsage), wall time, AWS calls and peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_CHECKS } from '../checks/index.ts';
import { onAwsCall } from '../src/aws/call-log.ts';
import { defaultSettings } from '../src/config/schema.ts';
import { scan } from '../src/engine/scan.ts';
import type { Service } from '../src/engine/types.ts';
import { partOf } from '../src/store/scan-parts.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
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
  /** Results the store counted when the scan finished (equal to `results` unless a part was lost). */
  storedResults: number;
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
  const dir = mkdtempSync(join(tmpdir(), 'awscheck-bench-org-'));
  const store = openSqliteStore(join(dir, 'awscheck.db'));
  let scanId: Promise<string> | undefined;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  // ScanRecorder.record()'s streaming, without reading the scan back at the end (that is Slack's, not the scan's).
  const report = await scan(
    { services },
    { settings, checks: ALL_CHECKS, env: {} },
    {
      keepResults: false,
      onStart: async (start) => {
        scanId = store.beginScan(start);
        await scanId;
      },
      onAccount: async (part) => {
        results += part.results.length;
        accounts.add(part.account.accountId);
        await store.appendScan(await scanId!, partOf(part));
      },
    },
  );
  const summary = await store.finishScan(await scanId!, { finishedAt: report.finishedAt });
  const wallMs = performance.now() - started;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
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
    storedResults: summary.resultCount,
    errors: [...new Set(report.errors.map((e) => `${e.accountId ?? ''} ${e.region ?? 'global'}: ${e.reason}`))].slice(0, 10),
  };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

await main();
