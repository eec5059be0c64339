// The RemediationStore contract as tests, for every implementation (SQLite, DynamoDB): conditional moves
// won by exactly one caller, each with its audit event in the same write; one open request per target;
// leases on in-flight work; the append-only trail. Only the RemediationStore interface is used here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IN_FLIGHT, OPEN_STATES, REQUEST_STATES, TransitionError } from '../../../src/remediation/state.ts';
import type {
  FixRequest,
  LeaseCondition,
  NewAuditEvent,
  RemediationStore,
  RequestTransition,
  RiskAcceptance,
} from '../../../src/remediation/store.ts';
import { auditEvent, FINDING, fixRequest } from '../../remediation/fixtures.ts';

export interface OpenedStore {
  store: RemediationStore;
  close(): Promise<void>;
}

const T0 = '2026-11-25T09:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

function request(overrides: Partial<FixRequest> = {}): FixRequest {
  return fixRequest({ findingKey: 'target-1', inputs: { cidr: '198.51.100.0/24' }, ...overrides });
}

function risk(overrides: Partial<RiskAcceptance> = {}): RiskAcceptance {
  return {
    id: 'risk-1',
    findingKey: 'finding-1',
    finding: FINDING,
    reason: 'bastion host',
    state: 'requested',
    requestedBy: 'U0ALICE',
    requestedAt: T0,
    requestExpiresAt: at(86_400),
    expiresAt: at(90 * 86_400),
    updatedAt: T0,
    ...overrides,
  };
}

function event(name: string, subjectId = 'req-1', overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return auditEvent(name, { subjectId, ...overrides });
}

const take = (owner: string, expiresAt: string): LeaseCondition => ({ take: { owner, expiresAt } });
const holder = (owner: string, now: string, renewUntil?: string): LeaseCondition => ({ holder: owner, now, ...(renewUntil ? { renewUntil } : {}) });

export function describeRemediationStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`RemediationStore contract: ${name}`, () => {
    let opened: OpenedStore;
    let store: RemediationStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    const names = async () => (await store.auditEvents()).map((e) => e.event);
    const move = (t: Partial<RequestTransition> & Pick<RequestTransition, 'from' | 'to'>) =>
      store.transitionRequest({ id: 'req-1', changes: { updatedAt: T0 }, ...t });

    /** A stored request taken into `applying` by `owner` (lease until +60 s). */
    async function applying(owner = 'proc-a'): Promise<void> {
      await store.createRequest(request(), event('fix.requested'));
      await move({ from: 'requested', to: 'approved', lease: take(owner, at(60)), changes: { approval: { by: 'U0BOB', at: T0 } } });
      await move({ from: 'approved', to: 'applying', lease: holder(owner, at(1)) });
    }

    describe('creating', () => {
      it('stores a request with its audit event', async () => {
        expect(await store.createRequest(request(), event('fix.requested'))).toBe(true);
        expect(await store.getRequest('req-1')).toMatchObject({ id: 'req-1', state: 'requested', inputs: { cidr: '198.51.100.0/24' } });
        expect(await names()).toEqual(['fix.requested']);
      });

      it('refuses a second open request for the same target in each open state, writing nothing', async () => {
        for (const state of OPEN_STATES) {
          const o = await open();
          try {
            const first = request({ id: `first-${state}`, state, ...(IN_FLIGHT.includes(state) ? { lease: { owner: 'p', expiresAt: at(60) } } : {}) });
            expect(await o.store.createRequest(first, event('fix.requested', first.id))).toBe(true);
            expect(await o.store.createRequest(request({ id: 'second' }), event('fix.requested', 'second')), state).toBe(false);
            expect(await o.store.getRequest('second')).toBeUndefined();
            expect((await o.store.auditEvents()).map((e) => e.subjectId)).toEqual([first.id]);
            expect((await o.store.openRequestFor('target-1'))?.id).toBe(first.id);
          } finally {
            await o.close();
          }
        }
      });

      it('allows a new request for the target once the open one is settled, and for another target at once', async () => {
        await store.createRequest(request(), event('fix.requested'));
        expect(await store.createRequest(request({ id: 'other', findingKey: 'target-2' }), event('fix.requested', 'other'))).toBe(true);
        await move({ from: 'requested', to: 'rejected' });
        expect(await store.openRequestFor('target-1')).toBeUndefined();
        expect(await store.createRequest(request({ id: 'req-2' }), event('fix.requested', 'req-2'))).toBe(true);
      });

      it('counts exactly OPEN_STATES as open', async () => {
        let n = 0;
        for (const state of REQUEST_STATES) {
          const key = `t-${state}`;
          await store.createRequest(request({ id: `r-${n++}`, findingKey: key, state }), event('fix.requested', `r-${n}`));
          expect(Boolean(await store.openRequestFor(key)), state).toBe(OPEN_STATES.includes(state));
        }
      });
    });

    describe('transitions', () => {
      it('moves a request only from the state it is in: exactly one of concurrent callers wins', async () => {
        await store.createRequest(request(), event('fix.requested'));
        const results = await Promise.all(
          ['U0A', 'U0B', 'U0C', 'U0D'].map((by) =>
            move({ from: 'requested', to: 'approved', lease: take(`proc-${by}`, at(60)), changes: { approval: { by, at: T0 } }, audit: event('fix.approved', 'req-1', { actor: by }) }),
          ),
        );
        const won = results.filter((r) => r.outcome === 'won');
        expect(won).toHaveLength(1);
        const winner = won[0]!.outcome === 'won' ? won[0]!.record : undefined;
        expect(winner?.state).toBe('approved');
        for (const r of results.filter((x) => x.outcome === 'lost')) {
          expect(r.outcome === 'lost' && r.current?.approval?.by).toBe(winner?.approval?.by);
        }
        // The audit event is written iff the move was won.
        expect(await names()).toEqual(['fix.requested', 'fix.approved']);
        expect((await store.auditEvents()).at(-1)?.actor).toBe(winner?.approval?.by);
      });

      it('returns lost with the current record when the state moved on, and lost without one for an unknown id', async () => {
        await store.createRequest(request(), event('fix.requested'));
        expect((await move({ from: 'requested', to: 'rejected', audit: event('fix.rejected') })).outcome).toBe('won');
        const lost = await move({ from: 'requested', to: 'expired', audit: event('fix.expired') });
        expect(lost).toMatchObject({ outcome: 'lost', current: { state: 'rejected' } });
        expect(await store.transitionRequest({ id: 'nope', from: 'requested', to: 'rejected', changes: {} })).toEqual({ outcome: 'lost', current: undefined });
        expect(await names()).toEqual(['fix.requested', 'fix.rejected']);
      });

      it('merges changes onto the stored record; a key set to undefined removes the field', async () => {
        await store.createRequest(request({ note: 'old note' }), event('fix.requested'));
        const result = await move({ from: 'requested', to: 'rejected', changes: { rejection: { by: 'U0BOB', at: T0, reason: 'no' }, note: undefined, updatedAt: at(5) } });
        expect(result.outcome).toBe('won');
        const stored = await store.getRequest('req-1');
        expect(stored).toMatchObject({ state: 'rejected', rejection: { by: 'U0BOB', reason: 'no' }, updatedAt: at(5), inputs: { cidr: '198.51.100.0/24' } });
        expect(stored).not.toHaveProperty('note');
      });

      it('throws TransitionError for a move the machine lacks, writing nothing', async () => {
        await store.createRequest(request(), event('fix.requested'));
        await expect(move({ from: 'requested', to: 'applying', lease: take('p', at(60)) })).rejects.toBeInstanceOf(TransitionError);
        await expect(move({ from: 'undone', to: 'requested' })).rejects.toThrow(/cannot go from undone to requested/);
        await expect(store.transitionRisk({ id: 'risk-1', from: 'revoked', to: 'accepted', changes: {} })).rejects.toBeInstanceOf(TransitionError);
        expect(await names()).toEqual(['fix.requested']);
        expect((await store.getRequest('req-1'))?.state).toBe('requested');
      });

      it('allows from === to only for an in-flight state with a holder condition', async () => {
        await store.createRequest(request(), event('fix.requested'));
        await expect(move({ from: 'requested', to: 'requested' })).rejects.toBeInstanceOf(TransitionError);
        await expect(move({ from: 'requested', to: 'requested', lease: holder('p', T0) })).rejects.toBeInstanceOf(TransitionError);
        await expect(move({ from: 'applying', to: 'applying', lease: { expiredBefore: T0 } })).rejects.toBeInstanceOf(TransitionError);
        await expect(move({ from: 'applying', to: 'applying' })).rejects.toBeInstanceOf(TransitionError);
      });

      it('needs a lease taken to enter the in-flight states, and held or expired to move within or leave them', async () => {
        await store.createRequest(request(), event('fix.requested'));
        await expect(move({ from: 'requested', to: 'approved' })).rejects.toBeInstanceOf(TransitionError);
        await expect(move({ from: 'approved', to: 'applying' })).rejects.toBeInstanceOf(TransitionError);
        await expect(move({ from: 'applying', to: 'applied' })).rejects.toBeInstanceOf(TransitionError);
        await expect(move({ from: 'undoing', to: 'undone', lease: take('p', at(60)) })).rejects.toBeInstanceOf(TransitionError);
      });
    });

    describe('leases', () => {
      it('take: the in-flight record carries the lease taken', async () => {
        await store.createRequest(request(), event('fix.requested'));
        const won = await move({ from: 'requested', to: 'approved', lease: take('proc-a', at(60)) });
        expect(won.outcome === 'won' && won.record.lease).toEqual({ owner: 'proc-a', expiresAt: at(60) });
        expect((await store.getRequest('req-1'))?.lease).toEqual({ owner: 'proc-a', expiresAt: at(60) });
      });

      it('holder: only the owner of an unexpired lease may act; others lose, and so does the owner once it expired', async () => {
        await applying('proc-a');
        expect((await move({ from: 'applying', to: 'applied', lease: holder('proc-b', at(2)), audit: event('fix.applied') })).outcome).toBe('lost');
        expect((await move({ from: 'applying', to: 'applied', lease: holder('proc-a', at(61)), audit: event('fix.applied') })).outcome).toBe('lost');
        expect((await move({ from: 'applying', to: 'applied', lease: holder('proc-a', at(60)), audit: event('fix.applied') })).outcome).toBe('lost');
        expect(await names()).toEqual(['fix.requested']);
        const won = await move({ from: 'applying', to: 'applied', lease: holder('proc-a', at(59)), audit: event('fix.applied') });
        expect(won.outcome).toBe('won');
        expect(await names()).toEqual(['fix.requested', 'fix.applied']);
      });

      it('holder with renewUntil extends the lease; from === to records journal progress without changing state', async () => {
        await applying('proc-a');
        const renewed = await move({ from: 'applying', to: 'applying', lease: holder('proc-a', at(50), at(120)), changes: { journal: { intent: 'add rule X' } } });
        expect(renewed.outcome).toBe('won');
        const stored = await store.getRequest('req-1');
        expect(stored).toMatchObject({ state: 'applying', lease: { owner: 'proc-a', expiresAt: at(120) }, journal: { intent: 'add rule X' } });
        // Without renewUntil the lease stays as it was.
        await move({ from: 'applying', to: 'applying', lease: holder('proc-a', at(100)), changes: { journal: { intent: 'add rule X', added: 'sgr-1' } } });
        expect(await store.getRequest('req-1')).toMatchObject({ lease: { expiresAt: at(120) }, journal: { added: 'sgr-1' } });
        // Someone else cannot renew it.
        expect((await move({ from: 'applying', to: 'applying', lease: holder('proc-b', at(100), at(500)) })).outcome).toBe('lost');
        expect((await store.getRequest('req-1'))?.lease?.owner).toBe('proc-a');
      });

      it('expiredBefore: another process settles only a lease that has expired by then', async () => {
        await applying('proc-a');
        expect((await move({ from: 'applying', to: 'failed', lease: { expiredBefore: at(59) }, audit: event('fix.reconciled') })).outcome).toBe('lost');
        expect((await store.getRequest('req-1'))?.state).toBe('applying');
        expect(await names()).toEqual(['fix.requested']);
        expect((await move({ from: 'applying', to: 'applied', lease: { expiredBefore: at(61) }, audit: event('fix.reconciled') })).outcome).toBe('won');
        expect(await names()).toEqual(['fix.requested', 'fix.reconciled']);
        // The owner, back too late, loses and must reconcile instead of claiming.
        expect((await move({ from: 'applying', to: 'applied', lease: holder('proc-a', at(62)) })).outcome).toBe('lost');
      });

      it('expiredBefore: an in-flight request without a lease counts as expired', async () => {
        await store.createRequest(request({ state: 'undoing' }), event('fix.requested'));
        expect((await move({ from: 'undoing', to: 'applied', lease: { expiredBefore: T0 } })).outcome).toBe('won');
      });

      it('take: an undo approval takes a fresh lease', async () => {
        await store.createRequest(request({ state: 'applied', result: { status: 'applied', before: {}, after: {}, requestIds: ['r1'], message: 'ok', verified: true, at: T0 } }), event('fix.applied'));
        await move({ from: 'applied', to: 'undo_requested' });
        expect((await move({ from: 'undo_requested', to: 'undoing', lease: take('proc-a', at(60)) })).outcome).toBe('won');
        expect((await store.getRequest('req-1'))?.lease).toEqual({ owner: 'proc-a', expiresAt: at(60) });
      });

      it('clears the lease when the request leaves the in-flight states', async () => {
        await applying('proc-a');
        await move({ from: 'applying', to: 'applied', lease: holder('proc-a', at(10)) });
        expect(await store.getRequest('req-1')).not.toHaveProperty('lease');
        await move({ from: 'applied', to: 'undo_requested' });
        await move({ from: 'undo_requested', to: 'undoing', lease: take('proc-b', at(60)) });
        await move({ from: 'undoing', to: 'applied', lease: { expiredBefore: at(61) } });
        expect(await store.getRequest('req-1')).not.toHaveProperty('lease');
      });

      it('keeps the lease and journal when moving within the in-flight states', async () => {
        await store.createRequest(request(), event('fix.requested'));
        await move({ from: 'requested', to: 'approved', lease: take('proc-a', at(60)), changes: { journal: { step: 1 } } });
        await move({ from: 'approved', to: 'applying', lease: holder('proc-a', at(1)) });
        expect(await store.getRequest('req-1')).toMatchObject({ state: 'applying', lease: { owner: 'proc-a', expiresAt: at(60) }, journal: { step: 1 } });
        const settled = await move({ from: 'applying', to: 'applied', lease: holder('proc-a', at(2)) });
        expect(settled.outcome === 'won' && settled.record.journal).toEqual({ step: 1 });
      });

      it('lists in-flight requests with their leases', async () => {
        await applying('proc-a');
        const listed = await store.requestsIn(IN_FLIGHT);
        expect(listed.map((r) => [r.id, r.state, r.lease?.owner])).toEqual([['req-1', 'applying', 'proc-a']]);
      });
    });

    describe('risks', () => {
      it('stores a risk with its audit event', async () => {
        await store.createRisk(risk(), event('risk.requested', 'risk-1', { subject: 'risk' }));
        expect(await store.getRisk('risk-1')).toMatchObject({ state: 'requested', reason: 'bastion host' });
        expect(await store.risksIn(['requested'])).toHaveLength(1);
        expect((await store.auditEvents()).map((e) => [e.event, e.subject])).toEqual([['risk.requested', 'risk']]);
      });

      it('moves a risk only from its state, once, with its audit event iff won', async () => {
        await store.createRisk(risk(), event('risk.requested', 'risk-1', { subject: 'risk' }));
        const results = await Promise.all(
          ['U0B', 'U0C'].map((by) =>
            store.transitionRisk({
              id: 'risk-1',
              from: 'requested',
              to: 'accepted',
              changes: { decision: { by, at: T0 }, updatedAt: at(1) },
              audit: event('risk.accepted', 'risk-1', { subject: 'risk', actor: by }),
            }),
          ),
        );
        expect(results.filter((r) => r.outcome === 'won')).toHaveLength(1);
        expect(results.filter((r) => r.outcome === 'lost')[0]).toMatchObject({ current: { state: 'accepted' } });
        expect(await names()).toEqual(['risk.requested', 'risk.accepted']);
        const revoked = await store.transitionRisk({ id: 'risk-1', from: 'accepted', to: 'revoked', changes: { revocation: { by: 'U0B', at: at(2) } }, audit: event('risk.revoked', 'risk-1', { subject: 'risk' }) });
        expect(revoked).toMatchObject({ outcome: 'won', record: { state: 'revoked', revocation: { by: 'U0B' } } });
        expect(await store.transitionRisk({ id: 'risk-1', from: 'accepted', to: 'revoked', changes: {} })).toMatchObject({ outcome: 'lost', current: { state: 'revoked' } });
        expect(await names()).toEqual(['risk.requested', 'risk.accepted', 'risk.revoked']);
      });
    });

    describe('audit trail', () => {
      it('keeps events in the order written, with increasing seq, and returns the latest N oldest first', async () => {
        await store.createRequest(request(), event('fix.requested'));
        await store.appendAudit(event('fix.refused', 'req-1', { actor: 'U0EVE', detail: { reason: 'not-approver' } }));
        await move({ from: 'requested', to: 'rejected', audit: event('fix.rejected', 'req-1', { detail: { reason: 'no' } }) });
        const all = await store.auditEvents();
        expect(all.map((e) => e.event)).toEqual(['fix.requested', 'fix.refused', 'fix.rejected']);
        expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => a - b));
        expect(new Set(all.map((e) => e.seq)).size).toBe(3);
        expect(all[1]).toMatchObject({ actor: 'U0EVE', detail: { reason: 'not-approver' } });
        expect((await store.auditEvents({ limit: 2 })).map((e) => e.event)).toEqual(['fix.refused', 'fix.rejected']);
      });

      it('is append-only: a later write never changes an earlier event', async () => {
        const first = await store.appendAudit(event('fix.refused', 'req-1', { detail: { note: 'first' } }));
        await store.appendAudit(event('fix.refused', 'req-1', { detail: { note: 'second' } }));
        const all = await store.auditEvents();
        expect(all[0]).toEqual(first);
        expect(all).toHaveLength(2);
      });
    });

    it('keeps the approval message beside the record, untouched by transitions', async () => {
      await store.createRequest(request(), event('fix.requested'));
      await store.setRequestMessage('req-1', { channel: 'C0APPROVE', ts: '1.2' });
      await move({ from: 'requested', to: 'rejected' });
      expect((await store.getRequest('req-1'))?.message).toEqual({ channel: 'C0APPROVE', ts: '1.2' });
      await store.createRisk(risk(), event('risk.requested', 'risk-1', { subject: 'risk' }));
      await store.setRiskMessage('risk-1', { channel: 'C0APPROVE', ts: '3.4' });
      await store.transitionRisk({ id: 'risk-1', from: 'requested', to: 'expired', changes: {} });
      expect((await store.getRisk('risk-1'))?.message).toEqual({ channel: 'C0APPROVE', ts: '3.4' });
    });

    it('state list sanity: every in-flight state is open', () => {
      for (const state of IN_FLIGHT) expect(OPEN_STATES).toContain(state);
    });
  });
}
