// `npm run bench [-- --factor 4 --latency 20 --concurrency 16 --runs 1 --only scan,slack,report]`
// Runs each benchmark in a child process of its own (so each peak RSS is that benchmark's alone), prints the
// figures with what they are measured against, and ends with one `name: value` line per headline figure.
import { execFile } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { RESULT_PREFIX } from './args.ts';
import type { AlertsBenchResult } from './alerts.ts';
import type { OrgBenchResult } from './org.ts';
import type { ReportBenchResult } from './report.ts';
import type { DynamoDbReportBenchResult } from './report-dynamodb.ts';
import type { ScanBenchResult } from './scan.ts';
import type { SlackBenchResult } from './slack.ts';

const BENCHES = ['scan', 'slack', 'report', 'report-dynamodb', 'org', 'alerts'] as const;
type Bench = (typeof BENCHES)[number];

const TARGETS = { callsRatio: 1.05, wallRatio: 1.5, peakRssMb: 300, ackP99Ms: 300, alertP95Ms: 5000 } as const;

const { values } = parseArgs({
  options: {
    factor: { type: 'string', default: '4' },
    latency: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '16' },
    runs: { type: 'string', default: '1' },
    only: { type: 'string', default: BENCHES.join(',') },
  },
  strict: true,
});
const only = new Set(values.only.split(',').map((b) => b.trim()));
const unknown = [...only].filter((b) => !(BENCHES as readonly string[]).includes(b));
if (unknown.length > 0) throw new Error(`--only: unknown benchmark ${unknown.join(', ')}; expected ${BENCHES.join(', ')}`);
const benchFlags = ['--factor', values.factor, '--latency', values.latency, '--concurrency', values.concurrency];

function child<T>(bench: Bench, args: readonly string[]): Promise<T> {
  // Run from dist/ (npm run bench builds first) so figures are those of the compiled JavaScript users run.
  const file = join(import.meta.dirname, `${bench}${extname(import.meta.filename)}`);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      // The same V8 setting as `npm start` and the CLI: figures are those of the process users run.
      ['--expose-gc', '--optimize-for-size', ...(file.endsWith('.ts') ? ['--import', 'tsx'] : []), file, ...args],
      { maxBuffer: 64 * 2 ** 20, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
      (err, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
        if (err || !line) {
          reject(new Error(`bench/${bench}.ts failed${err ? `: ${err.message}` : ''}\n${stderr.trim()}`));
          return;
        }
        resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as T);
      },
    );
  });
}

const f = (n: number, digits = 0) => n.toFixed(digits);
const pad = (text: string, width: number) => text.padEnd(width);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function scanBench(): Promise<ScanBenchResult> {
  const runs: ScanBenchResult[] = [];
  for (let n = 0; n < Math.max(1, Number(values.runs)); n++) runs.push(await child<ScanBenchResult>('scan', benchFlags));
  // The median run by wall time: one noisy neighbour on the machine shouldn't decide the figure.
  const s = [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((runs.length - 1) / 2)]!;
  console.log(`\nScan (full catalogue, ${s.results} results: ${Object.entries(s.byStatus).map(([k, v]) => `${v} ${k}`).join(', ')})`);
  console.log(`  ${pad('calls by operation', 44)}${pad('actual', 9)}minimum`);
  for (const [op, { actual, minimum }] of Object.entries(s.callsByOperation)) {
    console.log(`  ${pad(op, 44)}${pad(String(actual), 9)}${minimum}${actual > minimum ? `   (+${actual - minimum})` : ''}`);
  }
  console.log(`  ${pad('total calls', 44)}${pad(String(s.totalCalls), 9)}${s.minimumCalls}`);
  console.log(`  calls ÷ minimum            ${f(s.callsRatio, 3)}`);
  console.log(`  wall time                  ${f(s.wallMs)} ms${runs.length > 1 ? ` (median of ${runs.length}: ${runs.map((r) => f(r.wallMs)).join(', ')})` : ''}`);
  console.log(
    `  lower bound                max(critical path ${f(s.criticalPathMs)} ms, ${s.totalCalls} calls × ${s.latencyMs} ms ÷ ${s.concurrency} = ${f(s.throughputBoundMs)} ms) = ${f(s.lowerBoundMs)} ms`,
  );
  console.log(`  wall ÷ lower bound         ${f(s.wallRatio, 3)}   (peak calls in flight: ${s.peakInFlight} of ${s.concurrency})`);
  console.log(`  CPU time of the process    ${f(s.cpuMs)} ms`);
  console.log(`  peak RSS                   ${f(s.peakRssMb)} MB (before the scan: ${f(s.worldRssMb)} MB with the modules and the fake account, which holds ${f(s.worldHeapMb)} MB of heap)`);
  console.log(`  scan errors                ${s.errors.length === 0 ? 'none' : s.errors.join('; ')}`);
  return s;
}

async function slackBench(): Promise<SlackBenchResult> {
  const s = await child<SlackBenchResult>('slack', benchFlags);
  console.log(`\nSlack (${s.commands} concurrent signed /awscheck commands into the HTTP receiver, ${s.scansInFlight} scan(s) in flight)`);
  console.log(`  ack latency                p50 ${f(s.ackP50Ms)} ms, p99 ${f(s.ackP99Ms)} ms, max ${f(s.ackMaxMs)} ms`);
  console.log(`  AWS calls while it ran     ${s.awsCallsDuringBurst}   event-loop delay max ${f(s.eventLoopDelayMaxMs)} ms`);
  console.log(`  all commands answered      ${f(s.allAnsweredMs)} ms after the first scan started (${s.csvUploads} CSV attachments)`);
  console.log(`  peak RSS                   ${f(s.peakRssMb)} MB`);
  return s;
}

async function reportBench(): Promise<ReportBenchResult> {
  const r = await child<ReportBenchResult>('report', []);
  console.log(`\nDaily report (${r.results} results against yesterday's: ${r.newFindings} new, ${r.resolvedFindings} resolved)`);
  console.log(`  save, build, render, store, post + CSV   ${f(r.reportMs)} ms (build and render alone: ${f(r.buildAndRenderMs)} ms)`);
  console.log(`  peak RSS                                 ${f(r.peakRssMb)} MB (${f(r.rssBeforeMb)} MB before the report)`);
  return r;
}

async function dynamoDbReportBench(): Promise<DynamoDbReportBenchResult> {
  const r = await child<DynamoDbReportBenchResult>('report-dynamodb', []);
  const requests = Object.entries(r.requests).map(([op, n]) => `${n} ${op}`).join(', ');
  console.log(`\nDaily report on the DynamoDB store (dynalite on 127.0.0.1, ${r.results} results)`);
  console.log(`  save one scan                            ${f(r.saveMs)} ms, ${r.saveItemsWritten} items in ${r.saveRequests} requests`);
  console.log(`  save, build, render, store, post + CSV   ${f(r.reportMs)} ms, ${r.itemsWritten} items written, ${r.itemsRead} read (${requests})`);
  console.log(`  read the scan back                       ${f(r.readMs)} ms, ${r.readItems} items`);
  console.log(`  peak RSS                                 ${f(r.peakRssMb)} MB`);
  return r;
}

async function orgBench(): Promise<OrgBenchResult> {
  // bench/org.ts starts its own fake AWS server and scanner processes and prints its own table.
  const { one, many } = await child<OrgBenchResult>('org', []);
  console.log(`\nOrganization (${many.accounts} accounts over HTTP, fake AWS in its own process; see bench/README.md)`);
  for (const r of [one, many]) {
    console.log(`  ${String(r.accounts).padEnd(3)} account(s)  ${r.calls} calls, wall ${f(r.wallMs)} ms, CPU ${f(r.cpuMs)} ms = ${f(r.cpuPerCallMs, 2)} ms per call, peak RSS ${f(r.peakRssMb)} MB`);
  }
  return { one, many };
}

async function alertsBench(): Promise<AlertsBenchResult> {
  const a = await child<AlertsBenchResult>('alerts', benchFlags);
  console.log(`\nAlerts (${a.events} CloudTrail events through the fake SQS queue → re-read through the fake AWS → fake Slack)`);
  console.log(`  one at a time              p50 ${f(a.sequentialP50Ms)} ms, p95 ${f(a.sequentialP95Ms)} ms (queue → alert posted)`);
  console.log(`  ${a.events} at once                 p50 ${f(a.burstP50Ms)} ms, p95 ${f(a.burstP95Ms)} ms`);
  console.log(`  AWS calls per re-read      ${f(a.callsPerEvent, 1)} (${a.latencyMs} ms each)   peak RSS ${f(a.peakRssMb)} MB`);
  return a;
}

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`awscheck benchmarks: factor ${values.factor}, latency ${values.latency} ms, concurrency ${values.concurrency}`);
  console.log(`machine: ${cpus().length} CPUs (${cpu}), node ${process.version}, load average ${loadavg().map((l) => f(l, 2)).join(' ')}`);

  const scan = only.has('scan') ? await scanBench() : undefined;
  const slack = only.has('slack') ? await slackBench() : undefined;
  const report = only.has('report') ? await reportBench() : undefined;
  const dynamo = only.has('report-dynamodb') ? await dynamoDbReportBench() : undefined;
  const org = only.has('org') ? await orgBench() : undefined;
  const alerts = only.has('alerts') ? await alertsBench() : undefined;

  console.log(`\nTargets (peak RSS applies at --factor 4; load average now ${loadavg().map((l) => f(l, 2)).join(' ')})`);
  if (scan) {
    console.log(`  calls ≤ ${TARGETS.callsRatio} × minimum          ${f(scan.callsRatio, 3)}   ${verdict(scan.callsRatio <= TARGETS.callsRatio)}`);
    console.log(`  wall ≤ ${TARGETS.wallRatio} × lower bound         ${f(scan.wallRatio, 3)}   ${verdict(scan.wallRatio <= TARGETS.wallRatio)}`);
    console.log(`  peak RSS ≤ ${TARGETS.peakRssMb} MB              ${f(scan.peakRssMb)}     ${verdict(scan.peakRssMb <= TARGETS.peakRssMb)}`);
  }
  if (slack) console.log(`  ack p99 ≤ ${TARGETS.ackP99Ms} ms               ${f(slack.ackP99Ms)}     ${verdict(slack.ackP99Ms <= TARGETS.ackP99Ms)}`);
  if (alerts) {
    const p95 = Math.max(alerts.sequentialP95Ms, alerts.burstP95Ms);
    console.log(`  alert p95 ≤ ${TARGETS.alertP95Ms} ms             ${f(p95)}     ${verdict(p95 <= TARGETS.alertP95Ms)}`);
  }

  console.log('');
  const lines: [string, string | undefined][] = [
    ['calls_ratio', scan && f(scan.callsRatio, 3)],
    ['wall_ratio', scan && f(scan.wallRatio, 3)],
    ['peak_rss_mb', scan && f(scan.peakRssMb)],
    ['ack_p50_ms', slack && f(slack.ackP50Ms)],
    ['ack_p99_ms', slack && f(slack.ackP99Ms)],
    ['report_50k_ms', report && f(report.reportMs)],
    ['report_50k_rss_mb', report && f(report.peakRssMb)],
    ['report_50k_dynamodb_ms', dynamo && f(dynamo.reportMs)],
    ['report_50k_dynamodb_items_written', dynamo && String(dynamo.itemsWritten)],
    ['report_50k_dynamodb_items_read', dynamo && String(dynamo.itemsRead)],
    ['org_cpu_ms_per_call', org && f(org.many.cpuPerCallMs, 2)],
    ['org_peak_rss_mb', org && f(org.many.peakRssMb)],
    ['alert_p50_ms', alerts && f(alerts.sequentialP50Ms)],
    ['alert_p95_ms', alerts && f(Math.max(alerts.sequentialP95Ms, alerts.burstP95Ms))],
  ];
  for (const [name, value] of lines) if (value !== undefined) console.log(`${name}: ${value}`);
}

await main();
