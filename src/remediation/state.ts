// The two persisted state machines. Every change of state is one conditional update in the store
// (UPDATE … WHERE id = ? AND state = ?), so of two approvers clicking together exactly one moves a
// request on, and only the one who moved it to `applying` (or `undoing`) writes to AWS.
//
// Fix requests:
//   requested ─approve→ approved ─→ applying ─→ applied | unchanged | failed
//   requested ─→ rejected | expired | failed (the approval request could not be posted)
//   approved ─→ failed (interrupted before any write: found at start-up)
//   applied ─undo→ undo_requested ─approve→ undoing ─→ undone
//   undo_requested ─reject/expire→ applied;  undoing ─failed or interrupted→ applied (undo may be retried)
// `unchanged`: apply re-read the resource and found nothing to do (already fixed, or changed since).
//
// Risk acceptances:
//   requested ─→ accepted | rejected | expired;  accepted ─→ revoked
// (an accepted risk's own expiry is a time, not a state: after it the finding is FAIL again.)

export const REQUEST_STATES = [
  'requested',
  'approved',
  'applying',
  'applied',
  'unchanged',
  'failed',
  'rejected',
  'expired',
  'undo_requested',
  'undoing',
  'undone',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

const REQUEST_TRANSITIONS: Readonly<Record<RequestState, readonly RequestState[]>> = {
  requested: ['approved', 'rejected', 'expired', 'failed'],
  approved: ['applying', 'failed'],
  applying: ['applied', 'unchanged', 'failed'],
  applied: ['undo_requested'],
  undo_requested: ['undoing', 'applied'],
  undoing: ['undone', 'applied'],
  unchanged: [],
  failed: [],
  rejected: [],
  expired: [],
  undone: [],
};

/**
 * States a process works in, under a lease it renews (FixRequest.lease): only after the lease expires may
 * another process settle them, by reading AWS.
 */
export const IN_FLIGHT: readonly RequestState[] = ['approved', 'applying', 'undoing'];
/** States a finding can be in while another fix request for it would collide. */
export const OPEN_STATES: readonly RequestState[] = ['requested', 'approved', 'applying', 'undo_requested', 'undoing'];

export function canTransition(from: RequestState, to: RequestState): boolean {
  return REQUEST_TRANSITIONS[from].includes(to);
}

export function isFinal(state: RequestState): boolean {
  return REQUEST_TRANSITIONS[state].length === 0;
}

export const RISK_STATES = ['requested', 'accepted', 'rejected', 'expired', 'revoked'] as const;
export type RiskState = (typeof RISK_STATES)[number];

const RISK_TRANSITIONS: Readonly<Record<RiskState, readonly RiskState[]>> = {
  requested: ['accepted', 'rejected', 'expired'],
  accepted: ['revoked'],
  rejected: [],
  expired: [],
  revoked: [],
};

export function canTransitionRisk(from: RiskState, to: RiskState): boolean {
  return RISK_TRANSITIONS[from].includes(to);
}

/** A transition the machine does not have: a programming error, never a user's doing. */
export class TransitionError extends Error {
  constructor(kind: string, from: string, to: string, why?: string) {
    super(`a ${kind} cannot go from ${from} to ${to}${why ? ` ${why}` : ''}`);
    this.name = 'TransitionError';
  }
}
