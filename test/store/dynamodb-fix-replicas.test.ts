// Fix requests worked by two processes on one DynamoDB table: each request is applied by exactly one of them,
// with exactly one audit event per transition; a replica killed mid-apply keeps its lease, and the other
// settles the request only once that lease has expired.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findingKey } from '../../src/store/finding-key.ts';
import type { FixRequest, NewAuditEvent } from '../../src/remediation/store.ts';
import { result } from '../report/fixtures.ts';
import { type LocalTables, localTables } from './dynamodb-env.ts';

let env: LocalTables;
beforeAll(async () => {
  env = await localTables();
});
afterAll(async () => {
  await env.close();
});

function start(table: string, vars: Record<string, string>): { child: ChildProcess; output: Promise<string>; firstLine: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'replicas', 'fix-replica.ts')], {
    env: { ...process.env, TABLE: table, ENDPOINT: env.local.endpoint, ...vars },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  let onLine: (line: string) => void = () => undefined;
  const firstLine = new Promise<string>((resolve) => (onLine = resolve));
  child.stdout.on('data', (c: Buffer) => {
    text += c.toString();
    if (text.includes('\n')) onLine(text.split('\n')[0]!);
  });
  const output = new Promise<string>((resolve) => child.on('exit', () => resolve(text)));
  return { child, output, firstLine };
}

function request(id: string, state: FixRequest['state'] = 'requested'): FixRequest {
  const finding = result({ resourceId: id });
  return { id, fixId: 'f', finding, findingKey: findingKey(finding), inputs: {}, preview: { lines: [], warnings: [], current: {} }, state, requestedBy: 'U1', requestedAt: 't', expiresAt: 't', updatedAt: 't' };
}

const created = (id: string): NewAuditEvent => ({ at: 't', event: 'fix.requested', actor: 'U1', subject: 'fix', subjectId: id, checkId: 'c', accountId: '123456789012', region: 'us-east-1', resourceId: id, detail: {} });

it('two processes racing over 15 requests: each is applied exactly once, each transition audited once', async () => {
  const table = await env.table();
  const store = env.store(table);
  const COUNT = 15;
  for (let i = 0; i < COUNT; i++) await store.remediation.createRequest(request(`req-${i}`), created(`req-${i}`));
  const [a, b] = [start(table, { ROLE: 'race', OWNER: 'proc-a', COUNT: String(COUNT) }), start(table, { ROLE: 'race', OWNER: 'proc-b', COUNT: String(COUNT) })];
  const writes = [...(await a.output).split('\n'), ...(await b.output).split('\n')].filter(Boolean);
  expect(writes.sort()).toEqual(Array.from({ length: COUNT }, (_, i) => `write req-${i}`).sort());
  const events = await store.remediation.auditEvents();
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: COUNT * 3 }, (_, i) => i + 1));
  for (let i = 0; i < COUNT; i++) {
    const mine = events.filter((e) => e.subjectId === `req-${i}`).map((e) => e.event);
    expect(mine).toEqual(['fix.requested', 'fix.approved', 'fix.applying']);
    const stored = await store.remediation.getRequest(`req-${i}`);
    expect(stored?.state).toBe('applying');
    expect(stored?.lease?.owner).toBe(events.find((e) => e.subjectId === `req-${i}` && e.event === 'fix.applying')?.actor);
  }
}, 120_000);

it('a replica killed mid-apply keeps its lease; the other settles the request only after it expires', async () => {
  const table = await env.table();
  const store = env.store(table);
  await store.remediation.createRequest(request('req-held'), created('req-held'));
  await store.remediation.transitionRequest({ id: 'req-held', from: 'requested', to: 'approved', changes: {}, lease: { take: { owner: 'proc-a', expiresAt: new Date(Date.now() + 60_000).toISOString() } } });
  const holder = start(table, { ROLE: 'hold', OWNER: 'proc-a', LEASE_MS: '8000' });
  const [outcome, expiresAt] = (await holder.firstLine).split(' ');
  expect(outcome).toBe('won');
  holder.child.kill('SIGKILL');
  await holder.output;
  const settle = () =>
    store.remediation.transitionRequest({
      id: 'req-held',
      from: 'applying',
      to: 'failed',
      changes: { note: 'settled after reading AWS' },
      audit: { ...created('req-held'), event: 'fix.reconciled', actor: 'awscheck' },
      lease: { expiredBefore: new Date().toISOString() },
    });
  // While the dead owner's lease runs, nobody else may settle it.
  const early = await settle();
  expect(early.outcome).toBe('lost');
  expect(early.outcome === 'lost' && early.current?.lease).toEqual({ owner: 'proc-a', expiresAt });
  expect(early.outcome === 'lost' && early.current?.journal).toEqual({ step: 'about to revoke' });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(expiresAt!) - Date.now() + 50)));
  const late = await settle();
  expect(late.outcome).toBe('won');
  expect(late.outcome === 'won' && late.record.lease).toBeUndefined();
  expect((await store.remediation.auditEvents()).map((e) => e.event)).toEqual(['fix.requested', 'fix.applying', 'fix.reconciled']);
}, 60_000);
