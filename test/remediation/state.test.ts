// The persisted state machines: which moves exist, and that every move is a conditional update that
// exactly one caller wins.
import { afterEach, describe, expect, it } from 'vitest';
import {
  canTransition,
  canTransitionRisk,
  isFinal,
  REQUEST_STATES,
  type RequestState,
  TransitionError,
} from '../../src/remediation/state.ts';
import { fixRequest, memoryStore, riskAcceptance } from './fixtures.ts';

const stores: ReturnType<typeof memoryStore>[] = [];
function store() {
  const s = memoryStore();
  stores.push(s);
  return s.remediation;
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

describe('fix request transitions', () => {
  it('allows exactly the documented moves', () => {
    const allowed = REQUEST_STATES.flatMap((from) => REQUEST_STATES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      [
        'requested→approved',
        'requested→rejected',
        'requested→expired',
        'requested→failed',
        'approved→applying',
        'approved→failed',
        'applying→applied',
        'applying→unchanged',
        'applying→failed',
        'applied→undo_requested',
        'undo_requested→undoing',
        'undo_requested→applied',
        'undoing→undone',
        'undoing→applied',
      ].sort(),
    );
  });

  it('has no way out of a final state, and never from requested straight to applying', () => {
    const finals = REQUEST_STATES.filter(isFinal);
    expect(finals.sort()).toEqual(['expired', 'failed', 'rejected', 'unchanged', 'undone']);
    expect(canTransition('requested', 'applying')).toBe(false);
    expect(canTransition('applied', 'applying')).toBe(false);
  });

  it('moves a stored request only from the state it is still in', async () => {
    const s = store();
    await s.createRequest(fixRequest());
    expect(await s.transitionRequest(fixRequest({ state: 'approved', approval: { by: 'U0BOB', at: 'now' } }), 'requested')).toBe(true);
    // A second approver holding the old record loses: the row is no longer `requested`.
    expect(await s.transitionRequest(fixRequest({ state: 'approved', approval: { by: 'U0CAROL', at: 'now' } }), 'requested')).toBe(false);
    expect(await s.transitionRequest(fixRequest({ state: 'rejected' }), 'requested')).toBe(false);
    const stored = await s.getRequest('req-1');
    expect(stored).toMatchObject({ state: 'approved', approval: { by: 'U0BOB' } });
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const s = store();
    await s.createRequest(fixRequest());
    const claims = await Promise.all(
      ['U0A', 'U0B', 'U0C', 'U0D'].map((by) => s.transitionRequest(fixRequest({ state: 'approved', approval: { by, at: 'now' } }), 'requested')),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('refuses a move the machine does not have, before touching the row', async () => {
    const s = store();
    await s.createRequest(fixRequest());
    await expect(s.transitionRequest(fixRequest({ state: 'applying' }), 'requested')).rejects.toBeInstanceOf(TransitionError);
    await expect(s.transitionRequest(fixRequest({ state: 'requested' as RequestState }), 'undone')).rejects.toThrow(/cannot go from undone to requested/);
    expect((await s.getRequest('req-1'))?.state).toBe('requested');
  });

  it('finds the open request of a finding, and none once it is settled', async () => {
    const s = store();
    const request = fixRequest();
    await s.createRequest(request);
    expect((await s.openRequestFor(request.findingKey))?.id).toBe('req-1');
    await s.transitionRequest(fixRequest({ state: 'expired' }), 'requested');
    expect(await s.openRequestFor(request.findingKey)).toBeUndefined();
  });

  it('stores one pending request per finding, and another once the first is settled', async () => {
    const s = store();
    expect(await s.createRequest(fixRequest())).toBe(true);
    expect(await s.createRequest(fixRequest({ id: 'req-2' }))).toBe(false);
    await s.transitionRequest(fixRequest({ state: 'rejected' }), 'requested');
    expect(await s.createRequest(fixRequest({ id: 'req-3' }))).toBe(true);
  });

  it('keeps the approval message beside the record, untouched by transitions', async () => {
    const s = store();
    await s.createRequest(fixRequest());
    await s.setRequestMessage('req-1', { channel: 'C0APPROVE', ts: '1.2' });
    await s.transitionRequest(fixRequest({ state: 'rejected' }), 'requested');
    expect((await s.getRequest('req-1'))?.message).toEqual({ channel: 'C0APPROVE', ts: '1.2' });
  });
});

describe('risk acceptance transitions', () => {
  it('allows request → accepted | rejected | expired and accepted → revoked only', () => {
    expect(canTransitionRisk('requested', 'accepted')).toBe(true);
    expect(canTransitionRisk('requested', 'rejected')).toBe(true);
    expect(canTransitionRisk('requested', 'expired')).toBe(true);
    expect(canTransitionRisk('accepted', 'revoked')).toBe(true);
    expect(canTransitionRisk('revoked', 'accepted')).toBe(false);
    expect(canTransitionRisk('rejected', 'accepted')).toBe(false);
  });

  it('revokes once', async () => {
    const s = store();
    await s.createRisk(riskAcceptance());
    const revoked = riskAcceptance({ state: 'revoked', revocation: { by: 'U0BOB', at: 'now' } });
    expect(await s.transitionRisk(revoked, 'accepted')).toBe(true);
    expect(await s.transitionRisk(revoked, 'accepted')).toBe(false);
  });
});
