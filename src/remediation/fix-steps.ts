// The steps most fixes take in the same order (read, stop if already as wanted, write, read back, report),
// kept here once so a fix module holds only what is its own: what it reads, what it writes, what it says.
import type { Localized } from '../i18n/locale.ts';
import {
  type FixContext,
  FixError,
  type FixOutcome,
  type FixPreview,
  type Reconciliation,
  readBack,
  requestIds,
  unverifiedNote,
} from './fix.ts';

/** A preview when apply would change nothing; `message` says why. */
export function nothingToPreview(current: unknown, message: string): FixPreview {
  return { lines: [message], warnings: [], current, alreadyFixed: true };
}

/** An apply or undo that found the resource already as wanted (or gone), so wrote nothing. */
export function noChange(state: unknown, message: string): FixOutcome {
  return { status: 'no-change', before: state, after: state, requestIds: [], message, verified: true };
}

export interface VerifiedWrite<T> {
  status: 'applied' | 'undone';
  /** The state read before writing, recorded as is. */
  before: unknown;
  /** The one write; its request id goes to the audit trail. */
  write: () => Promise<{ $metadata?: { requestId?: string } } | undefined>;
  /** The read-back, until `done` holds or the waits run out (AWS is eventually consistent). */
  read: () => Promise<T>;
  done: (value: T) => boolean;
  /** How the value read back is recorded as `after`; by default as read, a resource gone as null. */
  record?: (value: T) => unknown;
  /** What was done; a note follows when the read-back did not show it yet. */
  message: string;
}

/** Sends one write, reads back until it shows, and reports it: the tail of every single-write apply and undo. */
export async function writeAndVerify<T>(ctx: FixContext, step: VerifiedWrite<T>): Promise<FixOutcome> {
  // The before-state goes to the journal before the write: reconcile then knows awscheck wrote, and what
  // an undo must put back (not the preview's older reading).
  if (step.status === 'applied') await ctx.journal?.record({ before: step.before });
  const answer = await step.write();
  const check = await readBack(ctx, step.read, step.done);
  return {
    status: step.status,
    before: step.before,
    after: step.record ? step.record(check.value) : (check.value ?? null),
    requestIds: requestIds(answer),
    message: step.message + unverifiedNote(check.verified, ctx),
    verified: check.verified,
  };
}

/**
 * After a crash in "applying": whether AWS shows the fix, with the message for that case. Both messages
 * are built by the caller, so they must not depend on the state being one or the other.
 */
export function reconciled(applied: boolean, current: unknown, messages: { applied: string; notApplied: string }): Reconciliation {
  return applied
    ? { state: 'changed', current, message: messages.applied }
    : { state: 'unchanged', current, message: messages.notApplied };
}

/** "Snapshot snap-1 no longer exists. Nothing was changed.", for `resource` = { en: 'Snapshot snap-1', ja: 'スナップショット snap-1' }. */
export function noLongerExists(resource: Localized, ctx: FixContext): string {
  return ctx.text({
    en: `${resource.en} no longer exists. Nothing was changed.`,
    ja: `${resource.ja} はもう存在しません。何も変更していません。`,
  });
}

/** The refusal to undo a fix whose resource was deleted since: there is nothing left to put back. */
export function goneBeforeUndo(resource: Localized): FixError {
  return new FixError({
    en: `${resource.en} no longer exists, so there is nothing to undo`,
    ja: `${resource.ja} はもう存在しないため、取り消すものはありません`,
  });
}

/** The before-state an apply recorded in its journal ({ before }), if it did. */
export function journalledBefore(journal: unknown): { before: unknown } | undefined {
  return journal !== null && typeof journal === 'object' && 'before' in journal ? { before: (journal).before } : undefined;
}
