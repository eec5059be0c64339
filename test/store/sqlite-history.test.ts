// The history store contract against SQLite: a fresh file per test, its replicas on the same file.
import { describeHistoryStoreContract } from './contract/history-store-contract.ts';
import { sqliteHandle } from './sqlite-env.ts';

describeHistoryStoreContract('SQLite', sqliteHandle);
