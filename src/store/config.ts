// Where the store lives and how long it remembers: AWSCHECK_DB and AWSCHECK_RETENTION_DAYS.
import { resolve } from 'node:path';
import { ConfigError, showValue } from '../config/errors.ts';

export const DEFAULT_DB_PATH = './data/awscheck.db';
export const DEFAULT_RETENTION_DAYS = 90;

export interface StoreConfig {
  /** Absolute path of the SQLite file. */
  path: string;
  retentionDays: number;
}

export function storeConfigFromEnv(env: Record<string, string | undefined>, cwd: string = process.cwd()): StoreConfig {
  const raw = env.AWSCHECK_RETENTION_DAYS?.trim();
  let retentionDays = DEFAULT_RETENTION_DAYS;
  if (raw) {
    retentionDays = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(retentionDays >= 1 && retentionDays <= 3650)) {
      throw new ConfigError([
        `AWSCHECK_RETENTION_DAYS: got ${showValue(raw)}; expected a whole number of days from 1 to 3650 (default ${DEFAULT_RETENTION_DAYS}).`,
      ]);
    }
  }
  const path = env.AWSCHECK_DB?.trim() || DEFAULT_DB_PATH;
  return { path: path === ':memory:' ? path : resolve(cwd, path), retentionDays };
}

/** The ISO time before which stored scans and reports are pruned. */
export function retentionCutoff(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
}
