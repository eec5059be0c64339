import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { describeHistoryStoreContract } from './contract/history-store-contract.ts';

describeHistoryStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'awscheck-contract-'));
  const path = join(dir, 'awscheck.db');
  const store = openSqliteStore(path);
  return {
    store,
    replica: async () => openSqliteStore(path),
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
