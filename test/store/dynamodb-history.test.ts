import { afterAll, beforeAll } from 'vitest';
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
