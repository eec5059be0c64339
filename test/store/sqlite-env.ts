// A fresh SQLite file per store handle, shared by its replicas as processes share one file, removed with it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { StoreHandle } from './contract/history-store-contract.ts';

export async function sqliteHandle(): Promise<StoreHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'awscheck-store-'));
  const path = join(dir, 'awscheck.db');
  const opened: SqliteStore[] = [openSqliteStore(path)];
  return {
    store: opened[0]!,
    async replica() {
      const replica = openSqliteStore(path);
      opened.push(replica);
      return replica;
    },
    async dispose() {
      for (const store of opened) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
