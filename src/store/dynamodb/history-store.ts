// The Store on one DynamoDB table: scans (a header, result chunks and one link per account), reports and
// scheduler slots. A streamed scan's header is written first as `running`, indexed only under RUNNINGSCANS
// (so no read finds it); each part adds chunks and then moves the header's chunk count and counts on; finishing
// indexes the header where reads look and writes the account links. A crash never shows half a scan: a scan
// that never finished is pruned by its start time, and expires by TTL like everything else.
import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CheckResult, ScanReport } from '../../engine/types.ts';
import { headOf, narrowedTo, reportOf, saveInSteps, type ScanHead, withPart } from '../scan-parts.ts';
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
import { countResults, type ScanCounts, summaryFrom } from '../summary.ts';
import type { DynamoDbTarget } from './client.ts';
import { pack, type Packed, packChunks, unpack, unpackChunk } from './codec.ts';
import { expiryEpoch, type Key, keys, partitions, stamp } from './keys.ts';
import { DynamoDbAlertStore } from './alert-store.ts';
import { DynamoDbRemediationStore } from './remediation-store.ts';
import { IS_NEW, type Item, TableClient, written } from './table-client.ts';

export interface DynamoDbStoreOptions extends DynamoDbTarget {
  /** AWSCHECK_RETENTION_DAYS: scans, reports and slots carry a TTL this long after their time. */
  retentionDays: number;
}

/** What a scan header keeps beside its summary (packed in its `doc` attribute). */
type ScanDocument = ScanHead;

/**
 * Chunks of a streamed scan are written before it finishes, so their TTL counts from its start, with this
 * much room for the scan to run: they never expire before the header (which counts from the finish).
 */
const CHUNK_TTL_GRACE_DAYS = 7;

const RUNNING = 'running';

function countsOf(item: Item): ScanCounts {
  const n = (name: string) => (item[name] as number | undefined) ?? 0;
  return { resultCount: n('resultCount'), failCount: n('failCount'), errorCount: n('errorCount'), passWeight: n('passWeight'), evaluatedWeight: n('evaluatedWeight') };
}

function addCounts(a: ScanCounts, b: ScanCounts): ScanCounts {
  return {
    resultCount: a.resultCount + b.resultCount,
    failCount: a.failCount + b.failCount,
    errorCount: a.errorCount + b.errorCount,
    passWeight: a.passWeight + b.passWeight,
    evaluatedWeight: a.evaluatedWeight + b.evaluatedWeight,
  };
}

/** Results as SQLite returns them: details always present. */
function normalised(r: CheckResult): CheckResult {
  return r.details === undefined ? { ...r, details: {} } : r;
}

function summaryFromItem(item: Item): ScanSummary {
  const doc = unpack<ScanDocument>(item.doc as Packed);
  return {
    id: item.id as string,
    startedAt: item.startedAt as string,
    finishedAt: item.finishedAt as string,
    selectionKey: item.selectionKey as string,
    accounts: doc.accounts,
    regions: doc.regions,
    complete: item.complete as boolean,
    score: (item.score as number | null) ?? undefined,
    resultCount: item.resultCount as number,
    failCount: item.failCount as number,
    errorCount: item.errorCount as number,
  };
}

function reportFromItem(item: Item): ReportRecord {
  const record: ReportRecord = {
    id: item.id as string,
    name: item.name as string,
    scanId: item.scanId as string,
    channel: item.channel as string,
    createdAt: item.createdAt as string,
    status: item.status as ReportRecord['status'],
    score: (item.score as number | null) ?? undefined,
    message: unpack(item.message as Packed),
  };
  if (item.slot !== undefined) record.slot = item.slot as string;
  if (item.error !== undefined) record.error = item.error as string;
  if (item.postedAt !== undefined) record.postedAt = item.postedAt as string;
  if (item.messageTs !== undefined) record.messageTs = item.messageTs as string;
  return record;
}

export class DynamoDbStore implements Store {
  readonly remediation: DynamoDbRemediationStore;
  readonly alerts: DynamoDbAlertStore;
  readonly tableClient: TableClient;
  private readonly retentionDays: number;
  /** The part being added to each scan in this process (parts of one scan are added in turn). */
  private readonly appending = new Map<string, Promise<void>>();

  constructor(options: DynamoDbStoreOptions) {
    this.tableClient = new TableClient(options);
    this.retentionDays = options.retentionDays;
    this.remediation = new DynamoDbRemediationStore(this.tableClient);
    this.alerts = new DynamoDbAlertStore(this.tableClient, options.retentionDays);
  }

  private get t(): TableClient {
    return this.tableClient;
  }

  /** Resolves when the table is fit for awscheck; a ConfigError naming `awscheck store init` otherwise. */
  ready(): Promise<void> {
    return this.t.ready();
  }

  private ttl(iso: string): number | undefined {
    return expiryEpoch(iso, this.retentionDays);
  }

  async beginScan(start: ScanStart): Promise<string> {
    await this.t.ready();
    const id = randomUUID();
    const order = stamp();
    // Indexed only under RUNNINGSCANS by its start: reads never see it, prune finds it if it never finishes.
    await this.t.doc.send(
      new PutCommand({
        TableName: this.t.table,
        Item: {
          ...keys.scan(id),
          id,
          status: RUNNING,
          order,
          startedAt: start.startedAt,
          finishedAt: start.startedAt,
          selectionKey: selectionKey(start.selection),
          allChecks: coversAllChecks(start.selection),
          complete: false,
          score: null,
          ...countResults([]),
          chunks: 0,
          doc: pack(headOf(start)),
          gsi1pk: partitions.runningScans,
          gsi1sk: `${start.startedAt}#${order}#${id}`,
          ttl: this.ttl(start.startedAt),
        },
      }),
    );
    return id;
  }

  async appendScan(id: string, part: ScanPart): Promise<void> {
    // Parts of one scan are added one after another: each takes the chunk numbers after the last one's.
    const previous = this.appending.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.appendNow(id, part));
    this.appending.set(id, next);
    try {
      await next;
    } finally {
      if (this.appending.get(id) === next) this.appending.delete(id);
    }
  }

  private async appendNow(id: string, part: ScanPart): Promise<void> {
    await this.t.ready();
    const header = await this.runningHeader(id);
    const first = header.chunks as number;
    const ttl = expiryEpoch(header.startedAt as string, this.retentionDays + CHUNK_TTL_GRACE_DAYS);
    const chunks = packChunks(part.results.map(normalised));
    await this.t.batchWrite(chunks.map((data, n) => ({ ...keys.chunk(id, first + n), data, ttl })));
    // The header counts the chunks last: a part is in the scan once the header says so, whole.
    const head = withPart(unpack<ScanDocument>(header.doc as Packed), part);
    const counts = addCounts(countsOf(header), countResults(part.results));
    const update = new UpdateCommand({
      TableName: this.t.table,
      Key: keys.scan(id),
      UpdateExpression:
        'SET chunks = :chunks, doc = :doc, resultCount = :rc, failCount = :fc, errorCount = :ec, passWeight = :pw, evaluatedWeight = :ew',
      ConditionExpression: '#status = :running AND chunks = :first',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':chunks': first + chunks.length,
        ':doc': pack(head),
        ':rc': counts.resultCount,
        ':fc': counts.failCount,
        ':ec': counts.errorCount,
        ':pw': counts.passWeight,
        ':ew': counts.evaluatedWeight,
        ':running': RUNNING,
        ':first': first,
      },
    });
    if (!(await written(this.t.doc.send(update)))) {
      // Another writer moved the scan on (finished it, or added a part from another process): this part is not in it.
      throw new Error(`scan ${id} changed while a part was being added; the part is not in it`);
    }
  }

  async finishScan(id: string, end: { finishedAt: string }): Promise<ScanSummary> {
    await this.t.ready();
    await this.appending.get(id)?.catch(() => undefined);
    const header = await this.runningHeader(id);
    const head = unpack<ScanDocument>(header.doc as Packed);
    const summary = summaryFrom(id, { ...head, startedAt: header.startedAt as string, finishedAt: end.finishedAt }, countsOf(header));
    const sortKey = `${summary.finishedAt}#${header.order as string}#${id}`;
    const ttl = this.ttl(summary.finishedAt);
    await this.writeAccountLinks(id, head.accounts, header.allChecks as boolean, sortKey, ttl);
    // Indexed where reads look: from here on the scan is like any saved one.
    await this.t.doc.send(
      new UpdateCommand({
        TableName: this.t.table,
        Key: keys.scan(id),
        UpdateExpression:
          'SET #status = :finished, finishedAt = :finishedAt, complete = :complete, score = :score, gsi1pk = :g1pk, gsi1sk = :sk, gsi2pk = :g2pk, gsi2sk = :sk' +
          (ttl === undefined ? ' REMOVE #ttl' : ', #ttl = :ttl'),
        ConditionExpression: '#status = :running',
        ExpressionAttributeNames: { '#status': 'status', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':finished': 'finished',
          ':finishedAt': summary.finishedAt,
          ':complete': summary.complete,
          ':score': summary.score ?? null,
          ':g1pk': partitions.scans,
          ':g2pk': partitions.scansBySelection(summary.selectionKey),
          ':sk': sortKey,
          ...(ttl === undefined ? {} : { ':ttl': ttl }),
          ':running': RUNNING,
        },
      }),
    );
    return summary;
  }

  private async runningHeader(id: string): Promise<Item> {
    const header = await this.t.get(keys.scan(id));
    if (!header) throw new Error(`no scan with id ${id}`);
    if (header.status !== RUNNING) throw new Error(`scan ${id} is already finished`);
    return header;
  }

  saveScan(report: ScanReport): Promise<ScanSummary> {
    return saveInSteps(this, report);
  }

  /** One link per account, so latestPerAccount finds the account's scans; and the account in the registry. */
  private async writeAccountLinks(id: string, accounts: ScanReport['accounts'], allChecks: boolean, sortKey: string, ttl: number | undefined): Promise<void> {
    await this.t.batchWrite(
      accounts.map((account) => ({
        ...keys.scanAccount(id, account.accountId),
        scanId: id,
        gsi1pk: partitions.scansOfAccount(account.accountId),
        gsi1sk: `${allChecks ? 1 : 0}#${sortKey}`,
        ttl,
      })),
    );
    for (const account of accounts) await this.registerAccount(account.accountId, ttl);
  }

  /**
   * A finished scan written whole under a given id and order (`awscheck store copy`): chunks and account
   * links first, the header last, since the header is what makes the scan visible.
   */
  async writeScan(summary: ScanSummary, report: ScanReport, order: string): Promise<void> {
    const ttl = this.ttl(summary.finishedAt);
    const allChecks = coversAllChecks(report.selection);
    const sortKey = `${summary.finishedAt}#${order}#${summary.id}`;
    const chunks = packChunks(report.results.map(normalised));
    await this.t.batchWrite(chunks.map((data, n) => ({ ...keys.chunk(summary.id, n), data, ttl })));
    await this.writeAccountLinks(summary.id, report.accounts, allChecks, sortKey, ttl);
    const doc: ScanDocument = headOf(report);
    await this.t.doc.send(
      new PutCommand({
        TableName: this.t.table,
        Item: {
          ...keys.scan(summary.id),
          id: summary.id,
          status: 'finished',
          order,
          startedAt: summary.startedAt,
          finishedAt: summary.finishedAt,
          selectionKey: summary.selectionKey,
          allChecks,
          complete: summary.complete,
          score: summary.score ?? null,
          ...countResults(report.results),
          chunks: chunks.length,
          doc: pack(doc),
          gsi1pk: partitions.scans,
          gsi1sk: sortKey,
          gsi2pk: partitions.scansBySelection(summary.selectionKey),
          gsi2sk: sortKey,
          ttl,
        },
      }),
    );
  }

  /** The list of accounts ever scanned; an entry lives as long as the account's latest scan. */
  private async registerAccount(accountId: string, ttl: number | undefined): Promise<void> {
    if (ttl === undefined) return this.t.batchWrite([keys.accountRegistry(accountId)]).then(() => undefined);
    // A later expiry already there stays.
    await written(
      this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.table,
          Key: keys.accountRegistry(accountId),
          UpdateExpression: 'SET #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(#ttl) OR #ttl < :ttl',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':ttl': ttl },
        }),
      ),
    );
  }

  private async load(header: Item, accountId?: string): Promise<StoredScan> {
    const summary = summaryFromItem(header);
    const doc = unpack<ScanDocument>(header.doc as Packed);
    const chunkItems = await this.t.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :chunk)',
      ExpressionAttributeValues: { ':pk': keys.scan(summary.id).pk, ':chunk': 'CHUNK#' },
      ConsistentRead: true,
    });
    if (chunkItems.length !== header.chunks) {
      throw new Error(`scan ${summary.id} has ${chunkItems.length} of its ${String(header.chunks)} result chunks in the table`);
    }
    let results = chunkItems.flatMap((item) => unpackChunk<CheckResult>(item.data as Uint8Array));
    if (accountId !== undefined) results = results.filter((r) => r.accountId === accountId);
    const report = reportOf(doc, summary, results);
    return { summary, report };
  }

  async getScan(id: string): Promise<StoredScan | undefined> {
    await this.t.ready();
    const header = await this.t.get(keys.scan(id));
    return header && header.status !== RUNNING ? this.load(header) : undefined;
  }

  async latestScan(query: ScanQuery = {}): Promise<StoredScan | undefined> {
    await this.t.ready();
    const bySelection = query.selectionKey !== undefined;
    const index = bySelection ? 'gsi2' : 'gsi1';
    const values: Record<string, unknown> = {
      ':pk': bySelection ? partitions.scansBySelection(query.selectionKey!) : partitions.scans,
    };
    let condition = `${index}pk = :pk`;
    if (query.finishedBefore !== undefined) {
      condition += ` AND ${index}sk < :before`;
      values[':before'] = query.finishedBefore;
    }
    const filters: string[] = [];
    if (query.complete !== undefined) {
      filters.push('complete = :complete');
      values[':complete'] = query.complete;
    }
    if (bySelection) {
      filters.push('selectionKey = :selection');
      values[':selection'] = query.selectionKey;
    }
    const [header] = await this.t.query(
      {
        IndexName: index,
        KeyConditionExpression: condition,
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
      },
      (items) => items.length > 0,
    );
    return header ? this.load(header) : undefined;
  }

  async scanSummaries(query: { selectionKey: string; since: string }): Promise<ScanSummary[]> {
    await this.t.ready();
    const items = await this.t.query({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk >= :since',
      FilterExpression: 'selectionKey = :selection',
      ExpressionAttributeValues: {
        ':pk': partitions.scansBySelection(query.selectionKey),
        ':since': query.since,
        ':selection': query.selectionKey,
      },
    });
    return items.map(summaryFromItem);
  }

  async latestPerAccount(): Promise<ScanReport[]> {
    await this.t.ready();
    const registry = await this.t.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partitions.accounts },
      ConsistentRead: true,
    });
    const accounts = registry.map((item) => item.sk as string).sort();
    // One scan is often the latest for many accounts: read it once.
    const loaded = new Map<string, Promise<StoredScan | undefined>>();
    const out: ScanReport[] = [];
    for (const accountId of accounts) {
      let stored: StoredScan | undefined;
      const links = this.t.query({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': partitions.scansOfAccount(accountId) },
        ScanIndexForward: false,
      });
      // A link whose header is missing belongs to a scan being written or pruned: the next one counts.
      for (const link of await links) {
        const scanId = link.scanId as string;
        if (!loaded.has(scanId)) loaded.set(scanId, this.getScan(scanId));
        stored = await loaded.get(scanId);
        if (stored) break;
      }
      if (stored) out.push(narrowedTo(stored.report, accountId));
    }
    return out;
  }

  async prune(before: string): Promise<PruneResult> {
    await this.t.ready();
    // Finished scans by their finish, and scans that never finished by their start.
    const old: Item[] = [];
    for (const partition of [partitions.scans, partitions.runningScans]) {
      old.push(
        ...(await this.t.query({
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
          ExpressionAttributeValues: { ':pk': partition, ':before': before },
        })),
      );
    }
    const pruned = new Set<string>();
    for (const header of old) {
      const id = header.id as string;
      // The header first: from then on nobody reads the scan, and its other items can go in any order.
      await this.t.doc.send(new DeleteCommand({ TableName: this.t.table, Key: keys.scan(id) }));
      const rest = await this.t.query({
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.scan(id).pk },
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
      });
      await this.t.batchWrite([], rest.map((item) => ({ pk: item.pk, sk: item.sk }) as Key));
      pruned.add(id);
    }
    // Reports go with their age, and with their scan (as SQLite's ON DELETE CASCADE does); only the first count.
    const reports = await this.t.query({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': partitions.reports },
    });
    const oldReports = reports.filter((r) => (r.createdAt as string) < before);
    const orphaned = reports.filter((r) => (r.createdAt as string) >= before && pruned.has(r.scanId as string));
    await this.t.batchWrite([], [...oldReports, ...orphaned].map((r) => keys.report(r.id as string)));
    const slots = await this.t.query({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
      ExpressionAttributeValues: { ':pk': partitions.slots, ':before': before },
    });
    await this.t.batchWrite([], slots.map((s) => ({ pk: s.pk, sk: s.sk }) as Key));
    return { scans: pruned.size, reports: oldReports.length, slots: slots.length };
  }

  async claimSlot(key: string, owner: string, at: string): Promise<boolean> {
    await this.t.ready();
    return this.putSlot({ key, owner, claimedAt: at });
  }

  /** The conditional put that lets exactly one replica run a slot. */
  async putSlot(slot: { key: string; owner: string; claimedAt: string; completedAt?: string }): Promise<boolean> {
    return written(
      this.t.doc.send(
        new PutCommand({
          TableName: this.t.table,
          Item: {
            ...keys.slot(slot.key),
            ...slot,
            gsi1pk: partitions.slots,
            gsi1sk: `${slot.claimedAt}#${slot.key}`,
            ttl: this.ttl(slot.claimedAt),
          },
          ConditionExpression: IS_NEW,
        }),
      ),
    );
  }

  async completeSlot(key: string, at: string): Promise<void> {
    await this.t.ready();
    // Like SQLite's UPDATE of no row: completing an unknown (or pruned) slot changes nothing.
    await written(
      this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.table,
          Key: keys.slot(key),
          UpdateExpression: 'SET completedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
        }),
      ),
    );
  }

  async createReport(report: NewReport, at: string): Promise<ReportRecord> {
    await this.t.ready();
    const record: ReportRecord = { ...report, id: randomUUID(), createdAt: at, status: 'pending' };
    await this.putReport(record, stamp());
    return record;
  }

  /** Writes a report under its id; false when one with that id is already stored. */
  async putReport(record: ReportRecord, order: string): Promise<boolean> {
    const sortKey = `${record.createdAt}#${order}#${record.id}`;
    return written(
      this.t.doc.send(
        new PutCommand({
          TableName: this.t.table,
          Item: {
            ...keys.report(record.id),
            ...record,
            score: record.score ?? null,
            message: pack(record.message),
            gsi1pk: partitions.reports,
            gsi1sk: sortKey,
            gsi2pk: partitions.reportsNamed(record.name),
            gsi2sk: sortKey,
            ttl: this.ttl(record.createdAt),
          },
          ConditionExpression: IS_NEW,
        }),
      ),
    );
  }

  async updateReport(id: string, update: ReportUpdate): Promise<void> {
    await this.t.ready();
    const set = ['#status = :status'];
    const values: Record<string, unknown> = { ':status': update.status };
    if (update.error !== undefined) {
      set.push('#error = :error');
      values[':error'] = update.error;
    }
    if (update.postedAt !== undefined) {
      set.push('postedAt = :postedAt');
      values[':postedAt'] = update.postedAt;
    }
    if (update.messageTs !== undefined) {
      set.push('messageTs = :messageTs');
      values[':messageTs'] = update.messageTs;
    }
    const updated = await written(
      this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.table,
          Key: keys.report(id),
          UpdateExpression: `SET ${set.join(', ')}${update.error === undefined ? ' REMOVE #error' : ''}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
          ExpressionAttributeValues: values,
        }),
      ),
    );
    if (!updated) throw new Error(`no report with id ${id}`);
  }

  async getReport(id: string): Promise<ReportRecord | undefined> {
    await this.t.ready();
    const item = await this.t.get(keys.report(id));
    return item ? reportFromItem(item) : undefined;
  }

  async latestReport(query: ReportQuery = {}): Promise<ReportRecord | undefined> {
    await this.t.ready();
    const named = query.name !== undefined;
    const index = named ? 'gsi2' : 'gsi1';
    const values: Record<string, unknown> = { ':pk': named ? partitions.reportsNamed(query.name!) : partitions.reports };
    const statuses = query.status ?? [];
    statuses.forEach((s, i) => (values[`:s${i}`] = s));
    const [item] = await this.t.query(
      {
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk`,
        ...(statuses.length
          ? { FilterExpression: `#status IN (${statuses.map((_, i) => `:s${i}`).join(', ')})`, ExpressionAttributeNames: { '#status': 'status' } }
          : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
      },
      (items) => items.length > 0,
    );
    return item ? reportFromItem(item) : undefined;
  }

  async close(): Promise<void> {
    this.t.close();
  }
}
