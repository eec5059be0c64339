// The RemediationStore on the same SQLite file as the scans. Every state change is one conditional
// UPDATE … WHERE id = ? AND state = ?, and `changes === 1` says who won: two replicas, or two approvers
// clicking together, can never both move a request on.
import type { Statement } from 'better-sqlite3';
import type {
  AuditEvent,
  AuditQuery,
  FindingSnapshot,
  FixRequest,
  MessageRef,
  NewAuditEvent,
  RemediationStore,
  RiskAcceptance,
} from '../../remediation/store.ts';
import {
  canTransition,
  canTransitionRisk,
  OPEN_STATES,
  type RequestState,
  type RiskState,
  TransitionError,
} from '../../remediation/state.ts';
import { findingKey } from '../finding-key.ts';
import type { SqliteDatabase } from './database.ts';

interface RecordRow {
  state: string;
  data: string;
  channel: string | null;
  message_ts: string | null;
}

interface AuditRow {
  seq: number;
  at: string;
  event: string;
  actor: string;
  subject: string;
  subject_id: string;
  check_id: string;
  account_id: string;
  region: string;
  resource_id: string;
  sub_resource_id: string | null;
  fix_id: string | null;
  detail: string;
}

/** The JSON document without the fields that live in their own columns. */
function documentOf<T extends { state: string; message?: MessageRef }>(record: T): string {
  const { state: _state, message: _message, ...rest } = record;
  return JSON.stringify(rest);
}

function fromRow<T>(row: RecordRow): T {
  const record = { ...(JSON.parse(row.data) as object), state: row.state } as unknown as T & { message?: MessageRef };
  if (row.channel !== null && row.message_ts !== null) record.message = { channel: row.channel, ts: row.message_ts };
  return record;
}

function auditFromRow(row: AuditRow): AuditEvent {
  return {
    seq: row.seq,
    at: row.at,
    event: row.event,
    actor: row.actor,
    subject: row.subject as AuditEvent['subject'],
    subjectId: row.subject_id,
    checkId: row.check_id,
    accountId: row.account_id,
    region: row.region,
    resourceId: row.resource_id,
    ...(row.sub_resource_id !== null ? { subResourceId: row.sub_resource_id } : {}),
    ...(row.fix_id !== null ? { fixId: row.fix_id } : {}),
    detail: JSON.parse(row.detail) as AuditEvent['detail'],
  };
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export class SqliteRemediationStore implements RemediationStore {
  private readonly queries = new Map<string, Statement>();

  constructor(private readonly db: SqliteDatabase) {}

  private query(sql: string): Statement {
    let statement = this.queries.get(sql);
    if (!statement) this.queries.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  async saveSnapshot(snapshot: FindingSnapshot): Promise<void> {
    this.query('INSERT INTO finding_snapshots (id, finding_key, finding, created_at) VALUES (?, ?, ?, ?)').run(
      snapshot.id,
      findingKey(snapshot.finding),
      JSON.stringify(snapshot.finding),
      snapshot.createdAt,
    );
  }

  async getSnapshot(id: string): Promise<FindingSnapshot | undefined> {
    const row = this.query('SELECT id, finding, created_at FROM finding_snapshots WHERE id = ?').get(id) as
      | { id: string; finding: string; created_at: string }
      | undefined;
    return row ? { id: row.id, finding: JSON.parse(row.finding) as FindingSnapshot['finding'], createdAt: row.created_at } : undefined;
  }

  async pruneSnapshots(before: string): Promise<number> {
    return this.query('DELETE FROM finding_snapshots WHERE created_at < ?').run(before).changes;
  }

  async createRequest(request: FixRequest): Promise<boolean> {
    try {
      this.insertRequest(request);
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
      throw err;
    }
  }

  private insertRequest(request: FixRequest): void {
    this.query(
      `INSERT INTO remediation_requests (id, finding_key, state, expires_at, updated_at, data, channel, message_ts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      request.id,
      request.findingKey,
      request.state,
      request.expiresAt,
      request.updatedAt,
      documentOf(request),
      request.message?.channel ?? null,
      request.message?.ts ?? null,
    );
  }

  async getRequest(id: string): Promise<FixRequest | undefined> {
    const row = this.query('SELECT state, data, channel, message_ts FROM remediation_requests WHERE id = ?').get(id) as RecordRow | undefined;
    return row ? fromRow<FixRequest>(row) : undefined;
  }

  async transitionRequest(next: FixRequest, from: RequestState): Promise<boolean> {
    if (!canTransition(from, next.state)) throw new TransitionError('fix request', from, next.state);
    const { changes } = this.query(
      'UPDATE remediation_requests SET state = ?, expires_at = ?, updated_at = ?, data = ? WHERE id = ? AND state = ?',
    ).run(next.state, next.expiresAt, next.updatedAt, documentOf(next), next.id, from);
    return changes === 1;
  }

  async requestsIn(states: readonly RequestState[]): Promise<FixRequest[]> {
    if (states.length === 0) return [];
    const rows = this.query(
      `SELECT state, data, channel, message_ts FROM remediation_requests WHERE state IN (${placeholders(states.length)}) ORDER BY rowid`,
    ).all(...states) as RecordRow[];
    return rows.map((row) => fromRow<FixRequest>(row));
  }

  async openRequestFor(findingKey: string): Promise<FixRequest | undefined> {
    const row = this.query(
      `SELECT state, data, channel, message_ts FROM remediation_requests
       WHERE finding_key = ? AND state IN (${placeholders(OPEN_STATES.length)}) ORDER BY rowid DESC LIMIT 1`,
    ).get(findingKey, ...OPEN_STATES) as RecordRow | undefined;
    return row ? fromRow<FixRequest>(row) : undefined;
  }

  async setRequestMessage(id: string, message: MessageRef): Promise<void> {
    this.query('UPDATE remediation_requests SET channel = ?, message_ts = ? WHERE id = ?').run(message.channel, message.ts, id);
  }

  async createRisk(risk: RiskAcceptance): Promise<void> {
    this.query(
      `INSERT INTO accepted_risks (id, finding_key, state, expires_at, updated_at, data, channel, message_ts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      risk.id,
      risk.findingKey,
      risk.state,
      risk.expiresAt,
      risk.updatedAt,
      documentOf(risk),
      risk.message?.channel ?? null,
      risk.message?.ts ?? null,
    );
  }

  async getRisk(id: string): Promise<RiskAcceptance | undefined> {
    const row = this.query('SELECT state, data, channel, message_ts FROM accepted_risks WHERE id = ?').get(id) as RecordRow | undefined;
    return row ? fromRow<RiskAcceptance>(row) : undefined;
  }

  async transitionRisk(next: RiskAcceptance, from: RiskState): Promise<boolean> {
    if (!canTransitionRisk(from, next.state)) throw new TransitionError('risk acceptance', from, next.state);
    const { changes } = this.query(
      'UPDATE accepted_risks SET state = ?, expires_at = ?, updated_at = ?, data = ? WHERE id = ? AND state = ?',
    ).run(next.state, next.expiresAt, next.updatedAt, documentOf(next), next.id, from);
    return changes === 1;
  }

  async risksIn(states: readonly RiskState[]): Promise<RiskAcceptance[]> {
    if (states.length === 0) return [];
    const rows = this.query(
      `SELECT state, data, channel, message_ts FROM accepted_risks WHERE state IN (${placeholders(states.length)}) ORDER BY expires_at, rowid`,
    ).all(...states) as RecordRow[];
    return rows.map((row) => fromRow<RiskAcceptance>(row));
  }

  async setRiskMessage(id: string, message: MessageRef): Promise<void> {
    this.query('UPDATE accepted_risks SET channel = ?, message_ts = ? WHERE id = ?').run(message.channel, message.ts, id);
  }

  async appendAudit(event: NewAuditEvent): Promise<AuditEvent> {
    const { lastInsertRowid } = this.query(
      `INSERT INTO audit_events (at, event, actor, subject, subject_id, check_id, account_id, region, resource_id, sub_resource_id, fix_id, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      event.at,
      event.event,
      event.actor,
      event.subject,
      event.subjectId,
      event.checkId,
      event.accountId,
      event.region,
      event.resourceId,
      event.subResourceId ?? null,
      event.fixId ?? null,
      JSON.stringify(event.detail),
    );
    return { ...event, seq: Number(lastInsertRowid) };
  }

  async auditEvents(query: AuditQuery = {}): Promise<AuditEvent[]> {
    const rows = (
      query.limit !== undefined
        ? this.query('SELECT * FROM audit_events ORDER BY seq DESC LIMIT ?').all(query.limit)
        : this.query('SELECT * FROM audit_events ORDER BY seq').all()
    ) as AuditRow[];
    if (query.limit !== undefined) rows.reverse();
    return rows.map(auditFromRow);
  }
}
