// Fix requests from click to outcome: preview read live → request stored → an approver approves →
// conditional claim → apply once → outcome recorded; and the same gate for undo. Slack-agnostic: the
// Slack listeners render what these methods return. Who someone is comes in as a user id taken from the
// signed payload; the policy decides what that user may do.
import { randomUUID } from 'node:crypto';
import type { CheckResult, Clock } from '../engine/types.ts';
import { type Locale, type Localized, pick } from '../i18n/locale.ts';
import { fixTargetKey } from './target-key.ts';
import { type AuditLog, SYSTEM_ACTOR } from './audit.ts';
import type { ApprovalPolicy, Refusal } from './approvals.ts';
import { type AnyFix, describeFixError, type FixOutcome, type FixPreview, validateInputs } from './fix.ts';
import { NOTES } from './notes.ts';
import { type FixSessionOptions, openFixSession } from './sessions.ts';
import type { FixRequest, RemediationStore, WriteResult } from './store.ts';
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
}

export type PrepareResult =
  | { kind: 'no-fix' }
  | { kind: 'invalid-inputs'; error: Localized }
  /** Another request to change the same resource (fixTargetKey) is still open. */
  | { kind: 'open'; request: FixRequest }
  | { kind: 'already-fixed'; preview: FixPreview }
  | { kind: 'preview-failed'; error: string }
  | { kind: 'requested'; request: FixRequest };

export type DecisionResult =
  | { kind: 'not-found' }
  | { kind: 'refused'; refusal: Refusal; request: FixRequest }
  /** Not waiting for this decision (any more): decided by someone else, or another phase. */
  | { kind: 'not-waiting'; request: FixRequest }
  | { kind: 'expired'; request: FixRequest }
  | { kind: 'done'; request: FixRequest };

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
  /** Requests this process is applying or undoing now: start-up reconciliation of other replicas skips them. */
  readonly busy = new Set<string>();

  constructor(private readonly options: RemediationServiceOptions) {}

  private now(): string {
    return this.options.clock.now().toISOString();
  }

  private deadline(): string {
    return new Date(this.options.clock.now().getTime() + this.options.ttlMs).toISOString();
  }

  private text(message: Localized): string {
    return pick(message, this.options.locale);
  }

  get policy(): ApprovalPolicy {
    return this.options.policy;
  }

  fixFor(finding: CheckResult): AnyFix | undefined {
    return this.options.fixFor(finding);
  }

  get(id: unknown): Promise<FixRequest | undefined> {
    return typeof id === 'string' && id.length <= 64 ? this.options.store.getRequest(id) : Promise.resolve(undefined);
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
    if (!(await this.options.store.createRequest(request))) {
      // Someone else asked for the same fix while this preview was being read.
      const other = await this.options.store.openRequestFor(key);
      if (other) return { kind: 'open', request: other };
      // …and it was settled in between: this request may go in now.
      if (!(await this.options.store.createRequest(request))) throw new Error(`could not store the fix request for ${key}`);
    }
    await this.options.audit.fix(request, 'fix.requested', requesterId, at, { preview: request.preview, inputs: request.inputs });
    return { kind: 'requested', request };
  }

  /** Remembers the approval message, so outcomes can update it. */
  async attachMessage(id: string, channel: string, ts: string): Promise<void> {
    await this.options.store.setRequestMessage(id, { channel, ts });
  }

  /** The approval request could not be posted: nobody can approve it, so it ends here. */
  async abandon(request: FixRequest, reason: string): Promise<FixRequest> {
    const at = this.now();
    const next: FixRequest = { ...request, state: 'failed', error: this.text(NOTES.notPosted(reason)), updatedAt: at };
    if (!(await this.options.store.transitionRequest(next, 'requested'))) return (await this.get(request.id)) ?? request;
    await this.options.audit.fix(next, 'fix.failed', SYSTEM_ACTOR, at, { outcome: next.error });
    return next;
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
    if (request.state !== WAITING[phase]) return { kind: 'not-waiting', request };
    const expired = await this.expireIfDue(request);
    if (expired) return { kind: 'expired', request: expired };

    const at = this.now();
    if (phase === 'fix') {
      const approved: FixRequest = { ...request, state: 'approved', approval: { by: userId, at }, updatedAt: at };
      if (!(await this.options.store.transitionRequest(approved, 'requested'))) return this.lostRace(request);
      await this.options.audit.fix(approved, 'fix.approved', userId, at);
      return { kind: 'done', request: await this.working(approved.id, () => this.apply(approved)) };
    }
    const undoing: FixRequest = { ...request, state: 'undoing', undoApproval: { by: userId, at }, updatedAt: at };
    if (!(await this.options.store.transitionRequest(undoing, 'undo_requested'))) return this.lostRace(request);
    await this.options.audit.fix(undoing, 'fix.undo-approved', userId, at);
    return { kind: 'done', request: await this.working(undoing.id, () => this.undo(undoing)) };
  }

  private async working<T>(id: string, work: () => Promise<T>): Promise<T> {
    this.busy.add(id);
    try {
      return await work();
    } finally {
      this.busy.delete(id);
    }
  }

  private async lostRace(request: FixRequest): Promise<DecisionResult> {
    return { kind: 'not-waiting', request: (await this.get(request.id)) ?? request };
  }

  /** approved → applying → applied | unchanged | failed. Only the caller that won `approved` gets here. */
  private async apply(approved: FixRequest): Promise<FixRequest> {
    const applying: FixRequest = { ...approved, state: 'applying', updatedAt: this.now() };
    if (!(await this.options.store.transitionRequest(applying, 'approved'))) return (await this.get(approved.id)) ?? approved;
    const fix = this.options.fixById(applying.fixId);
    let next: FixRequest;
    if (!fix) {
      next = { ...applying, state: 'failed', error: this.text(NOTES.unknownFix(applying.fixId)) };
    } else {
      let session: ReturnType<typeof openFixSession> | undefined;
      try {
        session = openFixSession(applying.finding.accountId, { ...this.options.sessions, clock: this.options.clock });
        const outcome = await fix.apply(applying.finding, applying.inputs, session.context);
        const result = writeResult(outcome, this.now());
        next = { ...applying, state: outcome.status === 'applied' ? 'applied' : 'unchanged', result };
      } catch (err) {
        next = await this.afterError(applying, fix, session, describeFixError(err, this.options.locale));
      } finally {
        session?.close();
      }
    }
    next.updatedAt = this.now();
    await this.options.store.transitionRequest(next, 'applying');
    const detail =
      next.state === 'failed'
        ? { outcome: next.error ?? '' }
        : {
            before: next.result?.before,
            after: next.result?.after,
            requestIds: next.result?.requestIds ?? [],
            outcome: next.result?.message ?? '',
          };
    await this.options.audit.fix(next, next.state === 'applied' ? 'fix.applied' : next.state === 'unchanged' ? 'fix.unchanged' : 'fix.failed', SYSTEM_ACTOR, next.updatedAt, detail);
    return next;
  }

  /**
   * An apply that threw may still have changed AWS (the write went through, the read-back failed): read
   * what AWS shows, so a change is recorded as applied (and can be undone) rather than claimed not made.
   */
  private async afterError(applying: FixRequest, fix: AnyFix, session: ReturnType<typeof openFixSession> | undefined, error: string): Promise<FixRequest> {
    if (session) {
      try {
        const found = await fix.reconcile(applying.finding, applying.inputs, session.context);
        if (found.state === 'changed') {
          return {
            ...applying,
            state: 'applied',
            result: { status: 'applied', before: applying.preview.current, after: found.current, requestIds: [], message: found.message, verified: true, at: this.now() },
            note: this.text(NOTES.errorButChanged(error)),
          };
        }
      } catch {
        // AWS cannot be read either: the error stands, and the request is failed as it reported.
      }
    }
    return { ...applying, state: 'failed', error };
  }

  /** undoing → undone, or back to applied when the undo fails (it may be requested again). */
  private async undo(undoing: FixRequest): Promise<FixRequest> {
    const fix = this.options.fixById(undoing.fixId);
    let next: FixRequest;
    try {
      if (!fix) throw new Error(this.text(NOTES.unknownFix(undoing.fixId)));
      const session = openFixSession(undoing.finding.accountId, { ...this.options.sessions, clock: this.options.clock });
      try {
        const outcome = await fix.undo(
          {
            fixId: undoing.fixId,
            finding: undoing.finding,
            inputs: undoing.inputs,
            before: undoing.result?.before,
            after: undoing.result?.after,
            requestIds: undoing.result?.requestIds ?? [],
          },
          session.context,
        );
        next = { ...undoing, state: 'undone', undoResult: writeResult(outcome, this.now()) };
      } finally {
        session.close();
      }
    } catch (err) {
      next = { ...undoing, state: 'applied', note: this.text(NOTES.undoFailed(describeFixError(err, this.options.locale))) };
    }
    next.updatedAt = this.now();
    await this.options.store.transitionRequest(next, 'undoing');
    if (next.state === 'undone') {
      await this.options.audit.fix(next, 'fix.undone', SYSTEM_ACTOR, next.updatedAt, {
        before: next.undoResult?.before,
        after: next.undoResult?.after,
        requestIds: next.undoResult?.requestIds ?? [],
        outcome: next.undoResult?.message ?? '',
      });
    } else {
      await this.options.audit.fix(next, 'fix.undo-failed', SYSTEM_ACTOR, next.updatedAt, { outcome: next.note ?? '' });
    }
    return next;
  }

  /** Rejects the fix, or the undo (the fix then stays applied). */
  async reject(id: unknown, userId: string, phase: Phase, reason?: string): Promise<DecisionResult> {
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
    if (phase === 'fix') {
      const rejected: FixRequest = { ...request, state: 'rejected', rejection: decision, updatedAt: at };
      if (!(await this.options.store.transitionRequest(rejected, 'requested'))) return this.lostRace(request);
      await this.options.audit.fix(rejected, 'fix.rejected', userId, at, reason ? { reason } : {});
      return { kind: 'done', request: rejected };
    }
    const kept: FixRequest = { ...request, state: 'applied', undoRejection: decision, updatedAt: at };
    if (!(await this.options.store.transitionRequest(kept, 'undo_requested'))) return this.lostRace(request);
    await this.options.audit.fix(kept, 'fix.undo-rejected', userId, at, reason ? { reason } : {});
    return { kind: 'done', request: kept };
  }

  /** Asks for the applied fix to be undone; the undo then waits for an approver like the fix did. */
  async requestUndo(id: unknown, userId: string): Promise<UndoRequestResult> {
    const request = await this.get(id);
    if (!request) return { kind: 'not-found' };
    if (request.state !== 'applied') return { kind: 'not-applied', request };
    const at = this.now();
    const { undoRejection: _rejection, undoApproval: _approval, note: _note, ...rest } = request;
    const next: FixRequest = { ...rest, state: 'undo_requested', undoRequest: { by: userId, at }, expiresAt: this.deadline(), updatedAt: at };
    if (!(await this.options.store.transitionRequest(next, 'applied'))) {
      return { kind: 'not-applied', request: (await this.get(request.id)) ?? request };
    }
    await this.options.audit.fix(next, 'fix.undo-requested', userId, at);
    return { kind: 'requested', request: next };
  }

  /**
   * A request whose approval deadline has passed does nothing: requested → expired, undo_requested →
   * applied. Returns the expired record, or undefined when it is not due (or someone moved it first).
   */
  async expireIfDue(request: FixRequest): Promise<FixRequest | undefined> {
    if (request.state !== 'requested' && request.state !== 'undo_requested') return undefined;
    if (this.options.clock.now().getTime() < Date.parse(request.expiresAt)) return undefined;
    const at = this.now();
    if (request.state === 'requested') {
      const expired: FixRequest = { ...request, state: 'expired', updatedAt: at };
      if (!(await this.options.store.transitionRequest(expired, 'requested'))) return undefined;
      await this.options.audit.fix(expired, 'fix.expired', SYSTEM_ACTOR, at);
      return expired;
    }
    const kept: FixRequest = { ...request, state: 'applied', note: this.text(NOTES.undoExpired), updatedAt: at };
    if (!(await this.options.store.transitionRequest(kept, 'undo_requested'))) return undefined;
    await this.options.audit.fix(kept, 'fix.undo-expired', SYSTEM_ACTOR, at);
    return kept;
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
