// "Fix all" batches on the DynamoDB table (the RemediationStore's batch methods delegate here): one item per
// batch, moved by a TransactWriteItems conditioned on the version and state read, with its audit event under
// the next sequence number, like the requests beside it. The batch's requests are ordinary request items.
import { canTransitionBatch, type BatchTransition, type FixBatch } from '../../remediation/batch.ts';
import type { MessageRef, NewAuditEvent, TransitionResult } from '../../remediation/store.ts';
import { TransitionError } from '../../remediation/state.ts';
import { documentOf, moved, recordFrom } from '../state-record.ts';
import { pack, type Packed, unpack } from './codec.ts';
import { keys } from './keys.ts';
import { IS_NEW, type Item, type TableClient } from './table-client.ts';

/** The batch's item without its version (1 when created, one more with each move). */
function batchItem(batch: FixBatch): Item {
  const { state, message } = batch;
  return {
    ...keys.batch(batch.id),
    id: batch.id,
    state,
    doc: pack(documentOf(batch)),
    ...(message ? { msgChannel: message.channel, msgTs: message.ts } : {}),
  };
}

function batchFromItem(item: Item): FixBatch {
  return recordFrom<FixBatch>(unpack<object>(item.doc as Packed), item.state, item.msgChannel, item.msgTs);
}

export class DynamoDbBatchStore {
  constructor(private readonly t: TableClient) {}

  async createBatch(batch: FixBatch, audit: NewAuditEvent): Promise<void> {
    await this.t.ready();
    const outcome = await this.t.transact([{ Put: { TableName: this.t.table, Item: { ...batchItem(batch), version: 1 }, ConditionExpression: IS_NEW } }], audit);
    if (!outcome.ok) throw new Error(`a fix batch with id ${batch.id} already exists`);
  }

  /** A batch as it was (a copy from SQLite): false when one with its id is there already. No audit event. */
  async putBatch(batch: FixBatch): Promise<boolean> {
    await this.t.ready();
    const outcome = await this.t.transact([{ Put: { TableName: this.t.table, Item: { ...batchItem(batch), version: 1 }, ConditionExpression: IS_NEW } }]);
    return outcome.ok;
  }

  async getBatch(id: string): Promise<FixBatch | undefined> {
    await this.t.ready();
    const item = await this.t.get(keys.batch(id));
    return item ? batchFromItem(item) : undefined;
  }

  async transitionBatch(transition: BatchTransition): Promise<TransitionResult<FixBatch>> {
    const { id, from, to, changes } = transition;
    if (!canTransitionBatch(from, to)) throw new TransitionError('fix batch', from, to);
    await this.t.ready();
    return this.t.moveRecord(keys.batch(id), transition, 'fix batch', batchFromItem, (current, item) => {
      if (current.state !== from) return undefined;
      const next = moved(current, changes, to);
      return { next, writes: [this.t.versionedPut(batchItem(next), item)] };
    });
  }

  async setBatchMessage(id: string, message: MessageRef): Promise<void> {
    await this.t.ready();
    await this.t.setMessage(keys.batch(id), message);
  }
}
