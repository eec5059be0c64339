// Fix requests, risk acceptances and "Fix all" batches as both stores keep them: the state and the message
// reference apart (SQLite columns, DynamoDB attributes: what conditions, queries and setMessage touch), the
// rest one JSON document; and the record a transition writes.
import { nextLease } from '../remediation/lease.ts';
import type { FixRequest, MessageRef, RequestTransition } from '../remediation/store.ts';

/** What the stores keep apart from the document. */
export interface WithState {
  state: string;
  message?: MessageRef;
}

/** The document: the record without its state and message reference. */
export function documentOf<T extends WithState>(record: T): Omit<T, 'state' | 'message'> {
  const { state: _state, message: _message, ...rest } = record;
  return rest;
}

/** The record from its document and its stored state and message parts (a message only when both are there). */
export function recordFrom<T extends WithState>(document: object, state: unknown, channel: unknown, ts: unknown): T {
  const record = { ...document, state } as T;
  if (typeof channel === 'string' && typeof ts === 'string') record.message = { channel, ts };
  return record;
}

/** The record after a transition: `changes` merged on (a key set to undefined removes that field), then `to`. */
export function moved<T extends WithState>(current: T, changes: object, to: T['state']): T {
  const next = { ...current, ...changes, state: to } as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete next[key];
  return next as unknown as T;
}

/** A fix request after its transition, carrying the lease the move leaves it (none outside the in-flight states). */
export function movedRequest(current: FixRequest, transition: RequestTransition): FixRequest {
  const next = moved(current, transition.changes, transition.to);
  const lease = nextLease(current.lease, transition);
  if (lease) next.lease = lease;
  else delete next.lease;
  return next;
}
