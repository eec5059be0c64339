// The persisted state machines: which moves exist, and that every move is a conditional update that
// exactly one caller wins.
import { describe, expect, it } from 'vitest';
import {
  canTransition,
  canTransitionRisk,
  isFinal,
  REQUEST_STATES,
} from '../../src/remediation/state.ts';

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

  // Stored transitions (conditional, won/lost, with their audit event and leases) are the store contract:
  // test/store/contract/remediation-store-contract.ts, run against SQLite in test/store/.
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
});
