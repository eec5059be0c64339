// The "Fix all" batch methods of the RemediationStore, on SQLite and on DynamoDB (dynalite): of two callers
// moving a batch from the same state exactly one wins, with its audit event written in the same transaction;
// a move the batch machine lacks throws; the approval message survives later transitions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixBatch } from '../../src/remediation/batch.ts';
import { TransitionError } from '../../src/remediation/state.ts';
import type { NewAuditEvent } from '../../src/remediation/store.ts';
import type { StoreHandle } from './contract/history-store-contract.ts';
import { type LocalTables, localTables } from './dynamodb-env.ts';
import { sqliteHandle } from './sqlite-env.ts';

const T0 = '2026-11-25T09:00:00.000Z';

function batch(overrides: Partial<FixBatch> = {}): FixBatch {
  return {
    id: 'batch-1',
    checkId: 'ec2.sg-admin-port-ipv4',
    fixId: 'ec2.revoke-world-open-rule',
    requestIds: ['req-1', 'req-2', 'req-3'],
    skipped: [{ label: 'sg-4 / sgr-4', reason: 'already fixed' }],
    groupSize: 4,
    inputs: {},
    state: 'requested',
    requestedBy: 'U0ALICE',
    requestedAt: T0,
    expiresAt: '2026-11-26T09:00:00.000Z',
    updatedAt: T0,
    ...overrides,
  };
}

function event(name: string, actor: string): NewAuditEvent {
  return {
    at: T0,
    event: name,
    actor,
    subject: 'batch',
    subjectId: 'batch-1',
    checkId: 'ec2.sg-admin-port-ipv4',
    accountId: '',
    region: '',
    resourceId: '3 resources',
    fixId: 'ec2.revoke-world-open-rule',
    detail: {},
  };
}

function contract(name: string, open: () => Promise<StoreHandle>): void {
  describe(`fix batches: ${name}`, () => {
    it('stores a batch with its audit event, and of two concurrent approvals exactly one wins', async () => {
      const handle = await open();
      const store = handle.store.remediation;
      const replica = (await handle.replica()).remediation;
      try {
        await store.createBatch(batch(), event('batch.requested', 'U0ALICE'));
        await store.setBatchMessage('batch-1', { channel: 'C0APPROVE', ts: '1.2' });
        expect(await store.getBatch('batch-1')).toEqual({ ...batch(), message: { channel: 'C0APPROVE', ts: '1.2' } });
        // Two replicas approving together.
        const move = (by: string) =>
          (by === 'U0BOB' ? store : replica).transitionBatch({ id: 'batch-1', from: 'requested', to: 'running', changes: { approval: { by, at: T0 } }, audit: event('batch.approved', by) });
        const results = await Promise.all([move('U0BOB'), move('U0CAROL')]);
        expect(results.filter((r) => r.outcome === 'won')).toHaveLength(1);
        const lost = results.find((r) => r.outcome === 'lost');
        expect(lost?.outcome === 'lost' ? lost.current?.state : undefined).toBe('running');
        const stored = await store.getBatch('batch-1');
        expect(stored?.state).toBe('running');
        expect(stored?.message).toEqual({ channel: 'C0APPROVE', ts: '1.2' });
        const trail = await store.auditEvents();
        expect(trail.map((e) => [e.event, e.subject])).toEqual([
          ['batch.requested', 'batch'],
          ['batch.approved', 'batch'],
        ]);
        expect(trail[1]?.actor).toBe(stored?.approval?.by);
        // Stop wins once too; a move the machine lacks is a programming error.
        const stop = await store.transitionBatch({ id: 'batch-1', from: 'running', to: 'stopped', changes: { stop: { by: 'U0BOB', at: T0 } }, audit: event('batch.stopped', 'U0BOB') });
        expect(stop.outcome).toBe('won');
        expect((await store.transitionBatch({ id: 'batch-1', from: 'running', to: 'done', changes: {} })).outcome).toBe('lost');
        await expect(store.transitionBatch({ id: 'batch-1', from: 'stopped', to: 'running', changes: {} })).rejects.toThrow(TransitionError);
        expect(await store.getBatch('missing')).toBeUndefined();
      } finally {
        await handle.dispose();
      }
    });
  });
}

contract('SQLite', sqliteHandle);

let env: LocalTables | undefined;
beforeAll(async () => {
  env = await localTables();
});
afterAll(async () => {
  await env?.close();
});

contract('DynamoDB', () => env!.handle());

describe('SQLite migration 5', () => {
  it('keeps the audit trail (seq and all) append-only while letting it take batch events', async () => {
    const { openDatabase, migrate } = await import('../../src/store/sqlite/database.ts');
    const { MIGRATIONS } = await import('../../src/store/sqlite/migrations.ts');
    const { SqliteRemediationStore } = await import('../../src/store/sqlite/remediation-store.ts');
    const db = openDatabase(':memory:', MIGRATIONS.slice(0, 4));
    try {
      const old = new SqliteRemediationStore(db);
      await old.appendAudit({ ...event('fix.requested', 'U0ALICE'), subject: 'fix', subjectId: 'req-1' });
      await old.appendAudit({ ...event('fix.approved', 'U0BOB'), subject: 'fix', subjectId: 'req-1' });
      expect(() => db.prepare("INSERT INTO audit_events (at, event, actor, subject, subject_id, check_id, account_id, region, resource_id, detail) VALUES ('t','e','a','batch','s','c','','','r','{}')").run()).toThrow(/CHECK/);
      // Up to 5 only: later steps are other tests' business.
      expect(migrate(db, MIGRATIONS.slice(0, 5))).toEqual([5]);
      const store = new SqliteRemediationStore(db);
      await store.createBatch(batch(), event('batch.requested', 'U0ALICE'));
      expect((await store.auditEvents()).map((e) => [e.seq, e.event])).toEqual([
        [1, 'fix.requested'],
        [2, 'fix.approved'],
        [3, 'batch.requested'],
      ]);
      expect(() => db.prepare("UPDATE audit_events SET actor = 'x'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});
