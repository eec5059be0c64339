// Accepted risks: a finding someone decided to live with, for a reason and until a date (90 days by
// default, at most 365). It needs an approver unless AWSCHECK_RISK_SELF_ACCEPT=true. While accepted and not
// expired, scans show the finding as MUTED (matched by findingKey); after the expiry it is FAIL again.
import { randomUUID } from 'node:crypto';
import type { CheckResult, Clock } from '../engine/types.ts';
import type { Localized } from '../i18n/locale.ts';
import { findingKey } from '../store/finding-key.ts';
import { type AuditEventName, type AuditLog, riskEvent, SYSTEM_ACTOR } from './audit.ts';
import type { ApprovalPolicy } from './approvals.ts';
import type { DecisionOf } from './service.ts';
import type { AuditDetail, RemediationStore, RiskAcceptance, RiskTransition } from './store.ts';
import type { RiskState } from './state.ts';
import { DAY_MS } from '../time/units.ts';

export const DEFAULT_RISK_DAYS = 90;
export const MAX_RISK_DAYS = 365;
export const MAX_REASON_LENGTH = 1000;

export interface RiskServiceOptions {
  store: RemediationStore;
  audit: AuditLog;
  policy: ApprovalPolicy;
  clock: Clock;
  /** How long an acceptance request waits for an approver. */
  ttlMs: number;
  /** AWSCHECK_RISK_SELF_ACCEPT: the person who clicks accepts it, no approver needed. */
  selfAccept: boolean;
}

export interface AcceptanceInput {
  reason: string;
  days: number;
}

export type AcceptanceErrors = Partial<Record<'reason' | 'days', Localized>>;

/** Days as typed (a string from the modal) or given; blank means the default. NaN when not a whole number. */
function parseDays(raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') return DEFAULT_RISK_DAYS;
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : NaN;
  if (typeof raw !== 'string') return NaN;
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
}

/** What the modal's fields say, checked again on the server (the client-side limits can be bypassed). */
export function validateAcceptance(raw: { reason?: unknown; days?: unknown }): { ok: true; value: AcceptanceInput } | { ok: false; errors: AcceptanceErrors } {
  const errors: AcceptanceErrors = {};
  const reason = typeof raw.reason === 'string' ? raw.reason.trim() : '';
  if (!reason) errors.reason = { en: 'Say why this risk is acceptable.', ja: 'このリスクを受容する理由を入力してください。' };
  else if (reason.length > MAX_REASON_LENGTH) {
    errors.reason = { en: `Keep the reason under ${MAX_REASON_LENGTH} characters.`, ja: `理由は ${MAX_REASON_LENGTH} 文字以内にしてください。` };
  }
  const days = parseDays(raw.days);
  if (!(days >= 1 && days <= MAX_RISK_DAYS)) {
    errors.days = { en: `Enter a whole number of days from 1 to ${MAX_RISK_DAYS}.`, ja: `1 から ${MAX_RISK_DAYS} までの日数を整数で入力してください。` };
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: { reason, days } };
}

export type AcceptResult =
  | { kind: 'invalid'; errors: AcceptanceErrors }
  /** An acceptance for this finding is already active or waiting. */
  | { kind: 'already'; risk: RiskAcceptance }
  | { kind: 'accepted'; risk: RiskAcceptance }
  | { kind: 'requested'; risk: RiskAcceptance };

export type RiskDecisionResult = DecisionOf<'risk', RiskAcceptance>;

type Mute = NonNullable<CheckResult['muted']>;

/** The accepted risks by findingKey; of two acceptances of one finding (possible across replicas) the later expiry wins. */
export async function loadMutes(store: Pick<RemediationStore, 'risksIn'>): Promise<Map<string, Mute>> {
  const mutes = new Map<string, Mute>();
  for (const risk of await store.risksIn(['accepted'])) {
    const existing = mutes.get(risk.findingKey);
    if (existing && existing.expiresAt >= risk.expiresAt) continue;
    mutes.set(risk.findingKey, { reason: risk.reason, expiresAt: risk.expiresAt, acceptedBy: risk.decision?.by ?? risk.requestedBy });
  }
  return mutes;
}

/** A scan's mute hook over loaded acceptances: a FAIL is MUTED while its acceptance has not expired. */
export function muteWith(mutes: ReadonlyMap<string, Mute>, clock: Clock): (result: CheckResult) => CheckResult['muted'] {
  return (result) => {
    const mute = mutes.get(findingKey(result));
    if (!mute || Date.parse(mute.expiresAt) <= clock.now().getTime()) return undefined;
    return { ...mute };
  };
}

/** Acceptances in force at `now` that end within `days`: the report's "expiring soon" list. */
export async function expiringAcceptances(store: Pick<RemediationStore, 'risksIn'>, now: Date, days: number): Promise<RiskAcceptance[]> {
  const from = now.getTime();
  const until = from + days * DAY_MS;
  return (await store.risksIn(['accepted']))
    .filter((r) => {
      const end = Date.parse(r.expiresAt);
      return end > from && end <= until;
    });
}

/**
 * Acceptances that ran out (not revoked: their own expiry) after `since` and by `now`; without `since`
 * (no report yet) the last day. The report says their findings fail again.
 */
export async function expiredAcceptances(store: Pick<RemediationStore, 'risksIn'>, since: Date | undefined, now: Date): Promise<RiskAcceptance[]> {
  const from = since?.getTime() ?? now.getTime() - DAY_MS;
  return (await store.risksIn(['accepted']))
    .filter((r) => {
      const end = Date.parse(r.expiresAt);
      return end > from && end <= now.getTime();
    });
}

export class RiskService {
  /** Accepted risks by findingKey, for the synchronous mute hook of the scan. */
  private mutes: (result: CheckResult) => CheckResult['muted'];

  constructor(private readonly options: RiskServiceOptions) {
    this.mutes = muteWith(new Map(), options.clock);
  }

  private now(): Date {
    return this.options.clock.now();
  }

  get selfAccept(): boolean {
    return this.options.selfAccept;
  }

  get(id: unknown): Promise<RiskAcceptance | undefined> {
    return typeof id === 'string' && id.length <= 64 ? this.options.store.getRisk(id) : Promise.resolve(undefined);
  }

  /** Reloads the accepted risks the mute hook uses (at start-up, after each change, and now and then). */
  async refresh(): Promise<void> {
    this.mutes = muteWith(await loadMutes(this.options.store), this.options.clock);
  }

  /** The scan's mute hook: the acceptance covering a FAIL result, while it has not expired. */
  mute(result: CheckResult): CheckResult['muted'] {
    return this.mutes(result);
  }

  /** A state change with its audit event, in one store transaction; the stored record when someone else moved it first. */
  private async move(
    risk: RiskAcceptance,
    from: RiskState,
    to: RiskState,
    changes: RiskTransition['changes'],
    audit: { event: AuditEventName; actor: string; detail?: AuditDetail },
  ): Promise<{ won: true; risk: RiskAcceptance } | { won: false; risk: RiskAcceptance }> {
    const at = changes.updatedAt ?? this.now().toISOString();
    const next = { ...risk, ...changes, state: to };
    const result = await this.options.store.transitionRisk({
      id: risk.id,
      from,
      to,
      changes: { ...changes, updatedAt: at },
      audit: riskEvent(next, audit.event, audit.actor, at, audit.detail),
    });
    return result.outcome === 'won' ? { won: true, risk: result.record } : { won: false, risk: result.current ?? risk };
  }

  private isLive(risk: RiskAcceptance): boolean {
    const now = this.now().getTime();
    return risk.state === 'accepted' ? Date.parse(risk.expiresAt) > now : risk.state === 'requested' && Date.parse(risk.requestExpiresAt) > now;
  }

  async request(finding: CheckResult, userId: string, raw: { reason?: unknown; days?: unknown }): Promise<AcceptResult> {
    const checked = validateAcceptance(raw);
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
    const key = findingKey(finding);
    const existing = (await this.options.store.risksIn(['requested', 'accepted'])).find((r) => r.findingKey === key && this.isLive(r));
    if (existing) return { kind: 'already', risk: existing };
    const now = this.now();
    const at = now.toISOString();
    const base: RiskAcceptance = {
      id: randomUUID(),
      findingKey: key,
      finding,
      reason: checked.value.reason,
      state: 'requested',
      requestedBy: userId,
      requestedAt: at,
      requestExpiresAt: new Date(now.getTime() + this.options.ttlMs).toISOString(),
      expiresAt: new Date(now.getTime() + checked.value.days * DAY_MS).toISOString(),
      updatedAt: at,
    };
    if (this.options.selfAccept) {
      const risk: RiskAcceptance = { ...base, state: 'accepted', decision: { by: userId, at } };
      await this.options.store.createRisk(risk, riskEvent(risk, 'risk.accepted', userId, at, { reason: risk.reason, expiresAt: risk.expiresAt, note: 'self-accepted' }));
      await this.refresh();
      return { kind: 'accepted', risk };
    }
    await this.options.store.createRisk(base, riskEvent(base, 'risk.requested', userId, at, { reason: base.reason, expiresAt: base.expiresAt }));
    return { kind: 'requested', risk: base };
  }

  async attachMessage(id: string, channel: string, ts: string): Promise<void> {
    await this.options.store.setRiskMessage(id, { channel, ts });
  }

  async approve(id: unknown, userId: string): Promise<RiskDecisionResult> {
    const risk = await this.get(id);
    if (!risk) return { kind: 'not-found' };
    const refusal = await this.options.policy.refusal(userId, risk.requestedBy);
    if (refusal) {
      await this.options.audit.risk(risk, 'risk.refused', userId, this.now().toISOString(), { reason: refusal, note: 'approval' });
      return { kind: 'refused', refusal, risk };
    }
    if (risk.state !== 'requested') return { kind: 'not-waiting', risk };
    const expired = await this.expireIfDue(risk);
    if (expired) return { kind: 'expired', risk: expired };
    const at = this.now().toISOString();
    const accepted = await this.move(risk, 'requested', 'accepted', { decision: { by: userId, at }, updatedAt: at }, {
      event: 'risk.accepted',
      actor: userId,
      detail: { reason: risk.reason, expiresAt: risk.expiresAt },
    });
    if (!accepted.won) return { kind: 'not-waiting', risk: accepted.risk };
    await this.refresh();
    return { kind: 'done', risk: accepted.risk };
  }

  async reject(id: unknown, userId: string, reason?: string): Promise<RiskDecisionResult> {
    if (reason !== undefined && reason.length > MAX_REASON_LENGTH) throw new RangeError(`a rejection reason is at most ${MAX_REASON_LENGTH} characters`);
    const risk = await this.get(id);
    if (!risk) return { kind: 'not-found' };
    if (userId !== risk.requestedBy && !(await this.options.policy.isApprover(userId))) {
      await this.options.audit.risk(risk, 'risk.refused', userId, this.now().toISOString(), { reason: 'not-approver', note: 'rejection' });
      return { kind: 'refused', refusal: 'not-approver', risk };
    }
    if (risk.state !== 'requested') return { kind: 'not-waiting', risk };
    const expired = await this.expireIfDue(risk);
    if (expired) return { kind: 'expired', risk: expired };
    const at = this.now().toISOString();
    const rejected = await this.move(risk, 'requested', 'rejected', { decision: { by: userId, at, ...(reason ? { reason } : {}) }, updatedAt: at }, {
      event: 'risk.rejected',
      actor: userId,
      detail: reason ? { reason } : {},
    });
    return rejected.won ? { kind: 'done', risk: rejected.risk } : { kind: 'not-waiting', risk: rejected.risk };
  }

  /** An approver ends an acceptance early: the finding fails again from the next scan. */
  async revoke(id: unknown, userId: string): Promise<RiskDecisionResult> {
    const risk = await this.get(id);
    if (!risk) return { kind: 'not-found' };
    if (!(await this.options.policy.isApprover(userId))) {
      await this.options.audit.risk(risk, 'risk.refused', userId, this.now().toISOString(), { reason: 'not-approver', note: 'revocation' });
      return { kind: 'refused', refusal: 'not-approver', risk };
    }
    if (risk.state !== 'accepted') return { kind: 'not-waiting', risk };
    const at = this.now().toISOString();
    const revoked = await this.move(risk, 'accepted', 'revoked', { revocation: { by: userId, at }, updatedAt: at }, { event: 'risk.revoked', actor: userId });
    if (!revoked.won) return { kind: 'not-waiting', risk: revoked.risk };
    await this.refresh();
    return { kind: 'done', risk: revoked.risk };
  }

  async expireIfDue(risk: RiskAcceptance): Promise<RiskAcceptance | undefined> {
    if (risk.state !== 'requested' || this.now().getTime() < Date.parse(risk.requestExpiresAt)) return undefined;
    const expired = await this.move(risk, 'requested', 'expired', {}, { event: 'risk.expired', actor: SYSTEM_ACTOR });
    return expired.won ? expired.risk : undefined;
  }

  /** Expires unanswered acceptance requests past their deadline; returns those it changed. */
  async expireDue(): Promise<RiskAcceptance[]> {
    const changed: RiskAcceptance[] = [];
    for (const risk of await this.options.store.risksIn(['requested'])) {
      const expired = await this.expireIfDue(risk);
      if (expired) changed.push(expired);
    }
    return changed;
  }

  /** Accepted risks in force now, soonest expiry first (`/awscheck risks`). */
  async active(): Promise<RiskAcceptance[]> {
    const now = this.now().getTime();
    return (await this.options.store.risksIn(['accepted'])).filter((r) => Date.parse(r.expiresAt) > now);
  }

  /** Acceptance requests still waiting for an approver. */
  async waiting(): Promise<RiskAcceptance[]> {
    const now = this.now().getTime();
    return (await this.options.store.risksIn(['requested'])).filter((r) => Date.parse(r.requestExpiresAt) > now);
  }
}
