// The lease rules of the store contract (RequestTransition), in one place so every store implementation
// (SQLite here, DynamoDB elsewhere) checks the same thing: who may move an in-flight request, and what lease
// the moved record carries.
import { canTransition, IN_FLIGHT, type RequestState, TransitionError } from './state.ts';
import type { Lease, LeaseCondition, RequestTransition } from './store.ts';

const inFlight = (state: RequestState) => IN_FLIGHT.includes(state);

/**
 * Throws TransitionError for a transition no caller may ask for, whatever the stored record says: a move the
 * state machine lacks; a same-state write outside the in-flight states or without a holder; entering the
 * in-flight states without taking a lease; leaving (or moving within) them without a holder or
 * expiredBefore condition.
 */
export function checkRequestTransition(t: Pick<RequestTransition, 'from' | 'to' | 'lease'>): void {
  const fail = (why?: string) => new TransitionError('fix request', t.from, t.to, why);
  if (t.from === t.to) {
    if (!inFlight(t.from) || !t.lease || !('holder' in t.lease)) throw fail('(staying put is only for the lease holder of an in-flight request)');
    return;
  }
  if (!canTransition(t.from, t.to)) throw fail();
  if (!inFlight(t.from) && inFlight(t.to) && !(t.lease && 'take' in t.lease)) throw fail('without taking a lease');
  if (inFlight(t.from) && !(t.lease && ('holder' in t.lease || 'expiredBefore' in t.lease))) {
    throw fail('without holding its lease or finding it expired');
  }
}

/** Whether the stored lease lets this condition act now. No condition: the record is not in flight. */
export function leaseAllows(stored: Lease | undefined, condition: LeaseCondition | undefined): boolean {
  if (!condition) return true;
  if ('take' in condition) return !stored || stored.owner === condition.take.owner;
  if ('holder' in condition) return stored?.owner === condition.holder && Date.parse(stored.expiresAt) > Date.parse(condition.now);
  return !stored || Date.parse(stored.expiresAt) <= Date.parse(condition.expiredBefore);
}

/** The lease the moved record carries: none outside the in-flight states. */
export function nextLease(stored: Lease | undefined, t: Pick<RequestTransition, 'to' | 'lease'>): Lease | undefined {
  if (!inFlight(t.to)) return undefined;
  const condition = t.lease;
  if (condition && 'take' in condition) return { ...condition.take };
  if (condition && 'holder' in condition && condition.renewUntil) return { owner: condition.holder, expiresAt: condition.renewUntil };
  return stored;
}
