// Several awscheck processes on one store (a SQLite file, or a DynamoDB table on dynalite), writing to a fake EC2 over HTTP: a replica restarting (its
// start-up sweep) or sweeping while another's slow write is in flight, an owner killed with -9, SIGTERM
// during an apply, and approvals racing from two processes. Leases are short here (1 s, renewed every 250 ms);
// every write is slower than the lease, so only renewal keeps it (the old sweep grace would have settled it).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configurationPart, storeConfig } from '../../src/config/configuration.ts';
import type { AuditEvent, FixRequest } from '../../src/remediation/store.ts';
import { initTable } from '../../src/store/dynamodb/init.ts';
import { openStore } from '../../src/store/open.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from '../helpers/dynamodb-local.ts';
import { type FakeEc2Http, startFakeEc2 } from './replicas/fake-ec2.ts';

const ENTRY = join(import.meta.dirname, 'replicas', 'replica.ts');
const ACCOUNT = '111122223333';
const LEASE_MS = 1000;

let dir: string;
let ec2: FakeEc2Http;
/** AWSCHECK_DB of every process in the current test, and what else they need to reach the store. */
let db: string;
let storeEnv: Record<string, string> = {};
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'awscheck-replicas-'));
  ec2 = await startFakeEc2(ACCOUNT, [
    { id: 'sgr-ssh', groupId: 'sg-0abc', protocol: 'tcp', from: 22, to: 22, cidr: '0.0.0.0/0', description: 'admin access' },
    { id: 'sgr-office', groupId: 'sg-0abc', protocol: 'tcp', from: 22, to: 22, cidr: '203.0.113.0/24', description: 'office (customer)' },
  ]);
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await ec2.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  /** The JSON line the process printed, and how it ended. */
  done: Promise<{ out: Record<string, unknown> | undefined; code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function replica(args: string[], extraEnv: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      TEST_DB: db,
      ...storeEnv,
      TEST_LEASE_MS: String(LEASE_MS),
      TEST_RENEW_MS: '250',
      AWS_ENDPOINT_URL: ec2.url,
      AWS_ACCESS_KEY_ID: 'AKIAFAKEKEY',
      AWS_SECRET_ACCESS_KEY: 'fake-secret',
      AWS_REGION: 'eu-west-1',
      AWS_CONFIG_FILE: join(dir, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Awaited<Run['done']>>((resolve) => {
    child.on('exit', (code, signal) => {
      const line = stdout.trim().split('\n').filter(Boolean).at(-1);
      resolve({ out: line ? (JSON.parse(line) as Record<string, unknown>) : undefined, code, signal, stderr });
    });
  });
  return { child, done };
}

async function ok(args: string[], extraEnv?: Record<string, string>): Promise<Record<string, unknown>> {
  const result = await replica(args, extraEnv).done;
  expect(result.code, result.stderr).toBe(0);
  return result.out ?? {};
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function stored(id: string): Promise<{ request: FixRequest; events: AuditEvent[] }> {
  const store = openStore(configurationPart({ AWSCHECK_DB: db }, storeConfig));
  try {
    const request = (await store.remediation.getRequest(id))!;
    const events = (await store.remediation.auditEvents()).filter((e) => e.subjectId === id);
    return { request, events };
  } finally {
    await store.close();
  }
}

async function prepared(inputs: Record<string, string> = {}): Promise<string> {
  const out = await ok(['prepare', JSON.stringify(inputs)]);
  expect(out.kind).toBe('requested');
  return String(out.id);
}

const ids = (rules: { id: string }[]) => rules.map((r) => r.id);

/** How each store is set up for a test: a fresh SQLite file, or a fresh table on one dynalite per file. */
const STORES: { name: string; setUp(): Promise<void>; tearDown(): Promise<void> }[] = [
  {
    name: 'SQLite file',
    setUp: async () => {
      db = join(dir, 'awscheck.db');
      storeEnv = {};
    },
    tearDown: async () => undefined,
  },
  (() => {
    let local: DynamoDbLocal | undefined;
    const saved = process.env.AWS_ENDPOINT_URL_DYNAMODB;
    return {
      name: 'DynamoDB table',
      setUp: async () => {
        local ??= await startDynamoDbLocal();
        const table = `awscheck-${randomUUID().slice(0, 8)}`;
        await initTable({ table, region: 'us-east-1', endpoint: local.endpoint });
        db = `dynamodb://${table}?region=us-east-1`;
        // The replicas reach the table as the bot would: the SDK's standard endpoint variable, beside the fake EC2.
        storeEnv = { AWS_ENDPOINT_URL_DYNAMODB: local.endpoint };
        process.env.AWS_ENDPOINT_URL_DYNAMODB = local.endpoint;
      },
      tearDown: async () => {
        if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
        else process.env.AWS_ENDPOINT_URL_DYNAMODB = saved;
        await local?.close();
        local = undefined;
      },
    };
  })(),
];

describe.each(STORES)('two processes on one $name', { timeout: 60_000 }, (kind) => {
  beforeEach(() => kind.setUp());
  afterAll(() => kind.tearDown());
  it('a replica restarting and sweeping during another\'s slow apply leaves it alone; the owner records the outcome', async () => {
    const id = await prepared();
    ec2.revokeDelayMs = 3000;
    const owner = replica(['approve', id, 'fix']);
    await until(() => ec2.writes.includes('revoke sgr-ssh'), 'the revoke');
    // The other replica starts (start-up sweep) and keeps sweeping past the lease length and past the write.
    const other = await ok(['sweep', '3500']);
    expect(other.settled).toEqual([]);
    const result = await owner.done;
    expect(result.out).toEqual({ kind: 'done', state: 'applied' });
    const { request, events } = await stored(id);
    expect(request.state).toBe('applied');
    expect(request).not.toHaveProperty('lease');
    expect(events.map((e) => e.event)).toEqual(['fix.requested', 'fix.approved', 'fix.applied']);
    expect(events.at(-1)?.detail.requestIds).toEqual(['req-1']);
    expect(ids(ec2.rules)).toEqual(['sgr-office']);
  });

  it('the same for a slow undo: the sweeping replica does not settle it, and undo removes only what awscheck added', async () => {
    const id = await prepared({ replacementCidr: '198.51.100.0/24' });
    expect(await ok(['approve', id, 'fix'])).toEqual({ kind: 'done', state: 'applied' });
    expect(ids(ec2.rules)).toEqual(['sgr-office', 'sgr-new1']);
    expect(ec2.rules.find((r) => r.id === 'sgr-new1')?.description).toMatch(/^admin access \[awscheck:[0-9a-f]{8}\]$/);
    expect(await ok(['request-undo', id])).toEqual({ kind: 'requested' });
    ec2.authorizeDelayMs = 3000;
    const owner = replica(['approve', id, 'undo']);
    await until(() => ec2.writes.some((w) => w.startsWith('authorize sgr-new2')), 'the undo\'s authorise');
    expect((await ok(['sweep', '3500'])).settled).toEqual([]);
    expect((await owner.done).out).toEqual({ kind: 'done', state: 'undone' });
    const { request, events } = await stored(id);
    expect(request.state).toBe('undone');
    expect(events.map((e) => e.event)).toEqual(['fix.requested', 'fix.approved', 'fix.applied', 'fix.undo-requested', 'fix.undo-approved', 'fix.undone']);
    // The customer's office rule stays; the world-open rule is back; awscheck's replacement is gone.
    expect(ids(ec2.rules)).toEqual(['sgr-office', 'sgr-new2']);
    expect(ec2.rules.find((r) => r.id === 'sgr-new2')?.cidr).toBe('0.0.0.0/0');
  });

  it('after kill -9 of the owner, the survivor settles the request only once the lease expired, by reading AWS', async () => {
    const id = await prepared();
    ec2.revokeDelayMs = 30_000;
    // A longer lease here, so the survivor's start (a couple of seconds) surely falls inside it.
    const owner = replica(['approve', id, 'fix'], { TEST_LEASE_MS: '8000' });
    await until(() => ec2.writes.includes('revoke sgr-ssh'), 'the revoke');
    owner.child.kill('SIGKILL');
    await owner.done;
    const early = await ok(['sweep']);
    const before = await stored(id);
    expect(Date.now()).toBeLessThan(Date.parse(before.request.lease!.expiresAt));
    expect(early.settled).toEqual([]);
    expect(before.request.state).toBe('applying');
    expect(before.request.lease?.owner).toMatch(/:\d+:[0-9a-f]{8}$/);
    await until(() => Date.now() > Date.parse(before.request.lease!.expiresAt) + 50, 'the lease to expire', 10_000);
    const late = await ok(['sweep']);
    expect(late.settled).toEqual([`${id}:applied`]);
    const { request, events } = await stored(id);
    expect(request).toMatchObject({ state: 'applied', result: { after: { revokedRuleId: 'sgr-ssh' } } });
    expect(request.note).toContain('AWS shows it applied');
    expect(events.map((e) => [e.event, e.actor])).toEqual([
      ['fix.requested', 'U0ALICE'],
      ['fix.approved', 'U0BOB'],
      ['fix.reconciled', 'awscheck'],
    ]);
    // Settled by reading: the revoke was sent once, by the owner.
    expect(ec2.writes).toEqual(['revoke sgr-ssh']);
  });

  it('SIGTERM during an apply lets it finish: applied, audited with its AWS request id, then the process exits', async () => {
    const id = await prepared();
    ec2.revokeDelayMs = 1500;
    const owner = replica(['approve-until-signal', id]);
    await until(() => ec2.writes.includes('revoke sgr-ssh'), 'the revoke');
    owner.child.kill('SIGTERM');
    const result = await owner.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.out).toEqual({ drained: true, outcome: { kind: 'done', state: 'applied' } });
    const { request, events } = await stored(id);
    expect(request.state).toBe('applied');
    expect(events.at(-1)).toMatchObject({ event: 'fix.applied', detail: { requestIds: ['req-1'] } });
  });

  it('SIGTERM with a write slower than the shutdown wait leaves the request under its lease for the next start', async () => {
    const id = await prepared();
    ec2.revokeDelayMs = 4000;
    const owner = replica(['approve-until-signal', id], { TEST_SHUTDOWN_WAIT_MS: '300' });
    await until(() => ec2.writes.includes('revoke sgr-ssh'), 'the revoke');
    owner.child.kill('SIGTERM');
    const result = await owner.done;
    expect(result.out).toEqual({ drained: false });
    const left = await stored(id);
    expect(left.request.state).toBe('applying');
    expect(left.request.lease).toBeDefined();
    await until(() => Date.now() > Date.parse(left.request.lease!.expiresAt) + 50, 'the lease to expire', 5000);
    expect((await ok(['sweep'])).settled).toEqual([`${id}:applied`]);
  });

  it('approvals racing from two processes make one write', async () => {
    const id = await prepared();
    ec2.revokeDelayMs = 500;
    const [bob, carol] = await Promise.all([replica(['approve', id, 'fix', 'U0BOB']).done, replica(['approve', id, 'fix', 'U0CAROL']).done]);
    const outcomes = [bob.out, carol.out].map((o) => o?.kind).sort();
    expect(outcomes).toEqual(['done', 'not-waiting']);
    expect(ec2.writes).toEqual(['revoke sgr-ssh']);
    const { events } = await stored(id);
    expect(events.filter((e) => e.event === 'fix.approved')).toHaveLength(1);
  });
});
