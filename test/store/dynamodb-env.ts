// One local DynamoDB (dynalite behind the test front) per test file, and a fresh awscheck table per store.
import { randomUUID } from 'node:crypto';
import { DynamoDbStore } from '../../src/store/dynamodb/history-store.ts';
import { initTable } from '../../src/store/dynamodb/init.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from '../helpers/dynamodb-local.ts';
import type { StoreHandle } from './contract/history-store-contract.ts';

export interface LocalTables {
  local: DynamoDbLocal;
  /** Creates a table (as `store init` does) and returns its name. */
  table(): Promise<string>;
  store(table: string, options?: { maxAttempts?: number; retentionDays?: number }): DynamoDbStore;
  handle(): Promise<StoreHandle>;
  close(): Promise<void>;
}

export async function localTables(): Promise<LocalTables> {
  const local = await startDynamoDbLocal();
  const opened: DynamoDbStore[] = [];
  const tables: LocalTables = {
    local,
    async table() {
      const table = `awscheck-${randomUUID().slice(0, 8)}`;
      await initTable({ table, region: 'us-east-1', endpoint: local.endpoint });
      return table;
    },
    store(table, options = {}) {
      const store = new DynamoDbStore({ table, region: 'us-east-1', endpoint: local.endpoint, retentionDays: options.retentionDays ?? 90, ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}) });
      opened.push(store);
      return store;
    },
    async handle() {
      const table = await tables.table();
      const store = tables.store(table);
      return {
        store,
        replica: async () => tables.store(table),
        dispose: () => store.close(),
      };
    },
    async close() {
      for (const store of opened) await store.close();
      await local.close();
    },
  };
  return tables;
}
