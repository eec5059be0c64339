// After a crash: requests left `approved`, `applying` or `undoing` are settled by reading AWS, never by
// writing to it again. applying → applied when AWS shows the change (fix.reconcile: changed), else failed
// with a note; approved → failed (nothing was written yet); undoing → applied with a note, because an undo
// checks AWS before it writes and can simply be requested again.
import type { Clock } from '../engine/types.ts';
import { type Locale, pick } from '../i18n/locale.ts';
import { type AuditLog, SYSTEM_ACTOR } from './audit.ts';
import { type AnyFix, describeFixError } from './fix.ts';
import { NOTES } from './notes.ts';
import { type FixSessionOptions, openFixSession } from './sessions.ts';
import { IN_FLIGHT } from './state.ts';
import type { FixRequest, RemediationStore } from './store.ts';

export interface ReconcileOptions {
  store: RemediationStore;
  audit: AuditLog;
  fixById(id: string): AnyFix | undefined;
  sessions: Omit<FixSessionOptions, 'clock'>;
  clock: Clock;
  locale: Locale;
  /**
   * Requests changed more recently than this are left alone: another replica sharing the store may be
   * applying them right now. 0 at a single replica's start-up.
   */
  graceMs?: number;
  /** Ids this process is working on itself. */
  busy?: ReadonlySet<string>;
}

export interface ReconcileReport {
  /** Requests settled, in their new state. */
  settled: FixRequest[];
  /** Requests AWS could not be read for; they stay as they are and are tried again next time. */
  unreadable: { request: FixRequest; error: string }[];
}

async function settleApplying(request: FixRequest, options: ReconcileOptions, at: string): Promise<FixRequest> {
  const fix = options.fixById(request.fixId);
  const text = (m: { en: string; ja: string }) => pick(m, options.locale);
  if (!fix) return { ...request, state: 'failed', error: text(NOTES.unknownFix(request.fixId)), updatedAt: at };
  const session = openFixSession(request.finding.accountId, { ...options.sessions, clock: options.clock });
  try {
    const found = await fix.reconcile(request.finding, request.inputs, session.context);
    if (found.state === 'changed') {
      return {
        ...request,
        state: 'applied',
        // The preview's reading is the before-state, so the reconciled fix can still be undone.
        result: { status: 'applied', before: request.preview.current, after: found.current, requestIds: [], message: found.message, verified: true, at },
        note: text(NOTES.reconciledApplied(found.message)),
        updatedAt: at,
      };
    }
    return { ...request, state: 'failed', error: text(NOTES.reconciledUnchanged(found.message)), updatedAt: at };
  } finally {
    session.close();
  }
}

export async function reconcileInFlight(options: ReconcileOptions): Promise<ReconcileReport> {
  const report: ReconcileReport = { settled: [], unreadable: [] };
  const now = options.clock.now().getTime();
  const text = (m: { en: string; ja: string }) => pick(m, options.locale);
  for (const request of await options.store.requestsIn(IN_FLIGHT)) {
    if (options.busy?.has(request.id)) continue;
    if (now - Date.parse(request.updatedAt) < (options.graceMs ?? 0)) continue;
    const at = options.clock.now().toISOString();
    let next: FixRequest;
    try {
      if (request.state === 'applying') next = await settleApplying(request, options, at);
      else if (request.state === 'approved') next = { ...request, state: 'failed', error: text(NOTES.interruptedBeforeApply), updatedAt: at };
      else next = { ...request, state: 'applied', note: text(NOTES.undoInterrupted), updatedAt: at };
    } catch (err) {
      report.unreadable.push({ request, error: describeFixError(err, options.locale) });
      continue;
    }
    if (!(await options.store.transitionRequest(next, request.state))) continue;
    await options.audit.fix(next, 'fix.reconciled', SYSTEM_ACTOR, at, {
      note: `${request.state} → ${next.state}`,
      outcome: next.note ?? next.error ?? '',
      ...(next.result && request.state === 'applying' ? { before: next.result.before, after: next.result.after } : {}),
    });
    report.settled.push(next);
  }
  return report;
}
