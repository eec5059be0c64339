// `awscheck store copy`: moves everything a SQLite file holds into the DynamoDB table. Every write is
// conditional on the item not being there yet and keeps the record's id (and each audit event its sequence
// number), so a copy interrupted anywhere is finished by running it again, with nothing duplicated.
import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { openDatabase } from '../sqlite/database.ts';
import { sqliteExport } from '../sqlite/export.ts';
import { SqliteStore } from '../sqlite/sqlite-store.ts';
import type { AuditEvent } from '../../remediation/store.ts';
import type { DynamoDbTarget } from './client.ts';
import { DynamoDbStore } from './history-store.ts';
import { type Key, keys } from './keys.ts';
import { auditFromItem, auditItem, IS_NEW, written } from './table-client.ts';

export interface CopyCount {
  copied: number;
  /** Already in the table (an earlier run). */
  present: number;
}

export type CopyReport = Record<'scans' | 'reports' | 'slots' | 'snapshots' | 'requests' | 'batches' | 'risks' | 'audit', CopyCount>;

export interface CopyOptions {
  from: string;
  to: DynamoDbTarget;
  retentionDays: number;
  /** One line per kind of record as it finishes. */
  progress?: (line: string) => void;
}

export class CopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyError';
  }
}

const count = (): CopyCount => ({ copied: 0, present: 0 });

export async function copySqliteToDynamoDb(options: CopyOptions): Promise<CopyReport> {
  if (!existsSync(options.from)) throw new CopyError(`--from: no SQLite database at ${options.from}`);
  const db = openDatabase(options.from);
  const source = new SqliteStore(db);
  const listing = sqliteExport(db);
  const target = new DynamoDbStore({ ...options.to, retentionDays: options.retentionDays });
  const t = target.tableClient;
  const report: CopyReport = {
    scans: count(),
    reports: count(),
    slots: count(),
    snapshots: count(),
    requests: count(),
    batches: count(),
    risks: count(),
    audit: count(),
  };
  const done = (kind: keyof CopyReport) => options.progress?.(`${kind}: ${report[kind].copied} copied, ${report[kind].present} already there`);
  // SQLite's rowid orders what finished at the same time; it becomes the tie-breaker in the table's sort keys.
  const order = (rowid: number) => `0sqlite${String(rowid).padStart(12, '0')}`;
  try {
    await t.ready();
    const there = async (key: Key) => (await t.get(key)) !== undefined;
    // The header is written last: when it is there, the scan's chunks and links are too.
    await copyEach(report.scans, listing.scanIds(), ({ id }) => source.getScan(id), {
      there: ({ id }) => there(keys.scan(id)),
      write: async (stored, { rowid }) => {
        await target.writeScan(stored.summary, stored.report, order(rowid));
        return true;
      },
    });
    done('scans');
    await copyEach(report.reports, listing.reportIds(), ({ id }) => source.getReport(id), {
      write: (record, { rowid }) => target.putReport(record, order(rowid)),
    });
    done('reports');
    await copyEach(report.slots, listing.slots(), async (slot) => slot, { write: (slot) => target.putSlot(slot) });
    done('slots');
    await copyEach(report.snapshots, listing.snapshotIds(), (id) => source.remediation.getSnapshot(id), {
      write: (snapshot) => target.remediation.putSnapshot(snapshot),
    });
    done('snapshots');
    await copyEach(report.requests, listing.requestIds(), (id) => source.remediation.getRequest(id), {
      there: (id) => there(keys.request(id)),
      write: async (request) => {
        if (await target.remediation.insertRequest(request, undefined)) return true;
        const holder = await target.remediation.openRequestFor(request.findingKey);
        throw new CopyError(
          `fix request ${request.id} (${request.state}) and request ${holder?.id ?? '?'} are both open for the same target; settle one of them in the SQLite store (or wait for it to expire) and run the copy again`,
        );
      },
    });
    done('requests');
    await copyEach(report.batches, listing.batchIds(), (id) => source.remediation.getBatch(id), {
      write: (batch) => target.remediation.putBatch(batch),
    });
    done('batches');
    await copyEach(report.risks, listing.riskIds(), (id) => source.remediation.getRisk(id), {
      there: (id) => there(keys.risk(id)),
      write: async (risk) => {
        await target.remediation.insertRisk(risk, undefined);
        return true;
      },
    });
    done('risks');
    let last = 0;
    for (const event of await source.remediation.auditEvents()) {
      await copyAuditEvent(target, event, report.audit);
      last = event.seq;
    }
    await raiseAuditCounter(target, last);
    done('audit');
    return report;
  } finally {
    await target.close();
    await source.close();
  }
}

/**
 * Copies one kind of record, counting it into `tally`: each listed record is read from SQLite (one gone since
 * the listing is skipped) and written, unless `there` finds it in the table first; `write` answers false
 * when the table had it already.
 */
async function copyEach<Listed, Stored>(
  tally: CopyCount,
  listed: Iterable<Listed>,
  read: (listed: Listed) => Promise<Stored | undefined>,
  how: { there?: (listed: Listed) => Promise<boolean>; write: (record: Stored, listed: Listed) => Promise<boolean> },
): Promise<void> {
  for (const each of listed) {
    if (await how.there?.(each)) {
      tally.present += 1;
      continue;
    }
    const record = await read(each);
    if (record === undefined) continue;
    tally[(await how.write(record, each)) ? 'copied' : 'present'] += 1;
  }
}

/** The event under its own sequence number; one already there must be this very event, never another. */
async function copyAuditEvent(target: DynamoDbStore, event: AuditEvent, tally: CopyCount): Promise<void> {
  const t = target.tableClient;
  if (await written(t.doc.send(new PutCommand({ TableName: t.table, Item: auditItem(event), ConditionExpression: IS_NEW })))) {
    tally.copied += 1;
    return;
  }
  const existing = await t.get(keys.audit(event.seq));
  if (!existing || !isDeepStrictEqual(auditFromItem(existing), auditFromItem(auditItem(event)))) {
    throw new CopyError(
      `the table already has a different audit event #${event.seq}: copy into a table the bot has not written audit events to yet (stop the bot, or use a new table)`,
    );
  }
  tally.present += 1;
}

/** New events continue after the copied ones. */
async function raiseAuditCounter(target: DynamoDbStore, seq: number): Promise<void> {
  if (seq === 0) return;
  const t = target.tableClient;
  // A counter already past it stays.
  await written(
    t.doc.send(
      new UpdateCommand({
        TableName: t.table,
        Key: keys.auditCounter(),
        UpdateExpression: 'SET #seq = :seq',
        ConditionExpression: 'attribute_not_exists(#seq) OR #seq < :seq',
        ExpressionAttributeNames: { '#seq': 'seq' },
        ExpressionAttributeValues: { ':seq': seq },
      }),
    ),
  );
}
