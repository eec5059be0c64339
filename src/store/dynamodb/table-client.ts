// The few table operations both stores build on: consistent reads, paged queries, batched writes, and the
// transaction that writes state changes together with their audit event under the next audit sequence number.
import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, type DescribeTableCommandOutput, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConfigError } from '../../config/errors.ts';
import type { AuditEvent, MessageRef, NewAuditEvent, TransitionResult } from '../../remediation/store.ts';
import { type DynamoDbTarget, createDocumentClient } from './client.ts';
import { pack, type Packed, unpack } from './codec.ts';
import { type Key, keys } from './keys.ts';
import { DYNAMODB_TABLE, KEY_ATTRIBUTES, keySchema, TABLE_KEYS } from './table.ts';

export type Item = Record<string, unknown>;
type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];
export type { TransactItem };

/** A transaction that wrote, or the index of the caller's item whose condition failed. */
export type TransactOutcome = { ok: true; audit?: AuditEvent } | { ok: false; failed: number };

/** Attempts before a transaction that keeps meeting other writers gives up (each attempt re-reads). */
const MAX_ATTEMPTS = 25;

/** Attempts of one record transition whose version keeps changing under it (message set, lease renewed). */
const MAX_ROUNDS = 25;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A record transition as the stores receive it (requests, risks, batches). */
interface Move {
  id: string;
  from: string;
  to: string;
  audit?: NewAuditEvent;
}

export function auditItem(event: AuditEvent): Item {
  const { detail, ...rest } = event;
  return { ...keys.audit(event.seq), ...rest, detail: pack(detail) };
}

export function auditFromItem(item: Item): AuditEvent {
  const { pk: _pk, sk: _sk, detail, ...rest } = item;
  return { ...(rest as unknown as Omit<AuditEvent, 'detail'>), detail: unpack(detail as Packed) };
}

/** What is wrong with the table for awscheck, or undefined when it is fit. */
export function tableProblem(table: DescribeTableCommandOutput['Table']): string | undefined {
  if (!table) return 'DescribeTable returned no table';
  const keyOf = (schema: { AttributeName?: string; KeyType?: string }[] | undefined) =>
    JSON.stringify((schema ?? []).map((k) => [k.AttributeName, k.KeyType]));
  const types = new Map((table.AttributeDefinitions ?? []).map((a) => [a.AttributeName, a.AttributeType]));
  const { partitionKey, sortKey } = DYNAMODB_TABLE;
  if (keyOf(table.KeySchema) !== keyOf(TABLE_KEYS.KeySchema)) {
    return `its key is ${keyOf(table.KeySchema)}, expected ${partitionKey.name} (partition) and ${sortKey.name} (sort)`;
  }
  for (const index of DYNAMODB_TABLE.globalSecondaryIndexes) {
    const found = table.GlobalSecondaryIndexes?.find((g) => g.IndexName === index.indexName);
    if (!found) return `the global secondary index ${index.indexName} is missing`;
    if (keyOf(found.KeySchema) !== keyOf(keySchema(index))) {
      return `the index ${index.indexName} has key ${keyOf(found.KeySchema)}, expected ${index.partitionKey.name} and ${index.sortKey.name}`;
    }
    if (found.Projection?.ProjectionType !== 'ALL') return `the index ${index.indexName} must project ALL attributes`;
  }
  const mistyped = KEY_ATTRIBUTES.filter((k) => types.get(k.name) !== k.type).map((k) => k.name);
  if (mistyped.length > 0) return `the key attributes ${mistyped.join(', ')} must be strings (S)`;
  return undefined;
}

export class TableClient {
  readonly doc: DynamoDBDocumentClient;
  readonly table: string;
  private verified: Promise<void> | undefined;

  constructor(readonly target: DynamoDbTarget) {
    this.doc = createDocumentClient(target);
    this.table = target.table;
  }

  /**
   * Checks once per process that the table exists and has awscheck's keys and indexes; a missing or different
   * table is a configuration error that names the command creating it. A network failure is retried next call.
   */
  ready(): Promise<void> {
    this.verified ??= this.verify().catch((err: unknown) => {
      this.verified = undefined;
      throw err;
    });
    return this.verified;
  }

  private async verify(): Promise<void> {
    const where = `dynamodb://${this.table}${this.target.region ? ` (region ${this.target.region})` : ''}`;
    let described: DescribeTableCommandOutput;
    try {
      described = await this.doc.send(new DescribeTableCommand({ TableName: this.table }));
    } catch (err) {
      if ((err as { name?: string }).name === 'ResourceNotFoundException') {
        throw new ConfigError([
          `AWSCHECK_DB: the DynamoDB table ${where} does not exist. Create it with \`npx awscheck store init\` (or deploy the awscheck stack), then start again.`,
        ]);
      }
      throw err;
    }
    const problem = tableProblem(described.Table);
    if (problem) {
      throw new ConfigError([
        `AWSCHECK_DB: the DynamoDB table ${where} is not an awscheck table: ${problem}. Point AWSCHECK_DB at a table made by \`npx awscheck store init\` (or the awscheck stack).`,
      ]);
    }
  }

  async get(key: Key): Promise<Item | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }));
    return Item;
  }

  /** Every item the query matches, page by page, stopping early when `enough` says so. */
  async query(input: Omit<QueryCommandInput, 'TableName'>, enough?: (items: Item[]) => boolean): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({ ...input, TableName: this.table, ...(start ? { ExclusiveStartKey: start } : {}) }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start && !enough?.(items));
    return items;
  }

  /** Puts and deletes in batches of 25, resending what DynamoDB left unprocessed (throttling) until done. */
  async batchWrite(puts: readonly Item[], deletes: readonly Key[] = []): Promise<number> {
    const requests = [...puts.map((Item) => ({ PutRequest: { Item } })), ...deletes.map((Key) => ({ DeleteRequest: { Key } }))];
    let sent = 0;
    for (let i = 0; i < requests.length; i += 25) {
      let batch = requests.slice(i, i + 25);
      for (let attempt = 0; batch.length > 0; attempt++) {
        if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
        const { UnprocessedItems } = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: batch } }));
        sent += 1;
        batch = (UnprocessedItems?.[this.table] ?? []) as typeof batch;
      }
    }
    return sent;
  }

  /**
   * Writes `items` in one transaction; with an audit event, also the event under the next sequence number
   * and the counter moved to it, so the event exists exactly when the change does. A lost race on the
   * counter or a transaction conflict is retried here; a failed condition of the caller's items is returned.
   */
  async transact(items: readonly TransactItem[], audit?: NewAuditEvent): Promise<TransactOutcome> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (attempt > 0) await sleep(Math.random() * Math.min(500, 10 * 2 ** attempt));
      let event: AuditEvent | undefined;
      const all = [...items];
      if (audit) {
        const counter = await this.get(keys.auditCounter());
        const previous = (counter?.seq as number | undefined) ?? 0;
        event = { ...audit, seq: previous + 1 };
        all.push(
          {
            Update: {
              TableName: this.table,
              Key: keys.auditCounter(),
              UpdateExpression: 'SET #seq = :next',
              ConditionExpression: previous === 0 ? 'attribute_not_exists(#seq)' : '#seq = :previous',
              ExpressionAttributeNames: { '#seq': 'seq' },
              ExpressionAttributeValues: { ':next': event.seq, ...(previous === 0 ? {} : { ':previous': previous }) },
            },
          },
          { Put: { TableName: this.table, Item: auditItem(event), ConditionExpression: 'attribute_not_exists(pk)' } },
        );
      }
      try {
        // One token per attempt (the SDK would make one too): if the SDK resends it after a lost answer, DynamoDB
        // answers the committed transaction's success instead of failing its conditions, which would read as lost.
        await this.doc.send(new TransactWriteCommand({ TransactItems: all, ClientRequestToken: randomUUID() }));
        return event ? { ok: true, audit: event } : { ok: true };
      } catch (err) {
        if (!(err instanceof TransactionCanceledException)) throw err;
        const reasons = err.CancellationReasons ?? [];
        const failed = reasons.findIndex((r, i) => i < items.length && r.Code === 'ConditionalCheckFailed');
        if (failed >= 0) return { ok: false, failed };
        if (event && reasons[items.length]?.Code === 'None' && reasons[items.length + 1]?.Code === 'ConditionalCheckFailed') {
          // The counter is behind an event that exists: never overwrite the trail, and retrying cannot help.
          throw new Error(
            `DynamoDB table ${this.table}: audit event #${event.seq} already exists but the audit counter says ${event.seq - 1}; the trail is never overwritten (was an audit trail copied in without its counter?)`,
          );
        }
        // The counter moved (another event was written), or a conflict with a concurrent transaction: retry.
        const retryable = reasons.every((r) => ['None', 'ConditionalCheckFailed', 'TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded'].includes(r.Code ?? 'None'));
        if (!retryable) throw err;
      }
    }
    throw new Error(`DynamoDB table ${this.table}: a transaction met other writers ${MAX_ATTEMPTS} times in a row; try again`);
  }

  /**
   * Moves a request, risk or batch record: reads its item, lets `plan` check the record and give the moved
   * one with the writes (its versionedPut first, then any lock items), and commits them with the audit event.
   * Lost when `plan` refuses or a lock's condition fails; when only the version moved under it (a message
   * attached, a lease renewed), it reads again and decides again.
   */
  async moveRecord<T>(
    key: Key,
    move: Move,
    what: string,
    read: (item: Item) => T,
    plan: (current: T, item: Item) => { next: T; writes: TransactItem[] } | undefined,
  ): Promise<TransitionResult<T>> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const item = await this.get(key);
      if (!item) return { outcome: 'lost', current: undefined };
      const current = read(item);
      const planned = plan(current, item);
      if (!planned) return { outcome: 'lost', current };
      const outcome = await this.transact(planned.writes, move.audit);
      if (outcome.ok) return { outcome: 'won', record: planned.next };
      if (outcome.failed !== 0) return { outcome: 'lost', current };
    }
    throw new Error(`${what} ${move.id}: its record kept changing during ${MAX_ROUNDS} attempts of ${move.from} → ${move.to}`);
  }

  /** The put of a record's next version, conditioned on the version and state that were read. */
  versionedPut(next: Item, stored: Item): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { ...next, version: (stored.version as number) + 1 },
        ConditionExpression: '#version = :version AND #state = :state',
        ExpressionAttributeNames: { '#version': 'version', '#state': 'state' },
        ExpressionAttributeValues: { ':version': stored.version, ':state': stored.state },
      },
    };
  }

  /** Attaches the Slack message to a request, risk or batch record; a record that is gone is left alone. */
  async setMessage(key: Key, message: MessageRef): Promise<void> {
    await written(
      this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key,
          // The version moves too, so a transition that read the record before this re-reads it and keeps the message.
          UpdateExpression: 'SET msgChannel = :channel, msgTs = :ts, #version = #version + :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':channel': message.channel, ':ts': message.ts, ':one': 1 },
        }),
      ),
    );
  }

  close(): void {
    this.doc.destroy();
  }
}

/** The condition on a put that must not overwrite. */
export const IS_NEW = 'attribute_not_exists(pk)';

export function isConditionFailure(err: unknown): boolean {
  return (err as { name?: string }).name === 'ConditionalCheckFailedException';
}

/**
 * Whether a conditional write was made. A failed condition is an answer, not an error: the item is there
 * already (a slot claimed, an event recorded) or is gone (like SQLite's UPDATE of no row). Others are thrown.
 */
export async function written(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}
