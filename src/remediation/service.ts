// Fix requests from click to outcome: preview read live → request stored → an approver approves →
// conditional claim (with a lease) → apply once → outcome recorded; and the same gate for undo. Every state
// change is written with its audit event by the store, and a change this process did not win is never
// announced as its own: it answers from the stored record instead. While a fix or undo runs, this process
// renews its lease on the request; if the lease is lost (a stall longer than the lease), it stops at the next
// journal write and settles the request by reading AWS, like any other process would. Slack-agnostic: the
// Slack listeners render what these methods return. Who someone is comes in as a user id taken from the
// signed payload; the policy decides what that user may do.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { CheckResult, Clock } from '../engine/types.ts';
import { type Locale, type Localized, t } from '../i18n/locale.ts';
import { fixTargetKey } from './target-key.ts';
import { type AuditEventName, type AuditLog, fixEvent, SYSTEM_ACTOR } from './audit.ts';
import type { ApprovalPolicy, Refusal } from './approvals.ts';
import { type AnyFix, describeFixError, FixError, type FixJournal, type FixOutcome, type FixPreview, validateInputs } from './fix.ts';
import { journalledBefore } from './fix-steps.ts';
import { NOTES } from './notes.ts';
import { MAX_REASON_LENGTH } from './risks.ts';
import { type ReconcileOptions, settleInFlight } from './reconcile.ts';
import { type FixSession, type FixSessionOptions, openFixSession, WrongAccountError } from './sessions.ts';
import type { AuditDetail, FixRequest, LeaseCondition, RemediationStore, RequestTransition, WriteResult } from './store.ts';
import type { RequestState } from './state.ts';

/** Which decision an Approve or Reject button is about: the fix itself, or undoing it. */
export type Phase = 'fix' | 'undo';

const WAITING: Record<Phase, RequestState> = { fix: 'requested', undo: 'undo_requested' };

export interface RemediationServiceOptions {
  store: RemediationStore;
  audit: AuditLog;
  policy: ApprovalPolicy;
  /** The fix a button may offer for a finding (fixForFinding). */
  fixFor(finding: CheckResult): AnyFix | undefined;
  /** A fix by id, for requests stored earlier. */
  fixById(id: string): AnyFix | undefined;
  sessions: Omit<FixSessionOptions, 'clock'>;
  ttlMs: number;
  clock: Clock;
  locale: Locale;
  /** This process run's lease owner id (processOwnerId()); unique per run. */
  owner: string;
  lease: LeaseSettings;
}

/** How long a lease on in-flight work lasts, and how often its holder renews it while working. */
export interface LeaseSettings {
  ms: number;
  renewMs: number;
}

export const DEFAULT_LEASE: LeaseSettings = { ms: 60_000, renewMs: 15_000 };

/** A lease owner id unique per process run: host, pid and a random part (a restarted pid is a new owner). */
export function processOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** The lease could not be renewed (this process stalled past it, or someone settled the request): stop writing. */
class LeaseLostError extends FixError {
  constructor() {
    super({
      en: 'awscheck lost its hold on this request while working on it, so it stopped and settled it by reading AWS',
      ja: '作業中にこの依頼の保持 (リース) を失ったため、awscheck は処理を止め、AWS を読み取って結果を確定しました',
    });
    this.name = 'LeaseLostError';
  }
}

export type PrepareResult =
  | { kind: 'no-fix' }
  | { kind: 'invalid-inputs'; error: Localized }
  /** Another request to change the same resource (fixTargetKey) is still open. */
  | { kind: 'open'; request: FixRequest }
  | { kind: 'already-fixed'; preview: FixPreview }
  | { kind: 'preview-failed'; error: string }
  | { kind: 'requested'; request: FixRequest };

/**
 * What a person's decision (approve, reject) on a waiting record comes to, for a fix request and a risk
 * acceptance alike; the record as it now stands is under its own name (`request`, `risk`). `not-waiting`: not
 * waiting for this decision (any more): decided by someone else, or in another phase.
 */
export type DecisionOf<Name extends string, R> =
  | { kind: 'not-found' }
  | ({ kind: 'refused'; refusal: Refusal } & Record<Name, R>)
  | ({ kind: 'not-waiting' | 'expired' | 'done' } & Record<Name, R>);

export type DecisionResult = DecisionOf<'request', FixRequest>;

export type UndoRequestResult =
  | { kind: 'not-found' }
  | { kind: 'not-applied'; request: FixRequest }
  | { kind: 'requested'; request: FixRequest };

function writeResult(outcome: FixOutcome, at: string): WriteResult {
  return {
    status: outcome.status,
    before: outcome.before,
    after: outcome.after,
    requestIds: outcome.requestIds,
    message: outcome.message,
    verified: outcome.verified,
    ...(outcome.accessHints?.length ? { accessHints: outcome.accessHints } : {}),
    at,
  };
}

export class RemediationService {
  /** Fixes and undos this process is running: shutdown waits for them (idle()). */
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly options: RemediationServiceOptions) {}

  private now(): string {
    return this.options.clock.now().toISOString();
  }

  private later(ms: number): string {
    return new Date(this.options.clock.now().getTime() + ms).toISOString();
  }

  private deadline(): string {
    return this.later(this.options.ttlMs);
  }

  private text(message: Localized): string {
    return t(this.options.locale, message);
  }

  get policy(): ApprovalPolicy {
    return this.options.policy;
  }

  /** This process run's lease owner id. */
  get owner(): string {
    return this.options.owner;
  }

  fixFor(finding: CheckResult): AnyFix | undefined {
    return this.options.fixFor(finding);
  }

  get(id: unknown): Promise<FixRequest | undefined> {
    return typeof id === 'string' && id.length <= 64 ? this.options.store.getRequest(id) : Promise.resolve(undefined);
  }

  /** Shutdown: approvals from now on start nothing (the request stays waiting for another replica or a restart). */
  stop(): void {
    this.stopped = true;
  }

  /** True after stop(): batch runners end their loop too. */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Resolves when every fix and undo this process started has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.then(
      () => this.running.delete(work),
      () => this.running.delete(work),
    );
    return work;
  }

  private openSession(request: FixRequest, journal?: FixJournal): FixSession {
    return openFixSession(request.finding.accountId, {
      ...this.options.sessions,
      clock: this.options.clock,
      ...(journal ? { journal } : {}),
    });
  }

  /** A state change with its audit event, in one store transaction. */
  private move(
    request: FixRequest,
    from: RequestState,
    to: RequestState,
    changes: RequestTransition['changes'],
    audit?: { event: AuditEventName; actor: string; detail?: AuditDetail },
    lease?: LeaseCondition,
  ) {
    const at = changes.updatedAt ?? this.now();
    const next = { ...request, ...changes, state: to };
    return this.options.store.transitionRequest({
      id: request.id,
      from,
      to,
      changes: { ...changes, updatedAt: at },
      ...(audit ? { audit: fixEvent(next, audit.event, audit.actor, at, audit.detail) } : {}),
      ...(lease ? { lease } : {}),
    });
  }

  private holding(renew = false): LeaseCondition {
    const now = this.now();
    return { holder: this.options.owner, now, ...(renew ? { renewUntil: this.later(this.options.lease.ms) } : {}) };
  }

  /**
   * Reads the preview live and, unless there is nothing to do, stores a request waiting for approval.
   * `rawInputs` is what the person typed (validated here and again by the fix when it applies).
   */
  async prepare(finding: CheckResult, requesterId: string, rawInputs: unknown = {}): Promise<PrepareResult> {
    const fix = this.options.fixFor(finding);
    if (!fix) return { kind: 'no-fix' };
    const inputs = validateInputs(fix, rawInputs);
    if (!inputs.ok) return { kind: 'invalid-inputs', error: inputs.error };
    const key = fixTargetKey(fix.id, finding);
    const open = await this.options.store.openRequestFor(key);
    if (open) return { kind: 'open', request: open };

    let session: ReturnType<typeof openFixSession> | undefined;
    let preview: FixPreview;
    try {
      session = openFixSession(finding.accountId, { ...this.options.sessions, clock: this.options.clock });
      preview = await fix.preview(finding, session.context, inputs.inputs);
    } catch (err) {
      return { kind: 'preview-failed', error: describeFixError(err, this.options.locale) };
    } finally {
      session?.close();
    }
    if (preview.alreadyFixed) return { kind: 'already-fixed', preview };

    const at = this.now();
    const request: FixRequest = {
      id: randomUUID(),
      fixId: fix.id,
      finding,
      findingKey: key,
      inputs: inputs.inputs,
      preview: {
        lines: preview.lines,
        warnings: preview.warnings,
        ...(preview.dryRun ? { dryRun: preview.dryRun } : {}),
        current: preview.current,
      },
      state: 'requested',
      requestedBy: requesterId,
      requestedAt: at,
      expiresAt: this.deadline(),
      updatedAt: at,
    };
    const audit = fixEvent(request, 'fix.requested', requesterId, at, { preview: request.preview, inputs: request.inputs });
    if (!(await this.options.store.createRequest(request, audit))) {
      // Someone else asked for the same fix while this preview was being read.
      const other = await this.options.store.openRequestFor(key);
      if (other) return { kind: 'open', request: other };
      // …and it was settled in between: this request may go in now.
      if (!(await this.options.store.createRequest(request, audit))) throw new Error(`could not store the fix request for ${key}`);
    }
    return { kind: 'requested', request };
  }

  /** Remembers the approval message, so outcomes can update it. */
  async attachMessage(id: string, channel: string, ts: string): Promise<void> {
    await this.options.store.setRequestMessage(id, { channel, ts });
  }

  /** The approval request could not be posted: nobody can approve it, so it ends here. */
  async abandon(request: FixRequest, reason: string): Promise<FixRequest> {
    const error = this.text(NOTES.notPosted(reason));
    const result = await this.move(request, 'requested', 'failed', { error }, { event: 'fix.failed', actor: SYSTEM_ACTOR, detail: { outcome: error } });
    return result.outcome === 'won' ? result.record : (result.current ?? request);
  }

  /** Who may approve or reject this request's current decision, without deciding anything. */
  async mayDecide(request: FixRequest, userId: string, phase: Phase): Promise<Refusal | undefined> {
    const requester = phase === 'fix' ? request.requestedBy : (request.undoRequest?.by ?? request.requestedBy);
    return this.options.policy.refusal(userId, requester);
  }

  /** Approves the fix (phase `fix`) or the undo (phase `undo`) and, if this call won the claim, runs it once. */
  async approve(id: unknown, userId: string, phase: Phase): Promise<DecisionResult> {
    const request = await this.get(id);
    if (!request) return { kind: 'not-found' };
    const refusal = await this.mayDecide(request, userId, phase);
    if (refusal) {
      await this.options.audit.fix(request, 'fix.refused', userId, this.now(), { reason: refusal, note: `${phase} approval` });
      return { kind: 'refused', refusal, request };
    }
    if (request.state !== WAITING[phase] || this.stopped) return { kind: 'not-waiting', request };
    const expired = await this.expireIfDue(request);
    if (expired) return { kind: 'expired', request: expired };

    const at = this.now();
    const take: LeaseCondition = { take: { owner: this.options.owner, expiresAt: this.later(this.options.lease.ms) } };
    if (phase === 'fix') {
      const won = await this.move(request, 'requested', 'approved', { approval: { by: userId, at }, updatedAt: at }, { event: 'fix.approved', actor: userId }, take);
      if (won.outcome === 'lost') return this.lostRace(request, won.current);
      return { kind: 'done', request: await this.track(this.apply(won.record)) };
    }
    const won = await this.move(request, 'undo_requested', 'undoing', { undoApproval: { by: userId, at }, updatedAt: at }, { event: 'fix.undo-approved', actor: userId }, take);
    if (won.outcome === 'lost') return this.lostRace(request, won.current);
    return { kind: 'done', request: await this.track(this.undo(won.record)) };
  }

  private lostRace(request: FixRequest, current: FixRequest | undefined): DecisionResult {
    return { kind: 'not-waiting', request: current ?? request };
  }

  /** The request's journal for the fix: each record is a holder-lease write that also renews the lease. */
  private journalFor(request: FixRequest, state: 'applying' | 'undoing'): FixJournal {
    let entries = request.journal;
    return {
      key: request.id,
      get entries() {
        return entries;
      },
      record: async (next) => {
        const result = await this.move(request, state, state, { journal: next }, undefined, this.holding(true));
        if (result.outcome === 'lost') throw new LeaseLostError();
        entries = next;
      },
    };
  }

  /** Renews the lease every renewMs while `work` runs; `lost` turns true when a renewal was refused. */
  private async underLease<T>(request: FixRequest, state: 'applying' | 'undoing', work: (lease: { lost: boolean }) => Promise<T>): Promise<T> {
    const lease = { lost: false };
    let renewing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      renewing = renewing.then(async () => {
        if (lease.lost) return;
        try {
          const result = await this.move(request, state, state, {}, undefined, this.holding(true));
          if (result.outcome === 'lost') lease.lost = true;
        } catch {
          // The store is unreachable for a moment: the next tick tries again, the lease has margin.
        }
      });
    }, this.options.lease.renewMs);
    timer.unref();
    try {
      return await work(lease);
    } finally {
      clearInterval(timer);
      await renewing;
    }
  }

  /**
   * This process could not record its outcome (its lease was gone): it settles the request like any other
   * process would, by reading AWS once the lease has expired, rather than claiming what it did.
   */
  private async settleLost(id: string, fallback: FixRequest, requestIds: readonly string[], late?: AuditDetail): Promise<FixRequest> {
    const current = (await this.get(id)) ?? fallback;
    if (current.state === 'applying' || current.state === 'undoing' || current.state === 'approved') {
      if (!current.lease || current.lease.owner === this.options.owner) {
        const settled = await settleInFlight(current, this.reconcileOptions(), { requestIds: [...requestIds] });
        if (settled) return settled;
      }
    }
    const now = (await this.get(id)) ?? current;
    // Someone else settled it while this process's write was still landing: the record stays as they left
    // it, and the trail keeps what this write did (with its AWS request ids) so nobody has to guess.
    if (late && requestIds.length > 0 && now.state !== 'applying' && now.state !== 'undoing') {
      await this.options.audit.fix(now, 'fix.late-write', SYSTEM_ACTOR, this.now(), {
        ...late,
        note: this.text(NOTES.lateWrite(now.state)),
      });
    }
    return now;
  }

  private reconcileOptions(): ReconcileOptions {
    const { store, audit, sessions, clock, locale } = this.options;
    return { store, audit, fixById: (id) => this.options.fixById(id), sessions, clock, locale };
  }

  /** approved → applying → applied | unchanged | failed. Only the caller that won `approved` gets here. */
  private async apply(approved: FixRequest): Promise<FixRequest> {
    const started = await this.move(approved, 'approved', 'applying', {}, undefined, this.holding(true));
    if (started.outcome === 'lost') return started.current ?? approved;
    const applying = started.record;
    const fix = this.options.fixById(applying.fixId);
    if (!fix) {
      const error = this.text(NOTES.unknownFix(applying.fixId));
      return this.finishApply(applying, { state: 'failed', error }, { event: 'fix.failed', detail: { outcome: error } }, []);
    }
    return this.underLease(applying, 'applying', async (lease) => {
      const journal = this.journalFor(applying, 'applying');
      let session: FixSession | undefined;
      try {
        session = this.openSession(applying, journal);
        await session.verifyAccount(applying.finding.accountId);
      } catch (err) {
        session?.close();
        // Nothing was written: say why, in the record and the trail (a wrong account is a refusal).
        const error = describeFixError(err, this.options.locale);
        const reason = err instanceof WrongAccountError ? { reason: 'wrong-account' } : {};
        return this.finishApply(applying, { state: 'failed', error }, { event: 'fix.failed', detail: { ...reason, outcome: error } }, []);
      }
      try {
        if (lease.lost) throw new LeaseLostError();
        const outcome = await fix.apply(applying.finding, applying.inputs, session.context);
        const result = writeResult(outcome, this.now());
        const state = outcome.status === 'applied' ? 'applied' : 'unchanged';
        return await this.finishApply(
          applying,
          { state, result, journal: journal.entries },
          {
            event: state === 'applied' ? 'fix.applied' : 'fix.unchanged',
            detail: { before: result.before, after: result.after, requestIds: result.requestIds, outcome: result.message },
          },
          result.requestIds,
        );
      } catch (err) {
        const error = describeFixError(err, this.options.locale);
        if (err instanceof LeaseLostError) return await this.settleLost(applying.id, applying, []);
        return await this.afterError({ ...applying, journal: journal.entries }, fix, session, error);
      } finally {
        session.close();
      }
    });
  }

  /** The final move out of `applying`, as the lease holder; a lost move is settled by reading AWS instead. */
  private async finishApply(
    applying: FixRequest,
    outcome: { state: 'applied' | 'unchanged' | 'failed'; result?: WriteResult; error?: string; note?: string; journal?: unknown },
    audit: { event: AuditEventName; detail: AuditDetail },
    requestIds: readonly string[],
  ): Promise<FixRequest> {
    const { state, ...changes } = outcome;
    const won = await this.move(applying, 'applying', state, changes, { event: audit.event, actor: SYSTEM_ACTOR, detail: audit.detail }, this.holding());
    if (won.outcome === 'won') return won.record;
    return this.settleLost(applying.id, applying, requestIds, audit.detail);
  }

  /**
   * An apply that threw may still have changed AWS (the write went through, the read-back failed): read
   * what AWS shows, so a change is recorded as applied (and can be undone) rather than claimed not made.
   * The fix's reconcile trusts only its journal, so a look-alike the customer made is never adopted.
   */
  private async afterError(applying: FixRequest, fix: AnyFix, session: FixSession | undefined, error: string): Promise<FixRequest> {
    if (session) {
      try {
        const found = await fix.reconcile(applying.finding, applying.inputs, session.context);
        if (found.state === 'changed') {
          const requestIds = found.requestIds ?? [];
          const before = (journalledBefore(session.context.journal?.entries) ?? { before: applying.preview.current }).before;
          const result: WriteResult = { status: 'applied', before, after: found.current, requestIds, message: found.message, verified: true, at: this.now() };
          return this.finishApply(
            applying,
            { state: 'applied', result, note: this.text(NOTES.errorButChanged(error)), journal: session.context.journal?.entries },
            { event: 'fix.applied', detail: { before: result.before, after: result.after, requestIds, outcome: `${error}; ${found.message}` } },
            requestIds,
          );
        }
      } catch {
        // AWS cannot be read either: the error stands, and the request is failed as it reported.
      }
    }
    return this.finishApply(applying, { state: 'failed', error }, { event: 'fix.failed', detail: { outcome: error } }, []);
  }

  /** undoing → undone, or back to applied when the undo fails (it may be requested again). */
  private async undo(undoing: FixRequest): Promise<FixRequest> {
    const fix = this.options.fixById(undoing.fixId);
    return this.underLease(undoing, 'undoing', async (lease) => {
      const journal = this.journalFor(undoing, 'undoing');
      let next: { state: 'undone' | 'applied'; undoResult?: WriteResult; note?: string };
      let audit: { event: AuditEventName; detail: AuditDetail };
      let requestIds: string[] = [];
      try {
        if (!fix) throw new FixError(NOTES.unknownFix(undoing.fixId));
        const session = this.openSession(undoing, journal);
        try {
          await session.verifyAccount(undoing.finding.accountId);
          if (lease.lost) throw new LeaseLostError();
          const outcome = await fix.undo(
            {
              fixId: undoing.fixId,
              finding: undoing.finding,
              inputs: undoing.inputs,
              before: undoing.result?.before,
              after: undoing.result?.after,
              requestIds: undoing.result?.requestIds ?? [],
              journal: journal.entries,
            },
            session.context,
          );
          const undoResult = writeResult(outcome, this.now());
          requestIds = undoResult.requestIds;
          next = { state: 'undone', undoResult };
          audit = { event: 'fix.undone', detail: { before: undoResult.before, after: undoResult.after, requestIds, outcome: undoResult.message } };
        } finally {
          session.close();
        }
      } catch (err) {
        if (err instanceof LeaseLostError) return this.settleLost(undoing.id, undoing, []);
        const note = this.text(NOTES.undoFailed(describeFixError(err, this.options.locale)));
        next = { state: 'applied', note };
        audit = { event: 'fix.undo-failed', detail: { outcome: note, ...(err instanceof WrongAccountError ? { reason: 'wrong-account' } : {}) } };
      }
      const won = await this.move(undoing, 'undoing', next.state, next, { ...audit, actor: SYSTEM_ACTOR }, this.holding());
      if (won.outcome === 'won') return won.record;
      return this.settleLost(undoing.id, undoing, requestIds, audit.detail);
    });
  }

  /** Rejects the fix, or the undo (the fix then stays applied). */
  async reject(id: unknown, userId: string, phase: Phase, reason?: string): Promise<DecisionResult> {
    // The Slack view refuses a longer reason in the modal; nothing longer is ever stored.
    if (reason !== undefined && reason.length > MAX_REASON_LENGTH) throw new RangeError(`a rejection reason is at most ${MAX_REASON_LENGTH} characters`);
    const request = await this.get(id);
    if (!request) return { kind: 'not-found' };
    // Saying no is safe, so the requester may withdraw their own request; everyone else must be an approver.
    const requester = phase === 'fix' ? request.requestedBy : request.undoRequest?.by;
    if (userId !== requester && !(await this.options.policy.isApprover(userId))) {
      await this.options.audit.fix(request, 'fix.refused', userId, this.now(), { reason: 'not-approver', note: `${phase} rejection` });
      return { kind: 'refused', refusal: 'not-approver', request };
    }
    if (request.state !== WAITING[phase]) return { kind: 'not-waiting', request };
    const expired = await this.expireIfDue(request);
    if (expired) return { kind: 'expired', request: expired };
    const at = this.now();
    const decision = { by: userId, at, ...(reason ? { reason } : {}) };
    const detail = reason ? { reason } : {};
    const result =
      phase === 'fix'
        ? await this.move(request, 'requested', 'rejected', { rejection: decision, updatedAt: at }, { event: 'fix.rejected', actor: userId, detail })
        : await this.move(request, 'undo_requested', 'applied', { undoRejection: decision, updatedAt: at }, { event: 'fix.undo-rejected', actor: userId, detail });
    if (result.outcome === 'lost') return this.lostRace(request, result.current);
    return { kind: 'done', request: result.record };
  }

  /** Asks for the applied fix to be undone; the undo then waits for an approver like the fix did. */
  async requestUndo(id: unknown, userId: string): Promise<UndoRequestResult> {
    const request = await this.get(id);
    if (!request) return { kind: 'not-found' };
    if (request.state !== 'applied') return { kind: 'not-applied', request };
    const at = this.now();
    const result = await this.move(
      request,
      'applied',
      'undo_requested',
      { undoRequest: { by: userId, at }, undoRejection: undefined, undoApproval: undefined, note: undefined, expiresAt: this.deadline(), updatedAt: at },
      { event: 'fix.undo-requested', actor: userId },
    );
    if (result.outcome === 'lost') return { kind: 'not-applied', request: result.current ?? request };
    return { kind: 'requested', request: result.record };
  }

  /**
   * A request whose approval deadline has passed does nothing: requested → expired, undo_requested →
   * applied. Returns the expired record, or undefined when it is not due (or someone moved it first).
   */
  async expireIfDue(request: FixRequest): Promise<FixRequest | undefined> {
    if (request.state !== 'requested' && request.state !== 'undo_requested') return undefined;
    if (this.options.clock.now().getTime() < Date.parse(request.expiresAt)) return undefined;
    const result =
      request.state === 'requested'
        ? await this.move(request, 'requested', 'expired', {}, { event: 'fix.expired', actor: SYSTEM_ACTOR })
        : await this.move(request, 'undo_requested', 'applied', { note: this.text(NOTES.undoExpired) }, { event: 'fix.undo-expired', actor: SYSTEM_ACTOR });
    return result.outcome === 'won' ? result.record : undefined;
  }

  /** Expires every request past its deadline (start-up, and now and then); returns those it changed. */
  async expireDue(): Promise<FixRequest[]> {
    const waiting = await this.options.store.requestsIn(['requested', 'undo_requested']);
    const changed: FixRequest[] = [];
    for (const request of waiting) {
      const expired = await this.expireIfDue(request);
      if (expired) changed.push(expired);
    }
    return changed;
  }
}
