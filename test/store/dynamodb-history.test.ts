import { afterAll, beforeAll, expect, it } from 'vitest';
import { keys } from '../../src/store/dynamodb/keys.ts';
import { result, scanReport } from '../report/fixtures.ts';
import { describeHistoryStoreContract } from './contract/history-store-contract.ts';
import { type LocalTables, localTables } from './dynamodb-env.ts';

let env: LocalTables;
beforeAll(async () => {
  env = await localTables();
});
afterAll(async () => {
  await env.close();
});

describeHistoryStoreContract('DynamoDB (dynalite)', () => env.handle());

it('gives scans, reports and slots a TTL of their time plus the retention, and the audit trail none', async () => {
  const table = await env.table();
  const store = env.store(table, { retentionDays: 30 });
  const finishedAt = '2026-11-25T00:01:00.000Z';
  const scan = await store.saveScan(scanReport([result()], { finishedAt }));
  const expected = Date.parse(finishedAt) / 1000 + 30 * 86_400;
  expect((await store.tableClient.get(keys.scan(scan.id)))?.ttl).toBe(expected);
  // Result chunks are written while the scan runs: their TTL counts from its start, with a week's room, so
  // they never expire before the header that points at them.
  const chunkTtl = (await store.tableClient.get(keys.chunk(scan.id, 0)))?.ttl as number;
  expect(chunkTtl).toBe(Date.parse(scan.startedAt) / 1000 + (30 + 7) * 86_400);
  expect(chunkTtl).toBeGreaterThan(expected);
  const report = await store.createReport({ name: 'daily', scanId: scan.id, channel: 'C1', score: 1, message: { text: 't', blocks: [] } }, finishedAt);
  expect((await store.tableClient.get(keys.report(report.id)))?.ttl).toBe(expected);
  await store.claimSlot('slot', 'me', finishedAt);
  expect((await store.tableClient.get(keys.slot('slot')))?.ttl).toBe(expected);
  const event = await store.remediation.appendAudit({ at: finishedAt, event: 'fix.refused', actor: 'U1', subject: 'fix', subjectId: 'r', checkId: 'c', accountId: '1', region: 'r', resourceId: 'x', detail: {} });
  expect((await store.tableClient.get(keys.audit(event.seq)))?.ttl).toBeUndefined();
});
