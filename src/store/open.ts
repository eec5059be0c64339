// The one place that picks the Store implementation (SQLite today; DynamoDB would be chosen here).
import type { StoreConfig } from './config.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

export function openStore(config: Pick<StoreConfig, 'path'>): Store {
  try {
    return openSqliteStore(config.path);
  } catch (err) {
    throw new Error(`Cannot open the awscheck database at ${config.path} (AWSCHECK_DB): ${(err as Error).message}`, {
      cause: err,
    });
  }
}
