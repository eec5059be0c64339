// `npm run build && node dist/bench/org.js [--accounts 50 --factor 0.05 --latency 20 --services iam,ec2]`
// The organization benchmark: the fake AWS runs in a process of its own (HTTP, keep-alive) serving an
// organization of synthetic accounts; the scanner runs in another, once for 1 account and once for all,
// streaming each account's results into a SQLite store (temporary file) as it finishes, so each peak RSS and
// CPU figure is the scanner's alone, store writes included. Prints wall, CPU ms per AWS call, peak RSS.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { RESULT_PREFIX } from './args.ts';
import type { OrgScanResult } from './org-scan.ts';

/** What bench/run.ts reads from the last line: the scanner's figures for 1 account and for all. */
export interface OrgBenchResult {
  one: OrgScanResult;
  many: OrgScanResult;
}

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '50' },
    factor: { type: 'string', default: '0.05' },
    latency: { type: 'string', default: '20' },
    services: { type: 'string', default: 'iam,ec2' },
    concurrency: { type: 'string', default: '16' },
    'account-concurrency': { type: 'string', default: '4' },
    'node-flags': { type: 'string', default: '' },
  },
  strict: true,
});

const script = (name: string) => join(import.meta.dirname, `${name}${extname(import.meta.filename)}`);
const loader = (file: string) => (file.endsWith('.ts') ? ['--import', 'tsx'] : []);
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

async function startServer(accounts: number): Promise<{ url: string; child: ChildProcess }> {
  const file = script('fake-aws-server');
  const child = spawn(process.execPath, [...loader(file), file, '--accounts', String(accounts), '--factor', values.factor, '--latency', values.latency], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LISTENING (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`fake AWS server exited with ${code}`)));
  });
  return { url, child };
}

async function measure(accounts: number): Promise<OrgScanResult> {
  const server = await startServer(accounts);
  try {
    const file = script('org-scan');
    const flags = values['node-flags'].split(' ').filter(Boolean);
    return await new Promise<OrgScanResult>((resolve, reject) => {
      execFile(
        process.execPath,
        [...flags, ...loader(file), file, '--url', server.url, '--services', values.services, '--concurrency', values.concurrency, '--account-concurrency', values['account-concurrency']],
        { env, maxBuffer: 16 * 2 ** 20 },
        (err, stdout, stderr) => {
          const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
          if (err || !line) reject(new Error(`org-scan failed${err ? `: ${err.message}` : ''}\n${stderr.trim()}`));
          else resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as OrgScanResult);
        },
      );
    });
  } finally {
    server.child.kill('SIGTERM');
  }
}

const f = (n: number, digits = 0) => n.toFixed(digits);

async function main(): Promise<void> {
  console.log(
    `organization benchmark: ${values.accounts} accounts, factor ${values.factor}, latency ${values.latency} ms, services ${values.services}, ` +
      `concurrency ${values.concurrency} per account, ${values['account-concurrency']} accounts at once, node ${values['node-flags'] || '(no flags)'}`,
  );
  console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg().map((l) => f(l, 2)).join(' ')}`);
  const one = await measure(1);
  const many = await measure(Number(values.accounts));
  console.log(`\n  ${'accounts'.padEnd(10)}${'calls'.padEnd(9)}${'results'.padEnd(10)}${'wall ms'.padEnd(10)}${'CPU ms'.padEnd(10)}${'CPU/call'.padEnd(10)}${'startup CPU'.padEnd(13)}peak RSS`);
  for (const r of [one, many]) {
    console.log(
      `  ${String(r.accounts).padEnd(10)}${String(r.calls).padEnd(9)}${String(r.results).padEnd(10)}${f(r.wallMs).padEnd(10)}${f(r.cpuMs).padEnd(10)}${f(r.cpuPerCallMs, 2).padEnd(10)}${f(r.startupCpuMs).padEnd(13)}${f(r.peakRssMb)} MB`,
    );
    if (r.errors.length > 0) console.log(`    errors: ${r.errors.join('; ')}`);
    if (r.storedResults !== r.results) console.log(`    the store counted ${r.storedResults} results, not ${r.results}`);
  }
  console.log(`\n  wall ratio ${f(many.wallMs / one.wallMs, 2)} for ${f(many.accounts / one.accounts)}× the accounts; peak RSS ratio ${f(many.peakRssMb / one.peakRssMb, 2)}`);
  console.log(`org_cpu_ms_per_call: ${f(many.cpuPerCallMs, 2)}`);
  console.log(`org_peak_rss_mb_1: ${f(one.peakRssMb)}`);
  console.log(`org_peak_rss_mb_${many.accounts}: ${f(many.peakRssMb)}`);
  console.log(`org_wall_ms_${many.accounts}: ${f(many.wallMs)}`);
  const result: OrgBenchResult = { one, many };
  console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
}

await main();
