// The RemediationStore contract against DynamoDB (dynalite): the same suite SQLite runs, a fresh table per test.
import { afterAll, beforeAll } from 'vitest';
import { describeRemediationStoreContract } from './contract/remediation-store-contract.ts';
import { type LocalTables, localTables } from './dynamodb-env.ts';

let env: LocalTables;
beforeAll(async () => {
  env = await localTables();
});
afterAll(async () => {
  await env.close();
});

describeRemediationStoreContract('DynamoDB (dynalite)', async () => {
  const store = env.store(await env.table());
  return { store: store.remediation, close: () => store.close() };
});
