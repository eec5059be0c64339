// The RemediationStore on the same DynamoDB table. Every state change is a read, then one TransactWriteItems
// conditioned on the version read: the record moved to its new state, the open-target lock taken or released,
// and the audit event appended under the next sequence number. Of two replicas moving one request, exactly
// one transaction commits; the other re-reads and reports `lost` with what it found.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
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
import { SNAPSHOT_RETENTION_MS } from '../../remediation/expiry.ts';
import { checkRequestTransition, leaseAllows } from '../../remediation/lease.ts';
import { canTransitionRisk, OPEN_STATES, type RequestState, type RiskState, TransitionError } from '../../remediation/state.ts';
import { findingKey as findingKeyOf } from '../finding-key.ts';
import { documentOf, moved, movedRequest, recordFrom } from '../state-record.ts';
import type { BatchTransition, FixBatch } from '../../remediation/batch.ts';
import { DynamoDbBatchStore } from './batch-store.ts';
import { pack, type Packed, unpack } from './codec.ts';
import { AUDIT_PARTITION, type Key, keys, partitions, stamp } from './keys.ts';
import { auditFromItem, IS_NEW, type Item, isConditionFailure, type TableClient, type TransactItem } from './table-client.ts';

type Kind = 'request' | 'risk';
type StateRecord = FixRequest | RiskAcceptance;

const isOpen = (state: string) => (OPEN_STATES as readonly string[]).includes(state);

/**
 * The stored item of a request or risk: state and index keys as attributes for conditions and queries, the
 * message reference apart (as SQLite keeps it in columns), the rest one document. Its version is added by
 * the write: 1 when created, one more with each move (TableClient.versionedPut).
 */
function recordItem(kind: Kind, record: StateRecord, order: string): Item {
  const { state, message } = record;
  const item: Item = {
    ...(kind === 'request' ? keys.request(record.id) : keys.risk(record.id)),
    id: record.id,
    state,
    findingKey: record.findingKey,
    order,
    doc: pack(documentOf(record)),
    gsi1pk: kind === 'request' ? partitions.requestsIn(state) : partitions.risksIn(state),
    gsi1sk: kind === 'request' ? `${order}#${record.id}` : `${record.expiresAt}#${order}#${record.id}`,
  };
  if (message) {
    item.msgChannel = message.channel;
    item.msgTs = message.ts;
  }
  return item;
}

function recordFromItem<T extends StateRecord>(item: Item): T {
  return recordFrom<T>(unpack<object>(item.doc as Packed), item.state, item.msgChannel, item.msgTs);
}

export class DynamoDbRemediationStore implements RemediationStore {
  /** "Fix all" batches, kept in their own file. */
  private readonly batches: DynamoDbBatchStore;

  constructor(private readonly t: TableClient) {
    this.batches = new DynamoDbBatchStore(t);
  }

  createBatch(batch: FixBatch, audit: NewAuditEvent): Promise<void> {
    return this.batches.createBatch(batch, audit);
  }

  getBatch(id: string): Promise<FixBatch | undefined> {
    return this.batches.getBatch(id);
  }

  /** `store copy`: a batch as SQLite has it, without an audit event (the trail is copied on its own). */
  putBatch(batch: FixBatch): Promise<boolean> {
    return this.batches.putBatch(batch);
  }

  transitionBatch(transition: BatchTransition): Promise<TransitionResult<FixBatch>> {
    return this.batches.transitionBatch(transition);
  }

  setBatchMessage(id: string, message: MessageRef): Promise<void> {
    return this.batches.setBatchMessage(id, message);
  }

  private put(item: Item, condition?: string): PutCommand {
    return new PutCommand({ TableName: this.t.table, Item: item, ...(condition ? { ConditionExpression: condition } : {}) });
  }

  async saveSnapshot(snapshot: FindingSnapshot): Promise<void> {
    await this.t.ready();
    await this.putSnapshot(snapshot, true);
  }

  /** Stores a snapshot; false when its id is taken (a copy run again), an error for a live duplicate. */
  async putSnapshot(snapshot: FindingSnapshot, strict = false): Promise<boolean> {
    try {
      await this.t.doc.send(
        this.put(
          {
            ...keys.snapshot(snapshot.id),
            id: snapshot.id,
            findingKey: findingKeyOf(snapshot.finding),
            finding: pack(snapshot.finding),
            createdAt: snapshot.createdAt,
            gsi1pk: partitions.snapshots,
            gsi1sk: `${snapshot.createdAt}#${snapshot.id}`,
            // Expiry pruning deletes them after this long anyway; the TTL only catches what no sweep reached.
            ttl: Math.floor((Date.parse(snapshot.createdAt) + SNAPSHOT_RETENTION_MS) / 1000) + 86_400,
          },
          IS_NEW,
        ),
      );
      return true;
    } catch (err) {
      if (!strict && isConditionFailure(err)) return false;
      throw err;
    }
  }

  async getSnapshot(id: string): Promise<FindingSnapshot | undefined> {
    await this.t.ready();
    const item = await this.t.get(keys.snapshot(id));
    return item ? { id: item.id as string, finding: unpack(item.finding as Packed), createdAt: item.createdAt as string } : undefined;
  }

  async pruneSnapshots(before: string): Promise<number> {
    await this.t.ready();
    const old = await this.t.query({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
      ExpressionAttributeValues: { ':pk': partitions.snapshots, ':before': before },
      ProjectionExpression: 'pk, sk',
    });
    await this.t.batchWrite([], old.map((item) => ({ pk: item.pk, sk: item.sk }) as Key));
    return old.length;
  }

  async createRequest(request: FixRequest, audit: NewAuditEvent): Promise<boolean> {
    await this.t.ready();
    return this.insertRequest(request, audit);
  }

  /** The request, its open-target lock when open, and the audit event (if any), in one transaction. */
  async insertRequest(request: FixRequest, audit: NewAuditEvent | undefined): Promise<boolean> {
    const items: TransactItem[] = [{ Put: { TableName: this.t.table, Item: { ...recordItem('request', request, stamp()), version: 1 }, ConditionExpression: IS_NEW } }];
    if (isOpen(request.state)) {
      items.push({
        Put: {
          TableName: this.t.table,
          Item: { ...keys.openLock(request.findingKey), requestId: request.id, findingKey: request.findingKey },
          ConditionExpression: IS_NEW,
        },
      });
    }
    const outcome = await this.t.transact(items, audit);
    if (outcome.ok) return true;
    if (outcome.failed === 0) throw new Error(`a fix request with id ${request.id} already exists`);
    return false;
  }

  async getRequest(id: string): Promise<FixRequest | undefined> {
    await this.t.ready();
    const item = await this.t.get(keys.request(id));
    return item ? recordFromItem<FixRequest>(item) : undefined;
  }

  async transitionRequest(transition: RequestTransition): Promise<TransitionResult<FixRequest>> {
    const { id, from, to, lease } = transition;
    checkRequestTransition(transition);
    await this.t.ready();
    return this.t.moveRecord(keys.request(id), transition, 'fix request', recordFromItem<FixRequest>, (current, item) => {
      if (current.state !== from || !leaseAllows(current.lease, lease)) return undefined;
      const next = movedRequest(current, transition);
      const writes = [this.t.versionedPut(recordItem('request', next, item.order as string), item)];
      const lockBefore = isOpen(from) ? keys.openLock(current.findingKey) : undefined;
      const lockAfter = isOpen(to) ? keys.openLock(next.findingKey) : undefined;
      if (lockBefore && (!lockAfter || lockBefore.pk !== lockAfter.pk)) {
        writes.push({
          Delete: {
            TableName: this.t.table,
            Key: lockBefore,
            ConditionExpression: 'requestId = :id',
            ExpressionAttributeValues: { ':id': id },
          },
        });
      }
      if (lockAfter && (!lockBefore || lockBefore.pk !== lockAfter.pk)) {
        // Back to an open state (an undo requested): only if no other request holds the target meanwhile.
        writes.push({
          Put: {
            TableName: this.t.table,
            Item: { ...lockAfter, requestId: id, findingKey: next.findingKey },
            ConditionExpression: IS_NEW,
          },
        });
      }
      return { next, writes };
    });
  }

  async requestsIn(states: readonly RequestState[]): Promise<FixRequest[]> {
    await this.t.ready();
    return this.recordsIn<FixRequest>(partitions.requestsIn, states);
  }

  async openRequestFor(findingKey: string): Promise<FixRequest | undefined> {
    await this.t.ready();
    const lock = await this.t.get(keys.openLock(findingKey));
    if (!lock) return undefined;
    const item = await this.t.get(keys.request(lock.requestId as string));
    const request = item ? recordFromItem<FixRequest>(item) : undefined;
    return request && isOpen(request.state) ? request : undefined;
  }

  async setRequestMessage(id: string, message: MessageRef): Promise<void> {
    await this.t.ready();
    await this.t.setMessage(keys.request(id), message);
  }

  async createRisk(risk: RiskAcceptance, audit: NewAuditEvent): Promise<void> {
    await this.t.ready();
    const inserted = await this.insertRisk(risk, audit);
    if (!inserted) throw new Error(`a risk acceptance with id ${risk.id} already exists`);
  }

  async insertRisk(risk: RiskAcceptance, audit: NewAuditEvent | undefined): Promise<boolean> {
    const outcome = await this.t.transact(
      [{ Put: { TableName: this.t.table, Item: { ...recordItem('risk', risk, stamp()), version: 1 }, ConditionExpression: IS_NEW } }],
      audit,
    );
    return outcome.ok;
  }

  async getRisk(id: string): Promise<RiskAcceptance | undefined> {
    await this.t.ready();
    const item = await this.t.get(keys.risk(id));
    return item ? recordFromItem<RiskAcceptance>(item) : undefined;
  }

  async transitionRisk(transition: RiskTransition): Promise<TransitionResult<RiskAcceptance>> {
    const { id, from, to, changes } = transition;
    if (!canTransitionRisk(from, to)) throw new TransitionError('risk acceptance', from, to);
    await this.t.ready();
    return this.t.moveRecord(keys.risk(id), transition, 'risk acceptance', recordFromItem<RiskAcceptance>, (current, item) => {
      if (current.state !== from) return undefined;
      const next = moved(current, changes, to);
      return { next, writes: [this.t.versionedPut(recordItem('risk', next, item.order as string), item)] };
    });
  }

  async risksIn(states: readonly RiskState[]): Promise<RiskAcceptance[]> {
    await this.t.ready();
    return this.recordsIn<RiskAcceptance>(partitions.risksIn, states);
  }

  async setRiskMessage(id: string, message: MessageRef): Promise<void> {
    await this.t.ready();
    await this.t.setMessage(keys.risk(id), message);
  }

  /** Records in the given states, in the order SQLite gives them (requests by creation; risks by expiry). */
  private async recordsIn<T extends StateRecord>(partition: (state: string) => string, states: readonly string[]): Promise<T[]> {
    const pages = await Promise.all(
      [...new Set(states)].map((state) =>
        this.t.query({
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': partition(state) },
        }),
      ),
    );
    return pages
      .flat()
      .sort((a, b) => ((a.gsi1sk as string) < (b.gsi1sk as string) ? -1 : 1))
      .map((item) => recordFromItem<T>(item));
  }

  async appendAudit(event: NewAuditEvent): Promise<AuditEvent> {
    await this.t.ready();
    const outcome = await this.t.transact([], event);
    if (!outcome.ok || !outcome.audit) throw new Error('the audit event could not be appended');
    return outcome.audit;
  }

  async auditEvents(query: AuditQuery = {}): Promise<AuditEvent[]> {
    await this.t.ready();
    const latest = query.limit !== undefined;
    const items = await this.t.query(
      {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': AUDIT_PARTITION },
        ConsistentRead: true,
        ScanIndexForward: !latest,
        ...(latest ? { Limit: query.limit } : {}),
      },
      (found) => latest && found.length >= query.limit!,
    );
    const events = (latest ? items.slice(0, query.limit).reverse() : items).map(auditFromItem);
    return events;
  }
}
