// The Slack benchmark: the real app (buildApp, Bolt's HTTPReceiver on 127.0.0.1:0) scanning the synthetic
// account through the fake AWS, and 50 concurrent signed `/awscheck` commands sent while a full scan is in
// flight. Slack must see each ack within 3 s; the figure is the time from sending a command to its 200.
import { execFile } from 'node:child_process';
import { extname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { LogLevel } from '@slack/bolt';
import { ALL_CHECKS } from '../checks/index.ts';
import { buildApp } from '../src/app/build.ts';
import { defaultSettings } from '../src/config/schema.ts';
import { installFakeAws } from '../test/fake-aws/install.ts';
import { SYNTHETIC_REGIONS, syntheticWorld } from '../test/fake-aws/synthetic.ts';
import { startFakeSlack } from '../test/helpers/fake-slack.ts';
import { FORM, postSigned, slashCommandBody, TEST_SIGNING_SECRET } from '../test/helpers/slack-signing.ts';
import { benchArgs, fakeAwsEnvironment, peakRssMb, RESULT_PREFIX } from './args.ts';

export interface SlackBenchResult {
  commands: number;
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  /** Scans running when the burst started (at least the full scan the burst was sent against). */
  scansInFlight: number;
  /** AWS calls the fake answered while the burst ran (its process starting included): the scan kept working. */
  awsCallsDuringBurst: number;
  eventLoopDelayMaxMs: number;
  /** Until every command's answer (results or an error) was delivered. */
  allAnsweredMs: number;
  /** Answers too long for a message, whose full results went as a CSV file (each one built separately). */
  csvUploads: number;
  peakRssMb: number;
}

const COMMANDS = 50;

/** What people type: full scans, services, single checks, a region, help. Most join the running scan. */
const TEXTS = ['', 'ec2', 's3', 'iam', 'ssm', 'detect', 'iam.root-mfa', 'ec2.sg-admin-port-ipv4', `region=${SYNTHETIC_REGIONS[1]}`, 'help'];

/** Sends the commands from another process, so the client's own work is not counted against the bot. */
function burst(events: string, responseBase: string, texts: readonly string[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...(import.meta.filename.endsWith('.ts') ? ['--import', 'tsx'] : []), join(import.meta.dirname, `slack-burst${extname(import.meta.filename)}`), events, responseBase, JSON.stringify(texts)],
      (err, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
        if (err || !line) reject(new Error(`bench/slack-burst.ts failed: ${err?.message ?? ''}\n${stderr}`));
        else resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as number[]);
      },
    );
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<void> {
  const { factor, latency, concurrency } = benchArgs();
  fakeAwsEnvironment();
  const fake = installFakeAws(syntheticWorld(factor), { latencyMs: latency });
  const slack = await startFakeSlack();
  const bot = buildApp({
    slack: { botToken: 'xoxb-bench-token', signingSecret: TEST_SIGNING_SECRET, port: 0, apiUrl: slack.apiUrl, scanners: [], mode: 'http' },
    settings: defaultSettings({ concurrency }),
    checks: ALL_CHECKS,
    scanDeps: { env: {}, instrument: fake },
    logLevel: LogLevel.ERROR,
    host: '127.0.0.1',
  });
  const { port } = await bot.start();
  const events = `http://127.0.0.1:${port}/slack/events`;
  const command = async (text: string, id: string): Promise<number> => {
    const body = slashCommandBody({ text, response_url: slack.responseUrl(id), user_id: `U0BENCH${id.toUpperCase()}` });
    const began = performance.now();
    const answer = await postSigned(events, body, FORM);
    await answer.text();
    if (answer.status !== 200) throw new Error(`/awscheck ${text} answered ${answer.status}`);
    return performance.now() - began;
  };

  // A full scan first, and the burst only once it is well under way.
  const started = performance.now();
  await command('', 'warmup');
  await slack.waitFor(() => fake.totalCalls() > 200, 60_000);

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const callsBefore = fake.totalCalls();
  const scansInFlight = bot.scans.running;
  const texts = Array.from({ length: COMMANDS }, (_, n) => TEXTS[n % TEXTS.length]!);
  const latencies = await burst(events, slack.responseUrl(''), texts);
  const awsCallsDuringBurst = fake.totalCalls() - callsBefore;
  loop.disable();

  // Every command gets its answer (help at once, scans' results when theirs finish). The fake Slack keeps
  // every uploaded CSV; dropping them as they arrive keeps its memory out of the app's peak RSS.
  let csvUploads = 0;
  const drain = setInterval(() => (csvUploads += slack.uploads.splice(0).length), 20);
  await bot.idle();
  clearInterval(drain);
  csvUploads += slack.uploads.splice(0).length;
  const unanswered = Array.from({ length: COMMANDS }, (_, n) => `c${n}`).filter((id) => slack.responsesTo(id).length === 0);
  if (unanswered.length > 0) throw new Error(`commands without an answer: ${unanswered.join(', ')}`);
  const allAnsweredMs = performance.now() - started;

  const sorted = [...latencies].sort((a, b) => a - b);
  const result: SlackBenchResult = {
    commands: COMMANDS,
    ackP50Ms: percentile(sorted, 50),
    ackP99Ms: percentile(sorted, 99),
    ackMaxMs: sorted.at(-1) ?? 0,
    scansInFlight,
    awsCallsDuringBurst,
    eventLoopDelayMaxMs: loop.max / 1e6,
    allAnsweredMs,
    csvUploads,
    peakRssMb: peakRssMb(),
  };
  await bot.stop();
  await slack.close();
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

await main();
