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
import { placeholders } from './sql.ts';

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

type RecordTable = 'remediation_requests' | 'accepted_risks';
type StateRecord = FixRequest | RiskAcceptance;
const RECORD_COLUMNS = 'state, data, channel, message_ts';

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
      this.insertRecord('remediation_requests', request);
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
      throw err;
    }
  }

  async getRequest(id: string): Promise<FixRequest | undefined> {
    return this.getRecord<FixRequest>('remediation_requests', id);
  }

  async transitionRequest(next: FixRequest, from: RequestState): Promise<boolean> {
    if (!canTransition(from, next.state)) throw new TransitionError('fix request', from, next.state);
    return this.transitionRecord('remediation_requests', next, from);
  }

  async requestsIn(states: readonly RequestState[]): Promise<FixRequest[]> {
    return this.recordsIn<FixRequest>('remediation_requests', states, 'rowid');
  }

  async openRequestFor(findingKey: string): Promise<FixRequest | undefined> {
    const row = this.query(
      `SELECT ${RECORD_COLUMNS} FROM remediation_requests
       WHERE finding_key = ? AND state IN (${placeholders(OPEN_STATES.length)}) ORDER BY rowid DESC LIMIT 1`,
    ).get(findingKey, ...OPEN_STATES) as RecordRow | undefined;
    return row ? fromRow<FixRequest>(row) : undefined;
  }

  async setRequestMessage(id: string, message: MessageRef): Promise<void> {
    this.setMessage('remediation_requests', id, message);
  }

  async createRisk(risk: RiskAcceptance): Promise<void> {
    this.insertRecord('accepted_risks', risk);
  }

  async getRisk(id: string): Promise<RiskAcceptance | undefined> {
    return this.getRecord<RiskAcceptance>('accepted_risks', id);
  }

  async transitionRisk(next: RiskAcceptance, from: RiskState): Promise<boolean> {
    if (!canTransitionRisk(from, next.state)) throw new TransitionError('risk acceptance', from, next.state);
    return this.transitionRecord('accepted_risks', next, from);
  }

  async risksIn(states: readonly RiskState[]): Promise<RiskAcceptance[]> {
    return this.recordsIn<RiskAcceptance>('accepted_risks', states, 'expires_at, rowid');
  }

  async setRiskMessage(id: string, message: MessageRef): Promise<void> {
    this.setMessage('accepted_risks', id, message);
  }

  // Fix requests and accepted risks share one table layout (state machine columns, JSON document, message),
  // so both are stored by the same statements, by table.

  private insertRecord(table: RecordTable, record: StateRecord): void {
    this.query(
      `INSERT INTO ${table} (id, finding_key, state, expires_at, updated_at, data, channel, message_ts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      record.id,
      record.findingKey,
      record.state,
      record.expiresAt,
      record.updatedAt,
      documentOf(record),
      record.message?.channel ?? null,
      record.message?.ts ?? null,
    );
  }

  private getRecord<T>(table: RecordTable, id: string): T | undefined {
    const row = this.query(`SELECT ${RECORD_COLUMNS} FROM ${table} WHERE id = ?`).get(id) as RecordRow | undefined;
    return row ? fromRow<T>(row) : undefined;
  }

  private transitionRecord(table: RecordTable, next: StateRecord, from: string): boolean {
    const { changes } = this.query(
      `UPDATE ${table} SET state = ?, expires_at = ?, updated_at = ?, data = ? WHERE id = ? AND state = ?`,
    ).run(next.state, next.expiresAt, next.updatedAt, documentOf(next), next.id, from);
    return changes === 1;
  }

  private recordsIn<T>(table: RecordTable, states: readonly string[], orderBy: string): T[] {
    if (states.length === 0) return [];
    const rows = this.query(
      `SELECT ${RECORD_COLUMNS} FROM ${table} WHERE state IN (${placeholders(states.length)}) ORDER BY ${orderBy}`,
    ).all(...states) as RecordRow[];
    return rows.map((row) => fromRow<T>(row));
  }

  private setMessage(table: RecordTable, id: string, message: MessageRef): void {
    this.query(`UPDATE ${table} SET channel = ?, message_ts = ? WHERE id = ?`).run(message.channel, message.ts, id);
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
