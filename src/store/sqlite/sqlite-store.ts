// The Store on one SQLite file (better-sqlite3). Synchronous underneath; async outside so callers do
// not care which backend they have.
import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { ScanReport, Severity, Status } from '../../engine/types.ts';
import { headOf, narrowedTo, reportOf, saveInSteps, withPart } from '../scan-parts.ts';
import { coversAllChecks, selectionKey } from '../selection-key.ts';
import type {
  NewReport,
  PruneResult,
  ReportQuery,
  ReportRecord,
  ReportUpdate,
  ScanPart,
  ScanQuery,
  ScanStart,
  ScanSummary,
  Store,
  StoredScan,
} from '../store.ts';
import { countInto, NO_COUNTS, summaryFrom } from '../summary.ts';
import { SqliteAlertStore } from './alert-store.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { SqliteRemediationStore } from './remediation-store.ts';
import {
  headFromRow,
  RESULT_COLUMNS,
  type ReportRow,
  type ResultRow,
  resultToRow,
  rowToReport,
  rowToResult,
  rowToSummary,
  type ScanRow,
} from './rows.ts';
import { placeholders, whereClause } from './sql.ts';

const SCAN_COLUMNS =
  'id, started_at, finished_at, selection_key, selection, all_checks, accounts, regions, errors, notes, complete, score, result_count, fail_count, error_count, status';
/** Only finished scans are read; a running one is still being written (or its process died). */
const FINISHED = "status = 'finished'";

export class SqliteStore implements Store {
  private readonly insertScan: Statement;
  private readonly insertAccount: Statement;
  private readonly insertResult: Statement;
  private readonly selectScan: Statement<[string], ScanRow>;
  private readonly selectAnyScan: Statement<[string], ScanRow>;
  private readonly updateHead: Statement;
  private readonly nextSeq: Statement;
  private readonly countResults: Statement;
  private readonly finishRow: Statement;
  private readonly selectResults: Statement<[string]>;
  private readonly selectAccountResults: Statement<[string, string]>;
  private readonly queries = new Map<string, Statement>();
  readonly remediation: SqliteRemediationStore;
  readonly alerts: SqliteAlertStore;

  constructor(private readonly db: SqliteDatabase) {
    this.remediation = new SqliteRemediationStore(db);
    this.alerts = new SqliteAlertStore(db);
    this.insertScan = db.prepare(`INSERT INTO scans (${SCAN_COLUMNS}) VALUES (${SCAN_COLUMNS.replace(/\w+/g, '?')})`);
    this.insertAccount = db.prepare('INSERT OR IGNORE INTO scan_accounts (scan_id, account_id) VALUES (?, ?)');
    this.insertResult = db.prepare(
      `INSERT INTO results (scan_id, seq, ${RESULT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectScan = db.prepare(`SELECT ${SCAN_COLUMNS} FROM scans WHERE id = ? AND ${FINISHED}`);
    this.selectAnyScan = db.prepare(`SELECT ${SCAN_COLUMNS} FROM scans WHERE id = ?`);
    this.updateHead = db.prepare('UPDATE scans SET accounts = ?, regions = ?, errors = ?, notes = ? WHERE id = ?');
    this.nextSeq = db.prepare('SELECT MAX(seq) + 1 FROM results WHERE scan_id = ?').pluck();
    this.countResults = db.prepare('SELECT status, severity, COUNT(*) FROM results WHERE scan_id = ? GROUP BY status, severity').raw();
    this.finishRow = db.prepare(
      `UPDATE scans SET status = 'finished', finished_at = ?, complete = ?, score = ?, result_count = ?, fail_count = ?, error_count = ? WHERE id = ?`,
    );
    this.selectResults = db.prepare(`SELECT ${RESULT_COLUMNS} FROM results WHERE scan_id = ? ORDER BY seq`).raw();
    this.selectAccountResults = db
      .prepare(`SELECT ${RESULT_COLUMNS} FROM results WHERE scan_id = ? AND account_id = ? ORDER BY seq`)
      .raw();
  }

  /** Statements built from fixed fragments, prepared once per shape. */
  private query(sql: string): Statement {
    let statement = this.queries.get(sql);
    if (!statement) this.queries.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  async beginScan(start: ScanStart): Promise<string> {
    const id = randomUUID();
    const head = headOf(start);
    // Running: finished_at holds the start until finishScan, so prune removes a scan whose process died.
    this.db.transaction(() => {
      this.insertScan.run(
        id,
        start.startedAt,
        start.startedAt,
        selectionKey(start.selection),
        JSON.stringify(head.selection),
        coversAllChecks(head.selection) ? 1 : 0,
        JSON.stringify(head.accounts),
        JSON.stringify(head.regions),
        JSON.stringify(head.errors),
        JSON.stringify(head.notes),
        0,
        null,
        0,
        0,
        0,
        'running',
      );
      for (const account of head.accounts) this.insertAccount.run(id, account.accountId);
    })();
    return id;
  }

  async appendScan(id: string, part: ScanPart): Promise<void> {
    // One transaction per part: a crash keeps whole parts only, and the scan stays running (invisible).
    this.db.transaction(() => {
      const row = this.runningScan(id);
      const head = withPart(headFromRow(row), part);
      this.updateHead.run(JSON.stringify(head.accounts), JSON.stringify(head.regions), JSON.stringify(head.errors), JSON.stringify(head.notes), id);
      for (const account of part.accounts) this.insertAccount.run(id, account.accountId);
      let seq = (this.nextSeq.get(id) as number | null) ?? 0;
      for (const result of part.results) this.insertResult.run(id, seq++, ...resultToRow(result));
    })();
  }

  async finishScan(id: string, end: { finishedAt: string }): Promise<ScanSummary> {
    return this.db.transaction(() => {
      const row = this.runningScan(id);
      const counts = { ...NO_COUNTS };
      for (const [status, severity, n] of this.countResults.all(id) as [Status, Severity, number][]) countInto(counts, status, severity, n);
      const head = headFromRow(row);
      const summary = summaryFrom(id, { ...head, startedAt: row.started_at, finishedAt: end.finishedAt }, counts);
      this.finishRow.run(
        summary.finishedAt,
        summary.complete ? 1 : 0,
        summary.score ?? null,
        summary.resultCount,
        summary.failCount,
        summary.errorCount,
        id,
      );
      return summary;
    })();
  }

  private runningScan(id: string): ScanRow {
    const row = this.selectAnyScan.get(id);
    if (!row) throw new Error(`no scan with id ${id}`);
    if (row.status !== 'running') throw new Error(`scan ${id} is already finished`);
    return row;
  }

  saveScan(report: ScanReport): Promise<ScanSummary> {
    return saveInSteps(this, report);
  }

  private load(row: ScanRow, accountId?: string): StoredScan {
    const summary = rowToSummary(row);
    const rows = (accountId ? this.selectAccountResults.all(row.id, accountId) : this.selectResults.all(row.id)) as ResultRow[];
    const report = reportOf(headFromRow(row), { startedAt: row.started_at, finishedAt: row.finished_at }, rows.map(rowToResult));
    return { summary, report };
  }

  async getScan(id: string): Promise<StoredScan | undefined> {
    const row = this.selectScan.get(id);
    return row ? this.load(row) : undefined;
  }

  async latestScan(query: ScanQuery = {}): Promise<StoredScan | undefined> {
    const where = whereClause([
      [FINISHED],
      query.selectionKey !== undefined ? ['selection_key = ?', query.selectionKey] : undefined,
      query.finishedBefore !== undefined ? ['finished_at < ?', query.finishedBefore] : undefined,
      query.complete !== undefined ? ['complete = ?', query.complete ? 1 : 0] : undefined,
    ]);
    const sql = `SELECT ${SCAN_COLUMNS} FROM scans${where.sql} ORDER BY finished_at DESC, rowid DESC LIMIT 1`;
    const row = this.query(sql).get(...where.params) as ScanRow | undefined;
    return row ? this.load(row) : undefined;
  }

  async scanSummaries(query: { selectionKey: string; since: string }): Promise<ScanSummary[]> {
    const rows = this.query(
      `SELECT ${SCAN_COLUMNS} FROM scans WHERE selection_key = ? AND finished_at >= ? AND ${FINISHED} ORDER BY finished_at, rowid`,
    ).all(query.selectionKey, query.since) as ScanRow[];
    return rows.map(rowToSummary);
  }

  async latestPerAccount(): Promise<ScanReport[]> {
    const accounts = this.query('SELECT DISTINCT account_id FROM scan_accounts ORDER BY account_id').pluck().all() as string[];
    const latest = this.query(
      `SELECT ${SCAN_COLUMNS.replace(/\w+/g, (c) => `s.${c}`)} FROM scans s JOIN scan_accounts a ON a.scan_id = s.id
       WHERE a.account_id = ? AND s.${FINISHED} ORDER BY s.all_checks DESC, s.finished_at DESC, s.rowid DESC LIMIT 1`,
    );
    return accounts.flatMap((accountId) => {
      const row = latest.get(accountId) as ScanRow | undefined;
      if (!row) return [];
      // Its results are read for the account alone; narrowedTo keeps the rest of the report to it.
      return [narrowedTo(this.load(row, accountId).report, accountId)];
    });
  }

  async prune(before: string): Promise<PruneResult> {
    return this.db.transaction(() => {
      const reports = this.query('DELETE FROM reports WHERE created_at < ?').run(before).changes;
      // Results, account links and reports of a pruned scan go with it (ON DELETE CASCADE). A scan that never
      // finished still has its start in finished_at, so it goes once its start is that old.
      const scans = this.query('DELETE FROM scans WHERE finished_at < ?').run(before).changes;
      const slots = this.query('DELETE FROM slots WHERE claimed_at < ?').run(before).changes;
      return { scans, reports, slots };
    })();
  }

  async claimSlot(key: string, owner: string, at: string): Promise<boolean> {
    const { changes } = this.query(
      'INSERT INTO slots (key, owner, claimed_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING',
    ).run(key, owner, at);
    return changes === 1;
  }

  async completeSlot(key: string, at: string): Promise<void> {
    this.query('UPDATE slots SET completed_at = ? WHERE key = ?').run(at, key);
  }

  async createReport(report: NewReport, at: string): Promise<ReportRecord> {
    const record: ReportRecord = { ...report, id: randomUUID(), createdAt: at, status: 'pending' };
    this.query(
      `INSERT INTO reports (id, name, slot, scan_id, channel, created_at, status, score, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      record.id,
      record.name,
      record.slot ?? null,
      record.scanId,
      record.channel,
      record.createdAt,
      record.status,
      record.score ?? null,
      JSON.stringify(record.message),
    );
    return record;
  }

  async updateReport(id: string, update: ReportUpdate): Promise<void> {
    const { changes } = this.query(
      `UPDATE reports SET status = ?, error = ?, posted_at = COALESCE(?, posted_at), message_ts = COALESCE(?, message_ts)
       WHERE id = ?`,
    ).run(update.status, update.error ?? null, update.postedAt ?? null, update.messageTs ?? null, id);
    if (changes === 0) throw new Error(`no report with id ${id}`);
  }

  async getReport(id: string): Promise<ReportRecord | undefined> {
    const row = this.query('SELECT * FROM reports WHERE id = ?').get(id) as ReportRow | undefined;
    return row ? rowToReport(row) : undefined;
  }

  async latestReport(query: ReportQuery = {}): Promise<ReportRecord | undefined> {
    const where = whereClause([
      query.name !== undefined ? ['name = ?', query.name] : undefined,
      query.status?.length ? [`status IN (${placeholders(query.status.length)})`, ...query.status] : undefined,
    ]);
    const sql = `SELECT * FROM reports${where.sql} ORDER BY created_at DESC, rowid DESC LIMIT 1`;
    const row = this.query(sql).get(...where.params) as ReportRow | undefined;
    return row ? rowToReport(row) : undefined;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export function openSqliteStore(path: string): SqliteStore {
  return new SqliteStore(openDatabase(path));
}
