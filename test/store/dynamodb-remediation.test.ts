// What DynamoDB adds to the shared remediation contract (test/store/dynamodb-remediation.contract.test.ts):
// the message set by one replica kept through another's transition, the open-target lock item, the audit
// counter under many writers, an answer lost and resent, and throttling or a transaction conflict never
// losing a write.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DynamoDbStore } from '../../src/store/dynamodb/history-store.ts';
import { findingKey } from '../../src/store/finding-key.ts';
import { auditEvent, FINDING, fixRequest } from '../remediation/fixtures.ts';
import { type LocalTables, localTables } from './dynamodb-env.ts';

/** An audit event about req-1 (or the given subject). */
const audit = (event: string, subjectId = 'req-1') => auditEvent(event, { subjectId });

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
  it('keeps the message reference through transitions, and lists requests in creation order', async () => {
    await a.remediation.createRequest(fixRequest(), audit('fix.requested'));
    const other = { ...FINDING, resourceId: 'sg-2' };
    await a.remediation.createRequest(fixRequest({ id: 'req-2', finding: other, findingKey: findingKey(other) }), audit('fix.requested', 'req-2'));
    await b.remediation.setRequestMessage('req-1', { channel: 'C1', ts: '1.1' });
    await a.remediation.transitionRequest({ id: 'req-1', from: 'requested', to: 'expired', changes: {} });
    expect((await a.remediation.getRequest('req-1'))?.message).toEqual({ channel: 'C1', ts: '1.1' });
    expect((await a.remediation.requestsIn(['requested', 'expired'])).map((r) => r.id)).toEqual(['req-1', 'req-2']);
    await a.remediation.setRequestMessage('missing', { channel: 'C1', ts: '1' });
    expect(await a.remediation.getRequest('missing')).toBeUndefined();
  });

  it('refuses an undo request while another request holds the target, and takes the target back otherwise', async () => {
    await a.remediation.createRequest(fixRequest({ state: 'requested' }), audit('fix.requested'));
    await a.remediation.transitionRequest({ id: 'req-1', from: 'requested', to: 'approved', changes: {}, lease: { take: { owner: 'p', expiresAt: '2026-11-25T10:00:00.000Z' } } });
    await a.remediation.transitionRequest({ id: 'req-1', from: 'approved', to: 'applying', changes: {}, lease: { holder: 'p', now: '2026-11-25T09:00:00.000Z' } });
    await a.remediation.transitionRequest({ id: 'req-1', from: 'applying', to: 'applied', changes: {}, lease: { holder: 'p', now: '2026-11-25T09:00:00.000Z' } });
    expect(await a.remediation.createRequest(fixRequest({ id: 'req-2' }), audit('fix.requested', 'req-2'))).toBe(true);
    const undo = await a.remediation.transitionRequest({ id: 'req-1', from: 'applied', to: 'undo_requested', changes: {}, audit: audit('fix.undo_requested') });
    expect(undo.outcome).toBe('lost');
    expect((await a.remediation.auditEvents()).map((e) => e.event)).not.toContain('fix.undo_requested');
    await a.remediation.transitionRequest({ id: 'req-2', from: 'requested', to: 'rejected', changes: {} });
    expect((await a.remediation.transitionRequest({ id: 'req-1', from: 'applied', to: 'undo_requested', changes: {} })).outcome).toBe('won');
    expect((await b.remediation.openRequestFor(findingKey(FINDING)))?.id).toBe('req-1');
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
    await store.remediation.createRequest(fixRequest(), audit('fix.requested'));
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
    await a.remediation.createRequest(fixRequest(), audit('fix.requested')).catch(() => undefined);
    expect(await a.remediation.getRequest('req-1')).toBeUndefined();
    expect((await a.remediation.auditEvents()).map((e) => e.event)).toEqual(['fix.refused.1', 'fix.refused.2', 'fix.refused.3']);
  });

  it('loses no write to throttling or a transaction conflict: the SDK and the store retry', async () => {
    const store = env.store(table, { maxAttempts: 6 });
    env.local.inject({ operation: 'PutItem', kind: 'throttle', times: 2 });
    env.local.inject({ operation: 'TransactWriteItems', kind: 'throttle', times: 2 });
    env.local.inject({ operation: 'GetItem', kind: 'throttle', times: 1 });
    expect(await store.claimSlot('daily-report:x', 'me', '2026-11-25T00:00:00.000Z')).toBe(true);
    expect(await store.remediation.createRequest(fixRequest(), audit('fix.requested'))).toBe(true);
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
