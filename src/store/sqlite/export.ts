// What `awscheck store copy` reads from a SQLite file: the ids of every stored record, oldest first, and the
// scheduler slots (which have no getter in the Store). The records themselves are read through the Store, so
// the copy follows whatever the SQLite schema is.
import type { SqliteDatabase } from './database.ts';

export interface SlotRow {
  key: string;
  owner: string;
  claimedAt: string;
  completedAt?: string;
}

export interface SqliteExport {
  scanIds(): { id: string; rowid: number }[];
  reportIds(): { id: string; rowid: number }[];
  slots(): SlotRow[];
  snapshotIds(): string[];
  requestIds(): string[];
  riskIds(): string[];
  batchIds(): string[];
}

export function sqliteExport(db: SqliteDatabase): SqliteExport {
  return {
    // A running scan is not a scan yet (or its process died): it is not copied.
    scanIds: () => db.prepare("SELECT id, rowid FROM scans WHERE status = 'finished' ORDER BY finished_at, rowid").all() as { id: string; rowid: number }[],
    reportIds: () => db.prepare('SELECT id, rowid FROM reports ORDER BY created_at, rowid').all() as { id: string; rowid: number }[],
    slots: () =>
      (db.prepare('SELECT key, owner, claimed_at, completed_at FROM slots ORDER BY claimed_at').all() as {
        key: string;
        owner: string;
        claimed_at: string;
        completed_at: string | null;
      }[]).map((r) => ({ key: r.key, owner: r.owner, claimedAt: r.claimed_at, ...(r.completed_at !== null ? { completedAt: r.completed_at } : {}) })),
    snapshotIds: () => db.prepare('SELECT id FROM finding_snapshots ORDER BY created_at').pluck().all() as string[],
    requestIds: () => db.prepare('SELECT id FROM remediation_requests ORDER BY rowid').pluck().all() as string[],
    riskIds: () => db.prepare('SELECT id FROM accepted_risks ORDER BY rowid').pluck().all() as string[],
    batchIds: () => db.prepare('SELECT id FROM fix_batches ORDER BY rowid').pluck().all() as string[],
  };
}
