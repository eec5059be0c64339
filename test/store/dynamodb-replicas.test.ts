// Two schedulers in two processes on one DynamoDB table: each slot's report is written once.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { partitions } from '../../src/store/dynamodb/keys.ts';
import { type LocalTables, localTables } from './dynamodb-env.ts';

let env: LocalTables;
beforeAll(async () => {
  env = await localTables();
});
afterAll(async () => {
  await env.close();
});

function replica(table: string, owner: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'replicas', 'scheduler-replica.ts')], {
    env: { ...process.env, TABLE: table, ENDPOINT: env.local.endpoint, OWNER: owner, RUN_MS: '5000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
}

it('two schedulers in two processes post one report per slot', async () => {
  const table = await env.table();
  expect(await Promise.all([replica(table, 'replica-a'), replica(table, 'replica-b')])).toEqual([0, 0]);
  const store = env.store(table);
  const reports = await store.tableClient.query({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': partitions.reports },
  });
  const slots = await store.tableClient.query({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': partitions.slots },
  });
  const perSlot = new Map<string, number>();
  for (const r of reports) perSlot.set(r.slot as string, (perSlot.get(r.slot as string) ?? 0) + 1);
  expect(reports.length).toBeGreaterThanOrEqual(3);
  expect([...perSlot.values()].every((n) => n === 1)).toBe(true);
  expect(slots.map((s) => s.key).sort()).toEqual([...perSlot.keys()].sort());
}, 60_000);
