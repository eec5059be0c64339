// The alerts benchmark: a CloudTrail event put on the fake SQS queue (HTTP, JSON protocol, long-polled as in
// production) → the bot re-reads the security group through the fake AWS (--latency ms per call) and the
// real collectors and checks → the alert reaches the fake Slack. Figure: time from SendMessage to the
// chat.postMessage arriving, one event at a time and in a burst. Target: p95 ≤ 5 s.
import { webApi } from '@slack/bolt';
import { ALL_CHECKS } from '../checks/index.ts';
import { startAlerts } from '../src/alerts/feature.ts';
import { defaultSettings } from '../src/config/schema.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { installFakeAws } from '../test/fake-aws/install.ts';
import { syntheticWorld } from '../test/fake-aws/synthetic.ts';
import { regionOf } from '../test/fake-aws/world.ts';
import { startFakeSlack } from '../test/helpers/fake-slack.ts';
import { FakeSqs } from '../test/helpers/fake-sqs.ts';
import { benchArgs, fakeAwsEnvironment, peakRssMb, RESULT_PREFIX } from './args.ts';

export interface AlertsBenchResult {
  events: number;
  sequentialP50Ms: number;
  sequentialP95Ms: number;
  burstP50Ms: number;
  burstP95Ms: number;
  /** AWS calls per event's re-read (the fake's count ÷ events). */
  callsPerEvent: number;
  latencyMs: number;
  peakRssMb: number;
}

const EVENTS = 30;
const REGION = 'eu-west-1';
const CHANNEL = 'C0ALERTS';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<void> {
  const { factor, latency, concurrency } = benchArgs();
  fakeAwsEnvironment();
  const world = syntheticWorld(factor);
  const groups = regionOf(world, REGION).securityGroups.slice(0, EVENTS * 2);
  groups.forEach((g, i) => g.rules.push({ id: `sgr-bench${i}`, egress: false, protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' }));
  const fake = installFakeAws(world, { latencyMs: latency });
  const slack = await startFakeSlack();
  const posted = new Map<string, number>();
  slack.on('chat.postMessage', (p) => {
    posted.set(String(p.text), performance.now());
    return { ok: true, channel: p.channel, ts: `1700000000.${String(posted.size).padStart(6, '0')}` };
  });
  const sqs = new FakeSqs();
  await sqs.start();
  const store = openSqliteStore(':memory:');
  // The shape EventBridge delivers (test/fixtures/cloudtrail/AuthorizeSecurityGroupIngress.json, trimmed).
  const template = {
    version: '0',
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.ec2',
    region: REGION,
    detail: {
      eventVersion: '1.09',
      userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${world.accountId}:user/alice`, userName: 'alice' },
      eventTime: new Date().toISOString(),
      eventSource: 'ec2.amazonaws.com',
      eventName: 'AuthorizeSecurityGroupIngress',
      sourceIPAddress: '198.51.100.23',
      responseElements: { _return: true },
    } as Record<string, unknown>,
  };
  const settings = defaultSettings({ concurrency, homeRegion: REGION });
  const alerts = startAlerts({
    config: { queueUrl: `https://sqs.${REGION}.amazonaws.com/${world.accountId}/awscheck-events`, channel: CHANNEL },
    settings,
    checks: ALL_CHECKS,
    store: store.alerts,
    client: new webApi.WebClient('xoxb-bench', { slackApiUrl: slack.apiUrl }),
    logger: { info: () => undefined, warn: (m) => console.error(m), error: (m) => console.error(m) },
    env: { ...process.env, AWS_ENDPOINT_URL_SQS: sqs.url },
    scanDeps: { instrument: fake },
  });
  if (!alerts) throw new Error('alerts did not start');

  const send = (i: number): { sentAt: number; text: string } => {
    const groupId = groups[i]!.id;
    const detail = { ...template.detail, eventID: `bench-${i}`, recipientAccountId: world.accountId, awsRegion: REGION, requestParameters: { groupId } };
    const sentAt = performance.now();
    sqs.send(JSON.stringify({ ...template, account: world.accountId, detail }));
    return { sentAt, text: `awscheck alert: ec2.sg-admin-port-ipv4 ${groupId}` };
  };
  const arrival = async (text: string): Promise<number> => {
    while (!posted.has(text)) await new Promise((r) => setTimeout(r, 2));
    return posted.get(text)!;
  };

  // One at a time: what a single change sees while the bot is idle and long-polling.
  const sequential: number[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const { sentAt, text } = send(i);
    sequential.push((await arrival(text)) - sentAt);
  }
  // A burst: many changes at once (a script opening groups), queued behind one another.
  const burst = await Promise.all(
    Array.from({ length: EVENTS }, async (_, j) => {
      const { sentAt, text } = send(EVENTS + j);
      return (await arrival(text)) - sentAt;
    }),
  );
  await alerts.stop();
  const seq = [...sequential].sort((a, b) => a - b);
  const bur = [...burst].sort((a, b) => a - b);
  const result: AlertsBenchResult = {
    events: EVENTS,
    sequentialP50Ms: percentile(seq, 50),
    sequentialP95Ms: percentile(seq, 95),
    burstP50Ms: percentile(bur, 50),
    burstP95Ms: percentile(bur, 95),
    callsPerEvent: fake.totalCalls() / (EVENTS * 2),
    ...(process.env.BENCH_DEBUG ? { calls: Object.fromEntries(fake.calls()) } : {}),
    latencyMs: latency,
    peakRssMb: peakRssMb(),
  };
  await sqs.stop();
  await slack.close();
  await store.close();
  console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
}

await main();
