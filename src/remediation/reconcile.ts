// Settling in-flight requests whose lease has expired (their owner crashed, was killed, or stalled past its
// lease): by reading AWS, never by repeating the fix. applying → applied when AWS shows the change
// (fix.reconcile: changed, judged from the request's journal, never from a look-alike), else failed with a
// note; approved → failed (nothing is written before `applying`); undoing → applied with a note, because an
// undo reads AWS before it writes and can simply be requested again. A request whose lease is still live
// is someone's work in progress and is left alone, however long it takes.
import type { Clock } from '../engine/types.ts';
import { type Locale, t } from '../i18n/locale.ts';
import { type AuditLog, fixEvent, SYSTEM_ACTOR } from './audit.ts';
import { type AnyFix, describeFixError, FixError, type FixJournal } from './fix.ts';
import { journalledBefore } from './fix-steps.ts';
import { NOTES } from './notes.ts';
import { type FixSessionOptions, openFixSession } from './sessions.ts';
import { IN_FLIGHT } from './state.ts';
import type { AuditDetail, FixRequest, RemediationStore, RequestTransition } from './store.ts';

export interface ReconcileOptions {
  store: RemediationStore;
  audit: AuditLog;
  fixById(id: string): AnyFix | undefined;
  sessions: Omit<FixSessionOptions, 'clock'>;
  clock: Clock;
  locale: Locale;
}

export interface ReconcileReport {
  /** Requests settled, in their new state. */
  settled: FixRequest[];
  /** Requests AWS could not be read for; they stay as they are and are tried again next time. */
  unreadable: { request: FixRequest; error: string }[];
}

/** The journal as apply left it, for reading: a settling process records nothing of its own. */
function readOnlyJournal(request: FixRequest): FixJournal {
  return {
    key: request.id,
    entries: request.journal,
    record: () =>
      Promise.reject(
        new FixError({
          en: 'Reconciliation reads the journal only',
          ja: '照合ではジャーナルを読み取るだけです',
        }),
      ),
  };
}

type Settlement = { to: RequestTransition['to']; changes: RequestTransition['changes']; detail: AuditDetail };

async function settleApplying(request: FixRequest, options: ReconcileOptions, at: string, requestIds: string[]): Promise<Settlement> {
  const fix = options.fixById(request.fixId);
  const text = (m: { en: string; ja: string }) => t(options.locale, m);
  if (!fix) {
    const error = text(NOTES.unknownFix(request.fixId));
    return { to: 'failed', changes: { error }, detail: { outcome: error } };
  }
  const session = openFixSession(request.finding.accountId, { ...options.sessions, clock: options.clock, journal: readOnlyJournal(request) });
  try {
    // Reconcile may roll back a half-done apply (a write): same account check as any write.
    await session.verifyAccount(request.finding.accountId);
    const found = await fix.reconcile(request.finding, request.inputs, session.context);
    const ids = [...requestIds, ...(found.requestIds ?? [])];
    if (found.state === 'changed') {
      // The before-state the apply journalled (else the preview's reading), so the reconciled fix can be undone.
      const before = (journalledBefore(request.journal) ?? { before: request.preview.current }).before;
      const result = { status: 'applied' as const, before, after: found.current, requestIds: ids, message: found.message, verified: true, at };
      const note = text(NOTES.reconciledApplied(found.message));
      return { to: 'applied', changes: { result, note }, detail: { before: result.before, after: result.after, requestIds: ids, outcome: note } };
    }
    const error = text(NOTES.reconciledUnchanged(found.message));
    return { to: 'failed', changes: { error }, detail: { outcome: error, ...(ids.length ? { requestIds: ids } : {}) } };
  } finally {
    session.close();
  }
}

/**
 * Settles one in-flight request whose lease has expired (or that has none), by reading AWS. Returns the
 * settled record, or undefined when the lease is live or someone else settled it first. Throws when AWS
 * cannot be read. `requestIds`: writes the caller knows it made (an owner that lost its lease).
 */
export async function settleInFlight(request: FixRequest, options: ReconcileOptions, extra: { requestIds?: string[] } = {}): Promise<FixRequest | undefined> {
  const at = options.clock.now().toISOString();
  if (request.lease && Date.parse(request.lease.expiresAt) > Date.parse(at)) return undefined;
  const text = (m: { en: string; ja: string }) => t(options.locale, m);
  let settlement: Settlement;
  if (request.state === 'applying') settlement = await settleApplying(request, options, at, extra.requestIds ?? []);
  else if (request.state === 'approved') {
    const error = text(NOTES.interruptedBeforeApply);
    settlement = { to: 'failed', changes: { error }, detail: { outcome: error } };
  } else {
    const note = text(NOTES.undoInterrupted);
    settlement = { to: 'applied', changes: { note }, detail: { outcome: note } };
  }
  const next = { ...request, ...settlement.changes, state: settlement.to };
  const result = await options.store.transitionRequest({
    id: request.id,
    from: request.state,
    to: settlement.to,
    changes: { ...settlement.changes, updatedAt: at },
    audit: fixEvent(next, 'fix.reconciled', SYSTEM_ACTOR, at, { note: `${request.state} → ${settlement.to}`, ...settlement.detail }),
    // The stored lease, not the one read above, decides: an owner that renewed meanwhile keeps its request.
    lease: { expiredBefore: at },
  });
  return result.outcome === 'won' ? result.record : undefined;
}

/** One pass over the in-flight requests: those whose lease has expired are settled by reading AWS. */
export async function reconcileInFlight(options: ReconcileOptions): Promise<ReconcileReport> {
  const report: ReconcileReport = { settled: [], unreadable: [] };
  for (const request of await options.store.requestsIn(IN_FLIGHT)) {
    const now = options.clock.now().getTime();
    if (request.lease && Date.parse(request.lease.expiresAt) > now) continue;
    try {
      const settled = await settleInFlight(request, options);
      if (settled) report.settled.push(settled);
    } catch (err) {
      report.unreadable.push({ request, error: describeFixError(err, options.locale) });
    }
  }
  return report;
}
