// The RemediationStore on the same SQLite file as the scans. Every state change is one IMMEDIATE transaction:
// read the row, check its state and lease, write the new record and its audit event. The write lock is
// taken before the read, so two replicas (or two approvers clicking together) can never both move a
// request on, and a crash cannot keep a state change without its audit event (or the reverse).
import type { Statement } from 'better-sqlite3';
import { checkRequestTransition, leaseAllows } from '../../remediation/lease.ts';
import type {
  AuditEvent,
  AuditQuery,
  FindingSnapshot,
  FixRequest,
  MessageRef,
  NewAuditEvent,
  RemediationStore,
  RequestTransition,
  RiskAcceptance,
  RiskTransition,
  TransitionResult,
} from '../../remediation/store.ts';
import { canTransitionRisk, OPEN_STATES, type RequestState, type RiskState, TransitionError } from '../../remediation/state.ts';
import { canTransitionBatch, type BatchTransition, type FixBatch } from '../../remediation/batch.ts';
import { findingKey } from '../finding-key.ts';
import { documentOf, moved, movedRequest, recordFrom, type WithState } from '../state-record.ts';
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

function fromRow<T extends WithState>(row: RecordRow): T {
  return recordFrom<T>(JSON.parse(row.data) as object, row.state, row.channel, row.message_ts);
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

  async createRequest(request: FixRequest, audit: NewAuditEvent): Promise<boolean> {
    try {
      this.db
        .transaction(() => {
          this.insertRecord('remediation_requests', request);
          this.insertAudit(audit);
        })
        .immediate();
      return true;
    } catch (err) {
      // The partial unique index over OPEN_STATES: this target already has an open request.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
      throw err;
    }
  }

  async getRequest(id: string): Promise<FixRequest | undefined> {
    return this.getRecord<FixRequest>('remediation_requests', id);
  }

  async transitionRequest(transition: RequestTransition): Promise<TransitionResult<FixRequest>> {
    checkRequestTransition(transition);
    return this.moveRecord<FixRequest>('remediation_requests', transition, (current) =>
      current.state === transition.from && leaseAllows(current.lease, transition.lease) ? movedRequest(current, transition) : undefined,
    );
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

  async createRisk(risk: RiskAcceptance, audit: NewAuditEvent): Promise<void> {
    this.db
      .transaction(() => {
        this.insertRecord('accepted_risks', risk);
        this.insertAudit(audit);
      })
      .immediate();
  }

  async getRisk(id: string): Promise<RiskAcceptance | undefined> {
    return this.getRecord<RiskAcceptance>('accepted_risks', id);
  }

  async transitionRisk(transition: RiskTransition): Promise<TransitionResult<RiskAcceptance>> {
    if (!canTransitionRisk(transition.from, transition.to)) throw new TransitionError('risk acceptance', transition.from, transition.to);
    return this.moveRecord<RiskAcceptance>('accepted_risks', transition, (current) =>
      current.state === transition.from ? moved(current, transition.changes, transition.to) : undefined,
    );
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
      JSON.stringify(documentOf(record)),
      record.message?.channel ?? null,
      record.message?.ts ?? null,
    );
  }

  private getRecord<T extends StateRecord>(table: RecordTable, id: string): T | undefined {
    const row = this.query(`SELECT ${RECORD_COLUMNS} FROM ${table} WHERE id = ?`).get(id) as RecordRow | undefined;
    return row ? fromRow<T>(row) : undefined;
  }

  /**
   * One IMMEDIATE transaction: read the record, let `next` check it and give the moved one (undefined: lost),
   * write it and its audit event.
   */
  private moveRecord<T extends StateRecord>(
    table: RecordTable,
    transition: { id: string; from: string; audit?: NewAuditEvent },
    next: (current: T) => T | undefined,
  ): TransitionResult<T> {
    return this.db
      .transaction((): TransitionResult<T> => {
        const current = this.getRecord<T>(table, transition.id);
        const after = current && next(current);
        if (!after) return { outcome: 'lost', current };
        this.writeRecord(table, after, transition.from);
        if (transition.audit) this.insertAudit(transition.audit);
        return { outcome: 'won', record: this.getRecord<T>(table, transition.id) ?? after };
      })
      .immediate();
  }

  /** Inside a transition's transaction, after its checks: the state guard is kept as a second line. */
  private writeRecord(table: RecordTable, next: StateRecord, from: string): void {
    const { changes } = this.query(
      `UPDATE ${table} SET state = ?, expires_at = ?, updated_at = ?, data = ?, channel = ?, message_ts = ? WHERE id = ? AND state = ?`,
    ).run(next.state, next.expiresAt, next.updatedAt, JSON.stringify(documentOf(next)), next.message?.channel ?? null, next.message?.ts ?? null, next.id, from);
    if (changes !== 1) throw new Error(`${table} ${next.id} changed inside its own transaction`);
  }

  private recordsIn<T extends StateRecord>(table: RecordTable, states: readonly string[], orderBy: string): T[] {
    if (states.length === 0) return [];
    const rows = this.query(
      `SELECT ${RECORD_COLUMNS} FROM ${table} WHERE state IN (${placeholders(states.length)}) ORDER BY ${orderBy}`,
    ).all(...states) as RecordRow[];
    return rows.map((row) => fromRow<T>(row));
  }

  private setMessage(table: RecordTable, id: string, message: MessageRef): void {
    this.query(`UPDATE ${table} SET channel = ?, message_ts = ? WHERE id = ?`).run(message.channel, message.ts, id);
  }

  // "Fix all" batches: a small record of their own (the requests live in remediation_requests).

  async createBatch(batch: FixBatch, audit: NewAuditEvent): Promise<void> {
    this.db
      .transaction(() => {
        this.query('INSERT INTO fix_batches (id, state, updated_at, data, channel, message_ts) VALUES (?, ?, ?, ?, ?, ?)').run(
          batch.id,
          batch.state,
          batch.updatedAt,
          JSON.stringify(documentOf(batch)),
          batch.message?.channel ?? null,
          batch.message?.ts ?? null,
        );
        this.insertAudit(audit);
      })
      .immediate();
  }

  async getBatch(id: string): Promise<FixBatch | undefined> {
    return this.getBatchNow(id);
  }

  async transitionBatch(transition: BatchTransition): Promise<TransitionResult<FixBatch>> {
    if (!canTransitionBatch(transition.from, transition.to)) throw new TransitionError('fix batch', transition.from, transition.to);
    return this.db
      .transaction((): TransitionResult<FixBatch> => {
        const current = this.getBatchNow(transition.id);
        if (!current || current.state !== transition.from) return { outcome: 'lost', current };
        const next = moved(current, transition.changes, transition.to);
        const { changes } = this.query('UPDATE fix_batches SET state = ?, updated_at = ?, data = ? WHERE id = ? AND state = ?').run(
          next.state,
          next.updatedAt,
          JSON.stringify(documentOf(next)),
          next.id,
          transition.from,
        );
        if (changes !== 1) throw new Error(`fix batch ${next.id} changed inside its own transaction`);
        if (transition.audit) this.insertAudit(transition.audit);
        return { outcome: 'won', record: next };
      })
      .immediate();
  }

  private getBatchNow(id: string): FixBatch | undefined {
    const row = this.query(`SELECT ${RECORD_COLUMNS} FROM fix_batches WHERE id = ?`).get(id) as RecordRow | undefined;
    return row ? fromRow<FixBatch>(row) : undefined;
  }

  async setBatchMessage(id: string, message: MessageRef): Promise<void> {
    this.query('UPDATE fix_batches SET channel = ?, message_ts = ? WHERE id = ?').run(message.channel, message.ts, id);
  }

  async appendAudit(event: NewAuditEvent): Promise<AuditEvent> {
    return this.insertAudit(event);
  }

  private insertAudit(event: NewAuditEvent): AuditEvent {
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
