// "Fix all (N)…": one approval for up to MAX_BATCH fix requests of one check. Each resource becomes an
// ordinary request (RemediationService.prepare: live preview, DryRun where the fix has it, one open request
// per target); the batch record carries only the batch's own decision, moved exactly once by a conditional
// store transition with its audit event. After approval the requests run one at a time through
// RemediationService.approve (the same claim, lease, audit and account check as a single fix), paced by a
// rate limit, and a Stop ends the ones not yet started as rejected. Undo all asks for each applied request's
// undo and runs them after one approval of the batch, the same way.
import { randomUUID } from 'node:crypto';
import type { CheckResult, Clock } from '../engine/types.ts';
import { type Locale, type Localized, t } from '../i18n/locale.ts';
import { type AuditEventName, SYSTEM_ACTOR } from './audit.ts';
import type { Refusal } from './approvals.ts';
import { type BatchSkip, type BatchState, type FixBatch, MAX_BATCH } from './batch.ts';
import type { RemediationService } from './service.ts';
import type { AuditDetail, FixRequest, NewAuditEvent, RemediationStore } from './store.ts';

export interface BatchServiceOptions {
  store: RemediationStore;
  fixes: RemediationService;
  clock: Clock;
  /** How long a decision waits (AWSCHECK_APPROVAL_TTL), as for single fixes. */
  ttlMs: number;
  /** Pause between two writes of one batch (rate limit); at least a second in production. */
  paceMs: number;
  sleep?: (ms: number) => Promise<void>;
  locale: Locale;
}

/** Why a resource of the group was not requested. */
const SKIPS = {
  'already-fixed': () => ({ en: 'already fixed', ja: '修正済み' }),
  open: () => ({ en: 'another request for it is open', ja: 'ほかの依頼が進行中' }),
  'preview-failed': (error: string) => ({ en: `could not be read: ${error}`, ja: `読み取れませんでした: ${error}` }),
};

export type BatchPrepareResult =
  | { kind: 'no-fix' }
  | { kind: 'invalid-inputs'; error: Localized }
  /** Nothing left to request: every resource was skipped. */
  | { kind: 'nothing'; skipped: BatchSkip[] }
  | { kind: 'requested'; batch: FixBatch; requests: FixRequest[] };

export type BatchDecisionResult =
  | { kind: 'not-found' }
  | { kind: 'refused'; refusal: Refusal; batch: FixBatch }
  | { kind: 'not-waiting'; batch: FixBatch }
  | { kind: 'expired'; batch: FixBatch }
  | { kind: 'done'; batch: FixBatch };

/** A progress callback: the batch and its requests as they stand after each step. */
export type BatchProgress = (batch: FixBatch, requests: FixRequest[]) => Promise<void>;

const label = (f: CheckResult) => (f.subResourceId ? `${f.resourceId} / ${f.subResourceId}` : f.resourceId);

export class BatchService {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: BatchServiceOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }

  get(id: unknown): Promise<FixBatch | undefined> {
    return typeof id === 'string' && id.length <= 64 ? this.options.store.getBatch(id) : Promise.resolve(undefined);
  }

  /** The batch's requests, in run order (a request that vanished is left out). */
  async requests(batch: FixBatch): Promise<FixRequest[]> {
    const found = await Promise.all(batch.requestIds.map((id) => this.options.fixes.get(id)));
    return found.filter((r): r is FixRequest => r !== undefined);
  }

  private event(batch: FixBatch, event: AuditEventName, actor: string, at: string, detail: AuditDetail = {}): NewAuditEvent {
    return {
      at,
      event,
      actor,
      subject: 'batch',
      subjectId: batch.id,
      checkId: batch.checkId,
      accountId: '',
      region: '',
      resourceId: `${batch.requestIds.length} resources`,
      fixId: batch.fixId,
      detail: { note: `requests: ${batch.requestIds.join(' ')}`, ...detail },
    };
  }

  private async move(batch: FixBatch, from: BatchState, to: BatchState, changes: Partial<FixBatch>, event: AuditEventName, actor: string, detail?: AuditDetail) {
    const at = this.now();
    const next = { ...batch, ...changes, state: to };
    return this.options.store.transitionBatch({ id: batch.id, from, to, changes: { ...changes, updatedAt: at }, audit: this.event(next, event, actor, at, detail) });
  }

  /**
   * Reads each finding's preview live and stores a request for each that has something to do (at most
   * MAX_BATCH), then the batch over them. Resources already fixed or with another open request are skipped.
   */
  async prepare(findings: readonly CheckResult[], requesterId: string, rawInputs: unknown = {}): Promise<BatchPrepareResult> {
    const { fixes, locale } = this.options;
    const describeSkip = (kind: keyof typeof SKIPS, error = '') => t(locale, SKIPS[kind](error));
    const first = findings[0];
    const fix = first ? fixes.fixFor(first) : undefined;
    if (!first || !fix) return { kind: 'no-fix' };
    const requests: FixRequest[] = [];
    const skipped: BatchSkip[] = [];
    for (const finding of findings) {
      if (requests.length >= MAX_BATCH) break;
      if (fixes.fixFor(finding)?.id !== fix.id) continue;
      const result = await fixes.prepare(finding, requesterId, rawInputs);
      if (result.kind === 'invalid-inputs') return result;
      if (result.kind === 'requested') requests.push(result.request);
      else if (result.kind === 'already-fixed') skipped.push({ label: label(finding), reason: describeSkip('already-fixed') });
      else if (result.kind === 'open') skipped.push({ label: label(finding), reason: describeSkip('open') });
      else if (result.kind === 'preview-failed') skipped.push({ label: label(finding), reason: describeSkip('preview-failed', result.error) });
    }
    if (requests.length === 0) return { kind: 'nothing', skipped };
    const at = this.now();
    const batch: FixBatch = {
      id: randomUUID(),
      checkId: first.checkId,
      fixId: fix.id,
      requestIds: requests.map((r) => r.id),
      skipped,
      groupSize: findings.filter((f) => fixes.fixFor(f)?.id === fix.id).length,
      inputs: requests[0]?.inputs ?? {},
      state: 'requested',
      requestedBy: requesterId,
      requestedAt: at,
      // The members expire at the same time (they were stored just before).
      expiresAt: requests.reduce((min, r) => (r.expiresAt < min ? r.expiresAt : min), requests[0]?.expiresAt ?? at),
      updatedAt: at,
    };
    await this.options.store.createBatch(batch, this.event(batch, 'batch.requested', requesterId, at));
    return { kind: 'requested', batch, requests };
  }

  async attachMessage(id: string, channel: string, ts: string): Promise<void> {
    await this.options.store.setBatchMessage(id, { channel, ts });
  }

  /** The approval request could not be posted: the batch and its requests end here. */
  async abandon(batch: FixBatch, reason: string): Promise<void> {
    await this.move(batch, 'requested', 'failed', {}, 'batch.failed', SYSTEM_ACTOR, { outcome: reason });
    for (const request of await this.requests(batch)) await this.options.fixes.abandon(request, reason);
  }

  private async refused(batch: FixBatch, userId: string, requester: string, note: string): Promise<BatchDecisionResult | undefined> {
    const refusal = await this.options.fixes.policy.refusal(userId, requester);
    if (!refusal) return undefined;
    await this.options.store.appendAudit(this.event(batch, 'batch.refused', userId, this.now(), { reason: refusal, note }));
    return { kind: 'refused', refusal, batch };
  }

  private async expireIfDue(batch: FixBatch): Promise<FixBatch | undefined> {
    if (this.options.clock.now().getTime() < Date.parse(batch.expiresAt)) return undefined;
    if (batch.state === 'requested') {
      const won = await this.move(batch, 'requested', 'expired', {}, 'batch.expired', SYSTEM_ACTOR);
      for (const request of await this.requests(batch)) await this.options.fixes.expireIfDue(request);
      return won.outcome === 'won' ? won.record : (won.current ?? batch);
    }
    return undefined;
  }

  /**
   * Approves the batch (exactly once: requested → running) and runs its requests one at a time. Only the
   * click that won the batch's transition runs them; a second click is told the batch is no longer waiting.
   */
  async approve(id: unknown, userId: string, progress: BatchProgress): Promise<BatchDecisionResult> {
    const batch = await this.get(id);
    if (!batch) return { kind: 'not-found' };
    const refused = await this.refused(batch, userId, batch.requestedBy, 'fix all approval');
    if (refused) return refused;
    if (batch.state !== 'requested' || this.options.fixes.stopping) return { kind: 'not-waiting', batch };
    const expired = await this.expireIfDue(batch);
    if (expired) return { kind: 'expired', batch: expired };
    const won = await this.move(batch, 'requested', 'running', { approval: { by: userId, at: this.now() } }, 'batch.approved', userId);
    if (won.outcome === 'lost') return { kind: 'not-waiting', batch: won.current ?? batch };
    await progress(won.record, await this.requests(won.record));
    const ran = await this.runEach(won.record, 'running', (requestId) => this.options.fixes.approve(requestId, userId, 'fix'), progress);
    const finished = await this.move(ran, 'running', 'done', {}, 'batch.done', SYSTEM_ACTOR);
    const final = finished.outcome === 'won' ? finished.record : ((await this.get(ran.id)) ?? ran);
    await progress(final, await this.requests(final));
    return { kind: 'done', batch: final };
  }

  /** One request after another, a pause between writes, until the batch leaves `state` (a Stop). */
  private async runEach(batch: FixBatch, state: BatchState, run: (requestId: string) => Promise<unknown>, progress: BatchProgress): Promise<FixBatch> {
    let current = batch;
    let wrote = false;
    for (const requestId of batch.requestIds) {
      if (wrote) await this.sleep(this.options.paceMs);
      current = (await this.get(batch.id)) ?? current;
      if (current.state !== state || this.options.fixes.stopping) break;
      await run(requestId);
      wrote = true;
      await progress(current, await this.requests(current));
    }
    return current;
  }

  /**
   * Rejects a waiting batch, or stops a running one: exactly once, audited; every request not yet started
   * is rejected with it (through the single-fix path, with its own audit event). Open to the requester and
   * to approvers, as saying no is safe.
   */
  async stopOrReject(id: unknown, userId: string): Promise<BatchDecisionResult> {
    const batch = await this.get(id);
    if (!batch) return { kind: 'not-found' };
    if (userId !== batch.requestedBy && !(await this.options.fixes.policy.isApprover(userId))) {
      await this.options.store.appendAudit(this.event(batch, 'batch.refused', userId, this.now(), { reason: 'not-approver', note: 'fix all stop' }));
      return { kind: 'refused', refusal: 'not-approver', batch };
    }
    const decision = { by: userId, at: this.now() };
    const won =
      batch.state === 'requested'
        ? await this.move(batch, 'requested', 'rejected', { rejection: decision }, 'batch.rejected', userId)
        : batch.state === 'running'
          ? await this.move(batch, 'running', 'stopped', { stop: decision }, 'batch.stopped', userId)
          : undefined;
    if (!won || won.outcome === 'lost') return { kind: 'not-waiting', batch: won?.outcome === 'lost' ? (won.current ?? batch) : batch };
    const reason = won.record.state === 'stopped' ? 'Fix all stopped before this resource' : 'Fix all rejected';
    for (const request of await this.requests(won.record)) {
      if (request.state === 'requested') await this.options.fixes.reject(request.id, userId, 'fix', reason);
    }
    return { kind: 'done', batch: won.record };
  }

  /** Undo all: asks for the undo of every applied request of the batch; one approval then runs them. */
  async requestUndoAll(id: unknown, userId: string): Promise<BatchDecisionResult> {
    const batch = await this.get(id);
    if (!batch) return { kind: 'not-found' };
    if (batch.state !== 'done' && batch.state !== 'stopped') return { kind: 'not-waiting', batch };
    const applied = (await this.requests(batch)).filter((r) => r.state === 'applied');
    if (applied.length === 0) return { kind: 'not-waiting', batch };
    const at = this.now();
    // The undo approval lapses with its requests' (the same TTL, from the same clock, a moment earlier).
    const expiresAt = new Date(this.options.clock.now().getTime() + this.options.ttlMs).toISOString();
    const won = await this.move(batch, batch.state, 'undo_requested', { undoRequest: { by: userId, at }, undoRejection: undefined, undoApproval: undefined, expiresAt }, 'batch.undo-requested', userId);
    if (won.outcome === 'lost') return { kind: 'not-waiting', batch: won.current ?? batch };
    for (const request of applied) await this.options.fixes.requestUndo(request.id, userId);
    return { kind: 'done', batch: won.record };
  }

  /** Approves Undo all (exactly once) and undoes the requests waiting for it, one at a time. */
  async approveUndoAll(id: unknown, userId: string, progress: BatchProgress): Promise<BatchDecisionResult> {
    const batch = await this.get(id);
    if (!batch) return { kind: 'not-found' };
    const refused = await this.refused(batch, userId, batch.undoRequest?.by ?? batch.requestedBy, 'undo all approval');
    if (refused) return refused;
    if (batch.state !== 'undo_requested' || this.options.fixes.stopping) return { kind: 'not-waiting', batch };
    if (this.options.clock.now().getTime() >= Date.parse(batch.expiresAt)) {
      const lapsed = await this.move(batch, 'undo_requested', 'done', {}, 'batch.undo-expired', SYSTEM_ACTOR);
      for (const request of await this.requests(batch)) await this.options.fixes.expireIfDue(request);
      return { kind: 'expired', batch: lapsed.outcome === 'won' ? lapsed.record : (lapsed.current ?? batch) };
    }
    const won = await this.move(batch, 'undo_requested', 'undoing', { undoApproval: { by: userId, at: this.now() } }, 'batch.undo-approved', userId);
    if (won.outcome === 'lost') return { kind: 'not-waiting', batch: won.current ?? batch };
    const waiting = new Set((await this.requests(won.record)).filter((r) => r.state === 'undo_requested').map((r) => r.id));
    const ran = await this.runEach(
      { ...won.record, requestIds: won.record.requestIds.filter((r) => waiting.has(r)) },
      'undoing',
      (requestId) => this.options.fixes.approve(requestId, userId, 'undo'),
      progress,
    );
    const finished = await this.move({ ...won.record, ...ran, requestIds: won.record.requestIds }, 'undoing', 'undone', {}, 'batch.undone', SYSTEM_ACTOR);
    const final = finished.outcome === 'won' ? finished.record : ((await this.get(batch.id)) ?? won.record);
    await progress(final, await this.requests(final));
    return { kind: 'done', batch: final };
  }

  /** Rejects Undo all: the fixes stay applied (each request's undo is rejected through the single-fix path). */
  async rejectUndoAll(id: unknown, userId: string): Promise<BatchDecisionResult> {
    const batch = await this.get(id);
    if (!batch) return { kind: 'not-found' };
    if (userId !== batch.undoRequest?.by && !(await this.options.fixes.policy.isApprover(userId))) {
      await this.options.store.appendAudit(this.event(batch, 'batch.refused', userId, this.now(), { reason: 'not-approver', note: 'undo all rejection' }));
      return { kind: 'refused', refusal: 'not-approver', batch };
    }
    if (batch.state !== 'undo_requested') return { kind: 'not-waiting', batch };
    const won = await this.move(batch, 'undo_requested', 'done', { undoRejection: { by: userId, at: this.now() } }, 'batch.undo-rejected', userId);
    if (won.outcome === 'lost') return { kind: 'not-waiting', batch: won.current ?? batch };
    for (const request of await this.requests(won.record)) {
      if (request.state === 'undo_requested') await this.options.fixes.reject(request.id, userId, 'undo');
    }
    return { kind: 'done', batch: won.record };
  }
}
