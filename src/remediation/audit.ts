// The audit trail: every request, decision and AWS write, appended and never changed (the SQLite table
// refuses UPDATE and DELETE). Who asked, who approved or rejected, when, the preview, before and after,
// AWS request ids and the outcome; exported as CSV or JSON by `awscheck audit`.
import { stringify } from 'csv-stringify/sync';
import type { CheckResult } from '../engine/types.ts';
import type { AuditDetail, AuditEvent, AuditSubject, FixRequest, NewAuditEvent, RemediationStore, RiskAcceptance } from './store.ts';
import { cell } from '../render/csv.ts';

/** Written as the actor when the bot acts on its own: an expiry, the start-up reconciliation. */
export const SYSTEM_ACTOR = 'awscheck';

export const AUDIT_EVENTS = [
  'fix.requested',
  'fix.refused',
  'fix.approved',
  'fix.rejected',
  'fix.expired',
  'fix.applied',
  'fix.unchanged',
  'fix.failed',
  'fix.undo-requested',
  'fix.undo-approved',
  'fix.undo-rejected',
  'fix.undo-expired',
  'fix.undone',
  'fix.undo-failed',
  'fix.reconciled',
  /** A write that landed after another process had settled the request (its owner had lost its lease). */
  'fix.late-write',
  /** A "Fix all" batch's own decisions; each of its requests has its own fix.* events. */
  'batch.requested',
  'batch.refused',
  'batch.approved',
  'batch.rejected',
  'batch.expired',
  'batch.failed',
  'batch.done',
  'batch.stopped',
  'batch.undo-requested',
  'batch.undo-approved',
  'batch.undo-rejected',
  'batch.undo-expired',
  'batch.undone',
  'risk.requested',
  'risk.refused',
  'risk.accepted',
  'risk.rejected',
  'risk.expired',
  'risk.revoked',
] as const;
export type AuditEventName = (typeof AUDIT_EVENTS)[number];

function about(finding: CheckResult): Pick<AuditEvent, 'checkId' | 'accountId' | 'region' | 'resourceId' | 'subResourceId'> {
  return {
    checkId: finding.checkId,
    accountId: finding.accountId,
    region: finding.region,
    resourceId: finding.resourceId,
    ...(finding.subResourceId !== undefined ? { subResourceId: finding.subResourceId } : {}),
  };
}

/** The audit event of a fix request's state change, to be written in the same transaction as the change. */
export function fixEvent(request: FixRequest, event: AuditEventName, actor: string, at: string, detail: AuditDetail = {}): NewAuditEvent {
  return { at, event, actor, subject: 'fix', subjectId: request.id, ...about(request.finding), fixId: request.fixId, detail };
}

/** The audit event of a risk acceptance's state change. */
export function riskEvent(risk: RiskAcceptance, event: AuditEventName, actor: string, at: string, detail: AuditDetail = {}): NewAuditEvent {
  return { at, event, actor, subject: 'risk', subjectId: risk.id, ...about(risk.finding), detail };
}

/** Appends the events that go with no state change (refusals) and reads the trail. */
export class AuditLog {
  constructor(private readonly store: Pick<RemediationStore, 'appendAudit' | 'auditEvents'>) {}

  fix(request: FixRequest, event: AuditEventName, actor: string, at: string, detail: AuditDetail = {}): Promise<AuditEvent> {
    return this.append('fix', request.id, request.finding, event, actor, at, detail, request.fixId);
  }

  risk(risk: RiskAcceptance, event: AuditEventName, actor: string, at: string, detail: AuditDetail = {}): Promise<AuditEvent> {
    return this.append('risk', risk.id, risk.finding, event, actor, at, detail);
  }

  private append(
    subject: AuditSubject,
    subjectId: string,
    finding: CheckResult,
    event: AuditEventName,
    actor: string,
    at: string,
    detail: AuditDetail,
    fixId?: string,
  ): Promise<AuditEvent> {
    return this.store.appendAudit({ at, event, actor, subject, subjectId, ...about(finding), ...(fixId ? { fixId } : {}), detail });
  }

  /** The latest `limit` events (all without it), oldest first. */
  events(limit?: number): Promise<AuditEvent[]> {
    return this.store.auditEvents(limit === undefined ? {} : { limit });
  }
}

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'event',
  'actor',
  'subject',
  'subjectId',
  'checkId',
  'accountId',
  'region',
  'resourceId',
  'subResourceId',
  'fixId',
  'outcome',
  'reason',
  'note',
  'requestIds',
  'before',
  'after',
  'preview',
] as const;

const json = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

export function auditToCsv(events: readonly AuditEvent[]): string {
  return stringify(
    events.map((e) => [
      String(e.seq),
      e.at,
      e.event,
      cell(e.actor),
      e.subject,
      e.subjectId,
      e.checkId,
      e.accountId,
      e.region,
      cell(e.resourceId),
      cell(e.subResourceId),
      e.fixId ?? '',
      cell(e.detail.outcome),
      cell(e.detail.reason),
      cell(e.detail.note),
      (e.detail.requestIds ?? []).join(' '),
      cell(json(e.detail.before)),
      cell(json(e.detail.after)),
      cell(json(e.detail.preview)),
    ]),
    { header: true, columns: [...AUDIT_CSV_COLUMNS] },
  );
}

/** The awscheck.audit/v1 document. */
export function auditToJson(events: readonly AuditEvent[]): string {
  return `${JSON.stringify({ schema: 'awscheck.audit/v1', events }, null, 2)}\n`;
}
