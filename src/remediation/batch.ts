// "Fix all": one approval for up to 50 ordinary fix requests of one check. The batch record holds only the
// batch's own decision (approve, reject, stop, undo all) and the ids of its requests; each request goes
// through the single-fix state machine, claim, lease and audit (RemediationService) unchanged.
//
//   requested ─approve→ running ─→ done | stopped;  requested ─→ rejected | expired | failed (not posted)
//   done | stopped ─undo all→ undo_requested ─approve→ undoing ─→ undone;  undo_requested ─reject/expire→ done
import type { Decision, MessageRef, NewAuditEvent } from './store.ts';

export const BATCH_STATES = ['requested', 'running', 'done', 'stopped', 'rejected', 'expired', 'failed', 'undo_requested', 'undoing', 'undone'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

const BATCH_TRANSITIONS: Readonly<Record<BatchState, readonly BatchState[]>> = {
  requested: ['running', 'rejected', 'expired', 'failed'],
  running: ['done', 'stopped'],
  done: ['undo_requested'],
  stopped: ['undo_requested'],
  undo_requested: ['undoing', 'done'],
  undoing: ['undone'],
  rejected: [],
  expired: [],
  failed: [],
  undone: [],
};

export function canTransitionBatch(from: BatchState, to: BatchState): boolean {
  return BATCH_TRANSITIONS[from].includes(to);
}

/** Most resources one "Fix all" approval request may cover; the rest can be requested again after. */
export const MAX_BATCH = 50;

/** A resource of the group that was not requested, and why (already fixed, another open request, …). */
export interface BatchSkip {
  label: string;
  reason: string;
}

export interface FixBatch {
  id: string;
  checkId: string;
  fixId: string;
  /** The member fix requests, in the order they run. */
  requestIds: string[];
  skipped: BatchSkip[];
  /** How many findings with this fix the group had (more than requestIds + skipped when capped). */
  groupSize: number;
  inputs: unknown;
  state: BatchState;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  approval?: Decision;
  rejection?: Decision;
  stop?: Decision;
  undoRequest?: { by: string; at: string };
  undoApproval?: Decision;
  undoRejection?: Decision;
  message?: MessageRef;
  updatedAt: string;
}

export interface BatchTransition {
  id: string;
  from: BatchState;
  to: BatchState;
  changes: Partial<Omit<FixBatch, 'id' | 'state'>>;
  audit?: NewAuditEvent;
}
