// The remediation store contract on DynamoDB: of concurrent transitions exactly one wins, a transition and its
// audit event are written together or not at all, leases decide who may act on in-flight work, one open
// request per target, and throttling or a transaction conflict never lose a write.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DynamoDbStore } from '../../src/store/dynamodb/history-store.ts';
import { findingKey } from '../../src/store/finding-key.ts';
import type { FixRequest, NewAuditEvent, RiskAcceptance } from '../../src/remediation/store.ts';
import { TransitionError } from '../../src/remediation/state.ts';
import { result } from '../report/fixtures.ts';
import { type LocalTables, localTables } from './dynamodb-env.ts';

const FINDING = result();

function request(overrides: Partial<FixRequest> = {}): FixRequest {
  return {
    id: 'req-1',
    fixId: 'ec2.revoke-world-open-rule',
    finding: FINDING,
    findingKey: findingKey(FINDING),
    inputs: {},
    preview: { lines: ['Revoke rule sgr-1'], warnings: [], current: { ruleId: 'sgr-1' } },
    state: 'requested',
    requestedBy: 'U0ALICE',
    requestedAt: '2026-11-25T09:00:00.000Z',
    expiresAt: '2026-11-26T09:00:00.000Z',
    updatedAt: '2026-11-25T09:00:00.000Z',
    ...overrides,
  };
}

function risk(overrides: Partial<RiskAcceptance> = {}): RiskAcceptance {
  return {
    id: 'risk-1',
    findingKey: findingKey(FINDING),
    finding: FINDING,
    reason: 'bastion',
    state: 'requested',
    requestedBy: 'U0ALICE',
    requestedAt: '2026-11-25T09:00:00.000Z',
    requestExpiresAt: '2026-11-26T09:00:00.000Z',
    expiresAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-11-25T09:00:00.000Z',
    ...overrides,
  };
}

function audit(event: string, subjectId = 'req-1', actor = 'U0BOB'): NewAuditEvent {
  return {
    at: '2026-11-25T09:05:00.000Z',
    event,
    actor,
    subject: event.startsWith('risk') ? 'risk' : 'fix',
    subjectId,
    checkId: FINDING.checkId,
    accountId: FINDING.accountId,
    region: FINDING.region,
    resourceId: FINDING.resourceId,
    detail: { outcome: event },
  };
}

let env: LocalTables;
let table: string;
let a: DynamoDbStore;
let b: DynamoDbStore;
beforeAll(async () => {
  env = await localTables();
});
afterAll(async () => {
  await env.close();
});
beforeEach(async () => {
  table = await env.table();
  a = env.store(table);
  b = env.store(table);
});

describe('DynamoDB remediation store', () => {
  it('creates a request with its audit event, and refuses a second open request for the same target', async () => {
    expect(await a.remediation.createRequest(request(), audit('fix.requested', 'req-1', 'U0ALICE'))).toBe(true);
    expect(await b.remediation.createRequest(request({ id: 'req-2' }), audit('fix.requested', 'req-2'))).toBe(false);
    expect(await a.remediation.getRequest('req-2')).toBeUndefined();
    expect((await a.remediation.auditEvents()).map((e) => [e.seq, e.event, e.subjectId])).toEqual([[1, 'fix.requested', 'req-1']]);
    expect((await b.remediation.openRequestFor(findingKey(FINDING)))?.id).toBe('req-1');
    // Another target is free.
    const other = result({ resourceId: 'sg-other' });
    expect(await b.remediation.createRequest(request({ id: 'req-3', finding: other, findingKey: findingKey(other) }), audit('fix.requested', 'req-3'))).toBe(true);
    await expect(a.remediation.createRequest(request(), audit('fix.requested'))).rejects.toThrow();
  });

  it('lets exactly one of two replicas approve, and writes only the winner\'s audit event', async () => {
    await a.remediation.createRequest(request(), audit('fix.requested'));
    const approve = (store: DynamoDbStore, by: string) =>
      store.remediation.transitionRequest({
        id: 'req-1',
        from: 'requested',
        to: 'approved',
        changes: { approval: { by, at: '2026-11-25T09:05:00.000Z' }, updatedAt: '2026-11-25T09:05:00.000Z' },
        audit: audit('fix.approved', 'req-1', by),
        lease: { take: { owner: by, expiresAt: '2026-11-25T09:10:00.000Z' } },
      });
    const outcomes = await Promise.all([approve(a, 'U0BOB'), approve(b, 'U0CAROL'), approve(a, 'U0DAVE'), approve(b, 'U0ERIN')]);
    const won = outcomes.filter((o) => o.outcome === 'won');
    expect(won).toHaveLength(1);
    const winner = won[0]!.outcome === 'won' ? won[0]!.record : undefined;
    for (const lost of outcomes.filter((o) => o.outcome === 'lost')) {
      expect(lost.outcome === 'lost' && lost.current?.state).toBe('approved');
    }
    const stored = await a.remediation.getRequest('req-1');
    expect(stored).toEqual(winner);
    expect(stored?.lease?.owner).toBe(stored?.approval?.by);
    const events = await b.remediation.auditEvents();
    expect(events.map((e) => e.event)).toEqual(['fix.requested', 'fix.approved']);
    expect(events[1]?.actor).toBe(stored?.approval?.by);
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('merges changes, removes fields set to undefined, and throws for a move the machine does not have', async () => {
    await a.remediation.createRequest(request({ note: 'first' }), audit('fix.requested'));
    const moved = await a.remediation.transitionRequest({ id: 'req-1', from: 'requested', to: 'rejected', changes: { note: undefined, rejection: { by: 'U0BOB', at: 't', reason: 'no' } } });
    expect(moved.outcome).toBe('won');
    const stored = await a.remediation.getRequest('req-1');
    expect(stored).toMatchObject({ state: 'rejected', rejection: { by: 'U0BOB', reason: 'no' }, preview: request().preview });
    expect(stored && 'note' in stored).toBe(false);
    await expect(a.remediation.transitionRequest({ id: 'req-1', from: 'rejected', to: 'applied', changes: {} })).rejects.toBeInstanceOf(TransitionError);
    expect(await a.remediation.transitionRequest({ id: 'missing', from: 'requested', to: 'expired', changes: {} })).toEqual({ outcome: 'lost', current: undefined });
    // Leaving the open states frees the target for a new request.
    expect(await a.remediation.openRequestFor(findingKey(FINDING))).toBeUndefined();
    expect(await b.remediation.createRequest(request({ id: 'req-2' }), audit('fix.requested', 'req-2'))).toBe(true);
  });

  it('writes the audit event if and only if the transition wins', async () => {
    await a.remediation.createRequest(request(), audit('fix.requested'));
    const lost = await a.remediation.transitionRequest({ id: 'req-1', from: 'approved', to: 'applying', changes: {}, audit: audit('fix.applying') });
    expect(lost.outcome).toBe('lost');
    expect((await a.remediation.auditEvents()).map((e) => e.event)).toEqual(['fix.requested']);
    // A transaction that DynamoDB cancels (a conflict on every attempt) writes neither the state nor the event.
    env.local.inject({ operation: 'TransactWriteItems', kind: 'transaction-conflict', times: 1000 });
    await expect(
      a.remediation.transitionRequest({ id: 'req-1', from: 'requested', to: 'expired', changes: {}, audit: audit('fix.expired') }),
    ).rejects.toThrow();
    env.local.clearFaults();
    expect((await a.remediation.getRequest('req-1'))?.state).toBe('requested');
    expect((await a.remediation.auditEvents()).map((e) => e.event)).toEqual(['fix.requested']);
  }, 60_000);

  it('lets only the lease holder act while the lease runs, and anyone settle it after it expired', async () => {
    await a.remediation.createRequest(request(), audit('fix.requested'));
    await a.remediation.transitionRequest({ id: 'req-1', from: 'requested', to: 'approved', changes: {}, lease: { take: { owner: 'proc-a', expiresAt: '2026-11-25T09:10:00.000Z' } } });
    await a.remediation.transitionRequest({ id: 'req-1', from: 'approved', to: 'applying', changes: {}, lease: { holder: 'proc-a', now: '2026-11-25T09:06:00.000Z' } });
    // Journal progress and a renewal by the holder, in place.
    const progress = await a.remediation.transitionRequest({
      id: 'req-1',
      from: 'applying',
      to: 'applying',
      changes: { journal: { step: 'revoking' } },
      lease: { holder: 'proc-a', now: '2026-11-25T09:07:00.000Z', renewUntil: '2026-11-25T09:20:00.000Z' },
      audit: audit('fix.progress'),
    });
    expect(progress.outcome === 'won' && progress.record.lease).toEqual({ owner: 'proc-a', expiresAt: '2026-11-25T09:20:00.000Z' });
    // Not the holder; the holder after expiry; a settler before expiry: all lose.
    expect((await b.remediation.transitionRequest({ id: 'req-1', from: 'applying', to: 'applied', changes: {}, lease: { holder: 'proc-b', now: '2026-11-25T09:08:00.000Z' } })).outcome).toBe('lost');
    expect((await a.remediation.transitionRequest({ id: 'req-1', from: 'applying', to: 'applied', changes: {}, lease: { holder: 'proc-a', now: '2026-11-25T09:21:00.000Z' } })).outcome).toBe('lost');
    expect((await b.remediation.transitionRequest({ id: 'req-1', from: 'applying', to: 'failed', changes: {}, lease: { expiredBefore: '2026-11-25T09:19:00.000Z' } })).outcome).toBe('lost');
    await expect(a.remediation.transitionRequest({ id: 'req-1', from: 'applying', to: 'applying', changes: {} })).rejects.toBeInstanceOf(TransitionError);
    expect((await a.remediation.requestsIn(['applying'])).map((r) => r.id)).toEqual(['req-1']);
    // After expiry another process settles it; the lease is cleared on leaving the in-flight states.
    const settled = await b.remediation.transitionRequest({
      id: 'req-1',
      from: 'applying',
      to: 'failed',
      changes: { note: 'reconciled' },
      lease: { expiredBefore: '2026-11-25T09:21:00.000Z' },
      audit: audit('fix.reconciled', 'req-1', 'awscheck'),
    });
    expect(settled.outcome).toBe('won');
    const stored = await a.remediation.getRequest('req-1');
    expect(stored?.state).toBe('failed');
    expect(stored?.lease).toBeUndefined();
    expect(stored?.journal).toEqual({ step: 'revoking' });
    expect(await a.remediation.requestsIn(['applying'])).toEqual([]);
    expect((await a.remediation.auditEvents()).map((e) => e.event)).toEqual(['fix.requested', 'fix.progress', 'fix.reconciled']);
  });

  it('keeps the message reference through transitions, and lists requests in creation order', async () => {
    await a.remediation.createRequest(request(), audit('fix.requested'));
    const other = result({ resourceId: 'sg-2' });
    await a.remediation.createRequest(request({ id: 'req-2', finding: other, findingKey: findingKey(other) }), audit('fix.requested', 'req-2'));
    await b.remediation.setRequestMessage('req-1', { channel: 'C1', ts: '1.1' });
    await a.remediation.transitionRequest({ id: 'req-1', from: 'requested', to: 'expired', changes: {} });
    expect((await a.remediation.getRequest('req-1'))?.message).toEqual({ channel: 'C1', ts: '1.1' });
    expect((await a.remediation.requestsIn(['requested', 'expired'])).map((r) => r.id)).toEqual(['req-1', 'req-2']);
    await a.remediation.setRequestMessage('missing', { channel: 'C1', ts: '1' });
    expect(await a.remediation.getRequest('missing')).toBeUndefined();
  });

  it('refuses an undo request while another request holds the target, and takes the target back otherwise', async () => {
    await a.remediation.createRequest(request({ state: 'requested' }), audit('fix.requested'));
    await a.remediation.transitionRequest({ id: 'req-1', from: 'requested', to: 'approved', changes: {}, lease: { take: { owner: 'p', expiresAt: '2026-11-25T10:00:00.000Z' } } });
    await a.remediation.transitionRequest({ id: 'req-1', from: 'approved', to: 'applying', changes: {}, lease: { holder: 'p', now: '2026-11-25T09:00:00.000Z' } });
    await a.remediation.transitionRequest({ id: 'req-1', from: 'applying', to: 'applied', changes: {}, lease: { holder: 'p', now: '2026-11-25T09:00:00.000Z' } });
    expect(await a.remediation.createRequest(request({ id: 'req-2' }), audit('fix.requested', 'req-2'))).toBe(true);
    const undo = await a.remediation.transitionRequest({ id: 'req-1', from: 'applied', to: 'undo_requested', changes: {}, audit: audit('fix.undo_requested') });
    expect(undo.outcome).toBe('lost');
    expect((await a.remediation.auditEvents()).map((e) => e.event)).not.toContain('fix.undo_requested');
    await a.remediation.transitionRequest({ id: 'req-2', from: 'requested', to: 'rejected', changes: {} });
    expect((await a.remediation.transitionRequest({ id: 'req-1', from: 'applied', to: 'undo_requested', changes: {} })).outcome).toBe('won');
    expect((await b.remediation.openRequestFor(findingKey(FINDING)))?.id).toBe('req-1');
  });

  it('stores risks with their audit events and moves them once', async () => {
    await a.remediation.createRisk(risk(), audit('risk.requested', 'risk-1'));
    await a.remediation.createRisk(risk({ id: 'risk-0', state: 'accepted', expiresAt: '2026-11-30T00:00:00.000Z' }), audit('risk.accepted', 'risk-0'));
    const accept = (store: DynamoDbStore, by: string) =>
      store.remediation.transitionRisk({ id: 'risk-1', from: 'requested', to: 'accepted', changes: { decision: { by, at: 't' } }, audit: audit('risk.accepted', 'risk-1', by) });
    const outcomes = await Promise.all([accept(a, 'U1'), accept(b, 'U2')]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['lost', 'won']);
    expect((await a.remediation.risksIn(['accepted'])).map((r) => r.id)).toEqual(['risk-0', 'risk-1']);
    await b.remediation.setRiskMessage('risk-1', { channel: 'C2', ts: '2.2' });
    expect((await a.remediation.getRisk('risk-1'))?.message).toEqual({ channel: 'C2', ts: '2.2' });
    expect((await a.remediation.auditEvents()).filter((e) => e.event === 'risk.accepted')).toHaveLength(2);
    await expect(a.remediation.transitionRisk({ id: 'risk-1', from: 'accepted', to: 'requested', changes: {} })).rejects.toBeInstanceOf(TransitionError);
    await expect(a.remediation.createRisk(risk(), audit('risk.requested', 'risk-1'))).rejects.toThrow(/already exists/);
  });

  it('numbers audit events from many writers without gaps or duplicates, and returns the latest N in order', async () => {
    const writers = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).remediation.appendAudit(audit(`fix.refused.${i}`)));
    const written = await Promise.all(writers);
    expect(written.map((e) => e.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const all = await a.remediation.auditEvents();
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(all.find((e) => e.seq === 7)).toEqual(written.find((e) => e.seq === 7));
    expect((await a.remediation.auditEvents({ limit: 3 })).map((e) => e.seq)).toEqual([18, 19, 20]);
  }, 60_000);

  it('reports a transition whose answer was lost and resent by the SDK as won, written once', async () => {
    const store = env.store(table, { maxAttempts: 3 });
    await store.remediation.createRequest(request(), audit('fix.requested'));
    env.local.inject({ operation: 'TransactWriteItems', kind: 'lost-response', times: 1 });
    const moved = await store.remediation.transitionRequest({ id: 'req-1', from: 'requested', to: 'approved', changes: {}, audit: audit('fix.approved'), lease: { take: { owner: 'me', expiresAt: '2026-11-25T10:00:00.000Z' } } });
    expect(env.local.pendingFaults()).toBe(0);
    expect(moved.outcome).toBe('won');
    expect((await store.remediation.auditEvents()).map((e) => e.event)).toEqual(['fix.requested', 'fix.approved']);
  });

  it('never overwrites an audit event, even with the counter set back', async () => {
    for (const event of ['fix.refused.1', 'fix.refused.2', 'fix.refused.3']) await a.remediation.appendAudit(audit(event));
    await a.tableClient.doc.send(new UpdateCommand({ TableName: table, Key: { pk: 'SEQ#AUDIT', sk: 'SEQ' }, UpdateExpression: 'SET #s = :one', ExpressionAttributeNames: { '#s': 'seq' }, ExpressionAttributeValues: { ':one': 1 } }));
    await expect(a.remediation.appendAudit(audit('fix.refused.4'))).rejects.toThrow(/audit event #2 already exists .* never overwritten/);
    await a.remediation.createRequest(request(), audit('fix.requested')).catch(() => undefined);
    expect(await a.remediation.getRequest('req-1')).toBeUndefined();
    expect((await a.remediation.auditEvents()).map((e) => e.event)).toEqual(['fix.refused.1', 'fix.refused.2', 'fix.refused.3']);
  });

  it('loses no write to throttling or a transaction conflict: the SDK and the store retry', async () => {
    const store = env.store(table, { maxAttempts: 6 });
    env.local.inject({ operation: 'PutItem', kind: 'throttle', times: 2 });
    env.local.inject({ operation: 'TransactWriteItems', kind: 'throttle', times: 2 });
    env.local.inject({ operation: 'GetItem', kind: 'throttle', times: 1 });
    expect(await store.claimSlot('daily-report:x', 'me', '2026-11-25T00:00:00.000Z')).toBe(true);
    expect(await store.remediation.createRequest(request(), audit('fix.requested'))).toBe(true);
    env.local.inject({ operation: 'TransactWriteItems', kind: 'transaction-conflict', times: 3 });
    const moved = await store.remediation.transitionRequest({ id: 'req-1', from: 'requested', to: 'expired', changes: {}, audit: audit('fix.expired') });
    expect(moved.outcome).toBe('won');
    expect(env.local.pendingFaults()).toBe(0);
    expect((await store.remediation.auditEvents()).map((e) => [e.seq, e.event])).toEqual([
      [1, 'fix.requested'],
      [2, 'fix.expired'],
    ]);
    expect(await b.claimSlot('daily-report:x', 'other', 'now')).toBe(false);
  }, 60_000);
});
