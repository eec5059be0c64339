// The one place that picks the Store implementation: SQLite for a path (the default), DynamoDB for
// dynamodb://TABLE. The DynamoDB store checks its table on first use, so a missing table stops start-up
// with a configuration error naming `awscheck store init`.
import { DEFAULT_RETENTION_DAYS } from '../config/configuration.ts';
import type { StoreConfig } from './config.ts';
import { DynamoDbStore } from './dynamodb/history-store.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

export function openStore(config: Pick<StoreConfig, 'path'> & Partial<Pick<StoreConfig, 'dynamodb' | 'retentionDays'>>): Store {
  if (config.dynamodb) {
    return new DynamoDbStore({ ...config.dynamodb, retentionDays: config.retentionDays ?? DEFAULT_RETENTION_DAYS });
  }
  try {
    return openSqliteStore(config.path);
  } catch (err) {
    throw new Error(`Cannot open the awscheck database at ${config.path} (AWSCHECK_DB): ${(err as Error).message}`, {
      cause: err,
    });
  }
}
