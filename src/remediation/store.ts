// What the remediation feature remembers, in domain terms: finding snapshots (what a button points at),
// fix requests, risk acceptances and the append-only audit trail. Async, so a DynamoDB implementation can
// satisfy it too (conditional writes there); the SQLite one lives in src/store/sqlite/.
import type { CheckResult } from '../engine/types.ts';
import type { DryRunResult, FixOutcome } from './fix.ts';
import type { RequestState, RiskState } from './state.ts';
import type { BatchTransition, FixBatch } from './batch.ts';

/** A finding as it was shown to someone: a button's value is only this record's random id. */
export interface FindingSnapshot {
  id: string;
  finding: CheckResult;
  createdAt: string;
}

/** The preview as the approver saw it. */
export interface StoredPreview {
  lines: string[];
  warnings: string[];
  dryRun?: DryRunResult;
  /** The resource as read when the request was made (the before-state a reconciled record keeps). */
  current: unknown;
}

/** Who decided, when, and (for a rejection) why. */
export interface Decision {
  by: string;
  at: string;
  reason?: string;
}

/** What one apply or undo did, as the fix reported it, and when. */
export interface WriteResult extends FixOutcome {
  at: string;
}

export interface MessageRef {
  channel: string;
  ts: string;
}

export interface FixRequest {
  id: string;
  fixId: string;
  finding: CheckResult;
  /** fixTargetKey(fixId, finding): what the fix changes, so one request at a time may change it. */
  findingKey: string;
  /** What the requester entered (a replacement CIDR); the fix re-validates it. */
  inputs: unknown;
  preview: StoredPreview;
  state: RequestState;
  requestedBy: string;
  requestedAt: string;
  /** When the decision the request now waits for (fix or undo approval) lapses. */
  expiresAt: string;
  approval?: Decision;
  rejection?: Decision;
  result?: WriteResult;
  /** Why it failed, in the bot's language. */
  error?: string;
  undoRequest?: { by: string; at: string };
  undoApproval?: Decision;
  /** The latest undo request's rejection (the fix then stays applied). */
  undoRejection?: Decision;
  undoResult?: WriteResult;
  /** The latest remark for people: an undo rejected or failed, a reconciliation after a crash. */
  note?: string;
  /** The approval request message in the approval channel. */
  message?: MessageRef;
  /**
   * Who is working on the request while it is in flight (IN_FLIGHT: approved, applying, undoing), and until
   * when. The owner renews it while it works; only after it expires may another process settle the request,
   * and it does so by reading AWS. The store clears it when the request leaves the in-flight states.
   */
  lease?: Lease;
  /**
   * What the fix recorded of its own writes, before and while making them (fix-specific, e.g. "about to add
   * replacement rule X", then "added sgr-…"). Reconcile and undo trust only this, never a look-alike in AWS.
   */
  journal?: unknown;
  updatedAt: string;
}

export interface Lease {
  /** A process id unique per run (host, pid, random). */
  owner: string;
  expiresAt: string;
}

/**
 * The lease condition of a transition:
 * - `take`: entering an in-flight state; the new record carries this lease.
 * - `holder`: only the process holding an unexpired lease (at `now`) may act; `renewUntil` extends it.
 * - `expiredBefore`: another process settles abandoned work: the stored lease must have expired by then
 *   (a request without a lease counts as expired).
 */
export type LeaseCondition =
  | { take: Lease }
  | { holder: string; now: string; renewUntil?: string }
  | { expiredBefore: string };

/**
 * One conditional state change and its audit event, written in one transaction. `changes` are merged onto the
 * stored record (a key set to undefined removes that field); `state` becomes `to`. `from === to` is allowed
 * only for in-flight states with a `holder` lease condition: recording journal progress or renewing the lease.
 */
export interface RequestTransition {
  id: string;
  from: RequestState;
  to: RequestState;
  changes: Partial<Omit<FixRequest, 'id' | 'state' | 'lease'>>;
  audit?: NewAuditEvent;
  lease?: LeaseCondition;
}

export interface RiskTransition {
  id: string;
  from: RiskState;
  to: RiskState;
  changes: Partial<Omit<RiskAcceptance, 'id' | 'state'>>;
  audit?: NewAuditEvent;
}

/** `won`: this call moved the record (and wrote its audit event). `lost`: it changed nothing; act on that. */
export type TransitionResult<T> = { outcome: 'won'; record: T } | { outcome: 'lost'; current: T | undefined };

export interface RiskAcceptance {
  id: string;
  findingKey: string;
  finding: CheckResult;
  reason: string;
  state: RiskState;
  requestedBy: string;
  requestedAt: string;
  /** When an unanswered acceptance request lapses. */
  requestExpiresAt: string;
  /** When the acceptance itself ends and the finding fails again. */
  expiresAt: string;
  /** Accepted or rejected by. */
  decision?: Decision;
  revocation?: Decision;
  message?: MessageRef;
  updatedAt: string;
}

/** `batch`: a "Fix all" batch's own decisions (its requests are audited as `fix`). */
export type AuditSubject = 'fix' | 'risk' | 'batch';

export interface AuditDetail {
  preview?: StoredPreview;
  inputs?: unknown;
  before?: unknown;
  after?: unknown;
  requestIds?: string[];
  /** What happened, in words (the fix's own message, or an error). */
  outcome?: string;
  reason?: string;
  note?: string;
  /** A risk acceptance's end. */
  expiresAt?: string;
}

export interface NewAuditEvent {
  at: string;
  /** e.g. fix.requested, fix.approved, fix.applied, risk.accepted. */
  event: string;
  /** A Slack user id, or `awscheck` for what the bot did on its own (expiry, start-up reconciliation). */
  actor: string;
  subject: AuditSubject;
  subjectId: string;
  checkId: string;
  accountId: string;
  region: string;
  resourceId: string;
  subResourceId?: string;
  fixId?: string;
  detail: AuditDetail;
}

export interface AuditEvent extends NewAuditEvent {
  /** Position in the trail, increasing. */
  seq: number;
}

export interface AuditQuery {
  /** Only the latest N events. */
  limit?: number;
}

export interface RemediationStore {
  saveSnapshot(snapshot: FindingSnapshot): Promise<void>;
  getSnapshot(id: string): Promise<FindingSnapshot | undefined>;
  /** Deletes snapshots older than `before`: requests keep their own copy of the finding. */
  pruneSnapshots(before: string): Promise<number>;

  /**
   * Stores a new request and its audit event together. False (and nothing written) when the same target
   * (findingKey) already has a request in one of OPEN_STATES: the one list of open states, for code and index.
   */
  createRequest(request: FixRequest, audit: NewAuditEvent): Promise<boolean>;
  getRequest(id: string): Promise<FixRequest | undefined>;
  /**
   * Moves the request only if it is still in `from` and the lease condition holds; the audit event is written
   * in the same transaction. Throws TransitionError for a move the state machine does not have.
   */
  transitionRequest(transition: RequestTransition): Promise<TransitionResult<FixRequest>>;
  requestsIn(states: readonly RequestState[]): Promise<FixRequest[]>;
  /** The request for this finding that is still open (see OPEN_STATES), if any. */
  openRequestFor(findingKey: string): Promise<FixRequest | undefined>;
  setRequestMessage(id: string, message: MessageRef): Promise<void>;

  /** Stores a new risk acceptance (requested, or accepted at once) and its audit event together. */
  createRisk(risk: RiskAcceptance, audit: NewAuditEvent): Promise<void>;
  getRisk(id: string): Promise<RiskAcceptance | undefined>;
  /** Conditional like transitionRequest, with its audit event in the same transaction. */
  transitionRisk(transition: RiskTransition): Promise<TransitionResult<RiskAcceptance>>;
  risksIn(states: readonly RiskState[]): Promise<RiskAcceptance[]>;
  setRiskMessage(id: string, message: MessageRef): Promise<void>;

  /** Stores a new "Fix all" batch (its requests are stored before, by createRequest) and its audit event. */
  createBatch(batch: FixBatch, audit: NewAuditEvent): Promise<void>;
  getBatch(id: string): Promise<FixBatch | undefined>;
  /** Conditional like transitionRisk (only from `from`), with its audit event in the same transaction. */
  transitionBatch(transition: BatchTransition): Promise<TransitionResult<FixBatch>>;
  setBatchMessage(id: string, message: MessageRef): Promise<void>;

  /** Appends one event that goes with no state change (a refusal); the trail is never updated or deleted. */
  appendAudit(event: NewAuditEvent): Promise<AuditEvent>;
  /** Oldest first (the latest `limit` when given). */
  auditEvents(query?: AuditQuery): Promise<AuditEvent[]>;
}
