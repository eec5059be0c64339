// One awscheck process of several sharing one store (TEST_DB: a SQLite file or dynamodb://TABLE), run by test/remediation/replicas.process.test.ts as
// `node --import tsx replica.ts <command> …`: the remediation feature as src/main.ts wires it (store, fixes,
// sweeper, graceful shutdown), with short leases from TEST_LEASE_MS / TEST_RENEW_MS and the fake EC2 behind
// AWS_ENDPOINT_URL. It prints one JSON line: what the command did.
import { configurationPart, storeConfig } from '../../../src/config/configuration.ts';
import { defaultSettings } from '../../../src/config/schema.ts';
import { createRemediation } from '../../../src/remediation/feature.ts';
import { shutDownGracefully } from '../../../src/remediation/shutdown.ts';
import { openStore } from '../../../src/store/open.ts';
import { FINDING } from '../fixtures.ts';

const env = process.env;
const store = openStore(configurationPart({ AWSCHECK_DB: env.TEST_DB }, storeConfig));
const remediation = createRemediation({
  store: store.remediation,
  settings: defaultSettings({ homeRegion: 'eu-west-1' }),
  config: { enabled: true, approvers: ['U0BOB', 'U0CAROL'], allowSelfApproval: false, approvalChannel: 'C0APPROVE', approvalTtlMs: 3_600_000, riskSelfAccept: false },
  listed: async (id) => id === 'U0BOB' || id === 'U0CAROL',
  lease: { ms: Number(env.TEST_LEASE_MS ?? 60_000), renewMs: Number(env.TEST_RENEW_MS ?? 15_000) },
  sleep: async () => undefined,
});

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
const [command = '', ...args] = process.argv.slice(2);

async function run(): Promise<void> {
  switch (command) {
    case 'prepare': {
      const result = await remediation.fixes.prepare(FINDING, 'U0ALICE', JSON.parse(args[0] ?? '{}'));
      print(result.kind === 'requested' ? { kind: result.kind, id: result.request.id } : { kind: result.kind });
      break;
    }
    case 'request-undo':
      print({ kind: (await remediation.fixes.requestUndo(args[0], 'U0ALICE')).kind });
      break;
    case 'approve': {
      const result = await remediation.fixes.approve(args[0], args[2] ?? 'U0BOB', args[1] === 'undo' ? 'undo' : 'fix');
      print({ kind: result.kind, state: 'request' in result ? result.request.state : undefined });
      break;
    }
    case 'sweep': {
      // A replica's start-up sweep, then (for `sweep <ms>`) its periodic sweeps every 200 ms until then.
      const until = Date.now() + Number(args[0] ?? 0);
      const settled: string[] = [];
      do {
        const report = await remediation.sweeper.sweep();
        settled.push(...report.requests.map((r) => `${r.id}:${r.state}`));
        if (Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
      } while (Date.now() < until);
      print({ settled });
      break;
    }
    case 'approve-until-signal': {
      // The bot's shutdown path: SIGTERM while this approval's fix runs.
      let outcome: unknown;
      const approving = remediation.fixes.approve(args[0], 'U0BOB', 'fix').then((r) => (outcome = { kind: r.kind, state: 'request' in r ? r.request.state : undefined }));
      await new Promise<void>((resolve) => process.once('SIGTERM', resolve));
      const { drained } = await shutDownGracefully({
        stopIntake: async () => {
          remediation.sweeper.stop();
          remediation.fixes.stop();
        },
        idle: () => remediation.fixes.idle(),
        close: () => store.close(),
        warn: (message) => process.stderr.write(`${message}\n`),
        waitMs: Number(env.TEST_SHUTDOWN_WAIT_MS ?? 25_000),
      });
      print({ drained, outcome: drained ? (await approving, outcome) : undefined });
      return process.exit(0);
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
  await store.close();
}

run().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
