// Where the store lives and how long it remembers: AWSCHECK_DB (a SQLite path, or dynamodb://TABLE) and
// AWSCHECK_RETENTION_DAYS, read in src/config/configuration.ts.
import type { DynamoDbLocation } from '../config/environment.ts';

export type { DynamoDbLocation };

export interface StoreConfig {
  /** Absolute path of the SQLite file; for DynamoDB, AWSCHECK_DB as given (for messages). */
  path: string;
  /** Set when AWSCHECK_DB is dynamodb://TABLE: the table replaces the SQLite file. */
  dynamodb?: DynamoDbLocation;
  retentionDays: number;
}
