// A local DynamoDB for tests and benchmarks: dynalite on 127.0.0.1, behind a small HTTP front that serialises
// every request (so a transaction is atomic and isolated), implements what dynalite 4 lacks
// (TransactWriteItems, UpdateTimeToLive, Update/DescribeContinuousBackups), counts items read and written, and
// injects faults on demand (throttling, a transaction conflict) to prove retries never lose a write.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  body: Json;
}

export interface DynamoDbStats {
  requests: Record<string, number>;
  itemsWritten: number;
  itemsRead: number;
}

export interface Fault {
  /** The operation to fail, e.g. `PutItem` or `TransactWriteItems`. */
  operation: string;
  /** `lost-response`: the request is carried out, then answered with HTTP 500 as if the answer got lost. */
  kind: 'throttle' | 'transaction-conflict' | 'lost-response';
  /** How many of the next matching requests fail. */
  times: number;
}

export interface DynamoDbLocal {
  /** http://127.0.0.1:PORT: the endpoint to give the SDK. */
  endpoint: string;
  stats: DynamoDbStats;
  resetStats(): void;
  inject(fault: Fault): void;
  /** Faults injected and not yet served. */
  pendingFaults(): number;
  clearFaults(): void;
  close(): Promise<void>;
}

const PREFIX = 'com.amazonaws.dynamodb.v20120810#';
const error = (type: string, message: string, extra: Json = {}): Answer => ({
  status: 400,
  body: { __type: `${PREFIX}${type}`, message, ...extra },
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Names and values an expression really uses: DynamoDB rejects unused ones. */
function usedBy(expression: string, names: Json | undefined, values: Json | undefined): Json {
  const tokens = new Set(expression.match(/[#:][A-Za-z0-9_]+/g) ?? []);
  const pick = (map: Json | undefined) => (map ? Object.fromEntries(Object.entries(map).filter(([k]) => tokens.has(k))) : undefined);
  const n = pick(names);
  const v = pick(values);
  return { ...(n && Object.keys(n).length ? { ExpressionAttributeNames: n } : {}), ...(v && Object.keys(v).length ? { ExpressionAttributeValues: v } : {}) };
}

export async function startDynamoDbLocal(): Promise<DynamoDbLocal> {
  const backend = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const backendPort = await listen(backend);
  const ttl = new Map<string, { enabled: boolean; attribute: string }>();
  const pitr = new Map<string, boolean>();
  const faults: Fault[] = [];
  const tokens = new Map<string, string>();
  const stats: DynamoDbStats = { requests: {}, itemsWritten: 0, itemsRead: 0 };
  let queue: Promise<unknown> = Promise.resolve();

  function send(operation: string, body: Json, headers: IncomingHttpHeaders): Promise<Answer> {
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: backendPort,
          method: 'POST',
          path: '/',
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'x-amz-target': `DynamoDB_20120810.${operation}`,
            'content-length': Buffer.byteLength(payload),
            authorization: headers.authorization ?? 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x',
            'x-amz-date': headers['x-amz-date'] ?? '20260101T000000Z',
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 500, body: text ? (JSON.parse(text) as Json) : {} });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  const failed = (answer: Answer, type: string) => answer.status >= 400 && typeof answer.body.__type === 'string' && answer.body.__type.endsWith(type);

  /** Evaluates a condition against the item as it is now, by writing the item back unchanged under it. */
  async function conditionHolds(table: string, key: Json, condition: string, names: Json | undefined, values: Json | undefined, headers: IncomingHttpHeaders): Promise<Answer | boolean> {
    const current = await send('GetItem', { TableName: table, Key: key, ConsistentRead: true }, headers);
    if (current.status >= 400) return current;
    const item = (current.body.Item as Json | undefined) ?? key;
    const check = await send('PutItem', { TableName: table, Item: item, ConditionExpression: condition, ...usedBy(condition, names, values) }, headers);
    if (!current.body.Item && check.status < 400) await send('DeleteItem', { TableName: table, Key: key }, headers);
    if (failed(check, 'ConditionalCheckFailedException')) return false;
    return check.status >= 400 ? check : true;
  }

  async function transactWrite(body: Json, headers: IncomingHttpHeaders): Promise<Answer> {
    const items = (body.TransactItems ?? []) as Json[];
    if (items.length === 0 || items.length > 100) return error('ValidationException', 'TransactItems must have 1 to 100 items');
    const parsed = items.map((entry) => {
      const [kind, op] = Object.entries(entry)[0] as [string, Json];
      const key = kind === 'Put' ? undefined : (op.Key as Json);
      return { kind, op, table: op.TableName as string, key };
    });
    // The key of a Put is its item's key attributes: read them from the table description.
    const tables = new Map<string, string[]>();
    for (const p of parsed) {
      if (p.kind !== 'Put' || tables.has(p.table)) continue;
      const described = await send('DescribeTable', { TableName: p.table }, headers);
      if (described.status >= 400) return described;
      const schema = ((described.body.Table as Json).KeySchema as { AttributeName: string }[]).map((k) => k.AttributeName);
      tables.set(p.table, schema);
    }
    for (const p of parsed) {
      if (p.kind === 'Put') {
        const item = p.op.Item as Json;
        p.key = Object.fromEntries((tables.get(p.table) ?? []).map((name) => [name, item[name]]));
      }
    }
    const seen = new Set<string>();
    for (const p of parsed) {
      const id = `${p.table}|${JSON.stringify(p.key)}`;
      if (seen.has(id)) return error('ValidationException', 'Transaction request cannot include multiple operations on one item');
      seen.add(id);
    }
    // Every condition first, against the table as it is: DynamoDB reports each item's reason.
    const reasons: Json[] = [];
    for (const p of parsed) {
      const condition = p.op.ConditionExpression as string | undefined;
      if (!condition) {
        reasons.push({ Code: 'None' });
        continue;
      }
      const holds = await conditionHolds(p.table, p.key!, condition, p.op.ExpressionAttributeNames as Json, p.op.ExpressionAttributeValues as Json, headers);
      if (typeof holds !== 'boolean') return holds;
      reasons.push(holds ? { Code: 'None' } : { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' });
    }
    if (reasons.some((r) => r.Code !== 'None')) {
      return error('TransactionCanceledException', `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`, {
        CancellationReasons: reasons,
      });
    }
    // Then the writes; one that fails (a validation error) rolls back those before it.
    const undo: { table: string; key: Json; before: Json | undefined }[] = [];
    for (const p of parsed) {
      if (p.kind === 'ConditionCheck') continue;
      const before = await send('GetItem', { TableName: p.table, Key: p.key, ConsistentRead: true }, headers);
      const { TableName: _t, ReturnValuesOnConditionCheckFailure: _r, ...op } = p.op;
      const operation = p.kind === 'Put' ? 'PutItem' : p.kind === 'Update' ? 'UpdateItem' : 'DeleteItem';
      const answer = await send(operation, { TableName: p.table, ...op }, headers);
      if (answer.status >= 400) {
        for (const u of undo.reverse()) {
          if (u.before) await send('PutItem', { TableName: u.table, Item: u.before }, headers);
          else await send('DeleteItem', { TableName: u.table, Key: u.key }, headers);
        }
        return answer;
      }
      undo.push({ table: p.table, key: p.key!, before: before.body.Item as Json | undefined });
      stats.itemsWritten += 1;
    }
    return { status: 200, body: {} };
  }

  function count(operation: string, body: Json, answer: Answer): void {
    stats.requests[operation] = (stats.requests[operation] ?? 0) + 1;
    if (answer.status >= 400) return;
    if (operation === 'PutItem' || operation === 'UpdateItem' || operation === 'DeleteItem') stats.itemsWritten += 1;
    if (operation === 'BatchWriteItem') {
      const requested = Object.values((body.RequestItems ?? {}) as Record<string, unknown[]>).reduce((n, l) => n + l.length, 0);
      const left = Object.values((answer.body.UnprocessedItems ?? {}) as Record<string, unknown[]>).reduce((n, l) => n + l.length, 0);
      stats.itemsWritten += requested - left;
    }
    if (operation === 'GetItem' && answer.body.Item) stats.itemsRead += 1;
    if (operation === 'Query' || operation === 'Scan') stats.itemsRead += Number(answer.body.Count ?? 0);
  }

  async function handle(operation: string, body: Json, headers: IncomingHttpHeaders): Promise<Answer> {
    const fault = faults.find((f) => f.operation === operation && f.times > 0);
    if (fault?.kind === 'lost-response') {
      fault.times -= 1;
      await handle(operation, body, headers);
      return { status: 500, body: { __type: `${PREFIX}InternalServerError`, message: 'Internal server error' } };
    }
    if (fault) {
      fault.times -= 1;
      if (fault.kind === 'throttle') {
        return error('ProvisionedThroughputExceededException', 'The level of configured provisioned throughput for the table was exceeded.');
      }
      const reasons = ((body.TransactItems ?? []) as unknown[]).map((_, i) => (i === 0 ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' } : { Code: 'None' }));
      return error('TransactionCanceledException', 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]', {
        CancellationReasons: reasons,
      });
    }
    const table = typeof body.TableName === 'string' ? body.TableName : '';
    switch (operation) {
      case 'TransactWriteItems': {
        // Idempotency as DynamoDB keeps it: the same token with the same request succeeds again without writing.
        const token = typeof body.ClientRequestToken === 'string' ? body.ClientRequestToken : undefined;
        const request = JSON.stringify(body.TransactItems);
        const earlier = token ? tokens.get(token) : undefined;
        if (earlier !== undefined) {
          return earlier === request ? { status: 200, body: {} } : error('IdempotentParameterMismatchException', 'The request uses the same client token as a previous, but non-identical request.');
        }
        const answer = await transactWrite(body, headers);
        if (token && answer.status === 200) tokens.set(token, request);
        return answer;
      }
      case 'UpdateTimeToLive': {
        const spec = body.TimeToLiveSpecification as { Enabled: boolean; AttributeName: string };
        const described = await send('DescribeTable', { TableName: table }, headers);
        if (described.status >= 400) return described;
        ttl.set(table, { enabled: spec.Enabled, attribute: spec.AttributeName });
        return { status: 200, body: { TimeToLiveSpecification: spec } };
      }
      case 'DescribeTimeToLive': {
        const described = await send('DescribeTable', { TableName: table }, headers);
        if (described.status >= 400) return described;
        const t = ttl.get(table);
        return {
          status: 200,
          body: { TimeToLiveDescription: t?.enabled ? { TimeToLiveStatus: 'ENABLED', AttributeName: t.attribute } : { TimeToLiveStatus: 'DISABLED' } },
        };
      }
      case 'UpdateContinuousBackups':
      case 'DescribeContinuousBackups': {
        const described = await send('DescribeTable', { TableName: table }, headers);
        if (described.status >= 400) return described;
        if (operation === 'UpdateContinuousBackups') {
          pitr.set(table, Boolean((body.PointInTimeRecoverySpecification as Json | undefined)?.PointInTimeRecoveryEnabled));
        }
        return {
          status: 200,
          body: {
            ContinuousBackupsDescription: {
              ContinuousBackupsStatus: 'ENABLED',
              PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: pitr.get(table) ? 'ENABLED' : 'DISABLED' },
            },
          },
        };
      }
      default:
        return send(operation, body, headers);
    }
  }

  const front = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Json) : {};
      // One request at a time: a transaction's steps are never interleaved with another request.
      const run = queue.then(() => handle(operation, body, req.headers));
      queue = run.catch(() => undefined);
      run.then(
        (answer) => {
          count(operation, body, answer);
          res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0' });
          res.end(JSON.stringify(answer.body));
        },
        (err: unknown) => {
          res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
          res.end(JSON.stringify({ __type: `${PREFIX}InternalServerError`, message: String(err) }));
        },
      );
    });
  });
  const port = await listen(front);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats,
    resetStats() {
      stats.requests = {};
      stats.itemsRead = 0;
      stats.itemsWritten = 0;
    },
    inject(fault) {
      faults.push({ ...fault });
    },
    pendingFaults: () => faults.reduce((n, f) => n + f.times, 0),
    clearFaults() {
      faults.length = 0;
    },
    async close() {
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      front.closeAllConnections();
      await closed;
      await new Promise<void>((resolve) => backend.close(() => resolve()));
    },
  };
}
