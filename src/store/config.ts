// Where the store lives and how long it remembers: AWSCHECK_DB (a SQLite path, or dynamodb://TABLE) and
// AWSCHECK_RETENTION_DAYS.
import type { Environment } from '../config/environment.ts';
import { resolve } from 'node:path';
import { ConfigError, showValue } from '../config/errors.ts';

export const DEFAULT_DB_PATH = './data/awscheck.db';
export const DEFAULT_RETENTION_DAYS = 90;

export interface DynamoDbLocation {
  table: string;
  /** From `?region=`; otherwise the SDK's default (AWS_REGION, the profile). */
  region?: string;
}

export interface StoreConfig {
  /** Absolute path of the SQLite file; for DynamoDB, AWSCHECK_DB as given (for messages). */
  path: string;
  /** Set when AWSCHECK_DB is dynamodb://TABLE: the table replaces the SQLite file. */
  dynamodb?: DynamoDbLocation;
  retentionDays: number;
}

const DYNAMODB_SCHEME = 'dynamodb://';
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** dynamodb://TABLE[?region=REGION]; undefined for anything else (a SQLite path). */
export function parseDynamoDbUrl(value: string): DynamoDbLocation | undefined {
  if (!value.toLowerCase().startsWith(DYNAMODB_SCHEME)) return undefined;
  const rest = value.slice(DYNAMODB_SCHEME.length);
  const [table = '', query = ''] = rest.split('?', 2);
  const params = new URLSearchParams(query);
  const problems: string[] = [];
  if (!TABLE_NAME.test(table)) {
    problems.push(`AWSCHECK_DB: got ${showValue(value)}; the table name must be 3 to 255 letters, digits, _ . or -, as in dynamodb://awscheck?region=eu-west-1.`);
  }
  const unknown = [...params.keys()].filter((k) => k !== 'region');
  if (unknown.length > 0) problems.push(`AWSCHECK_DB: unknown option ${unknown.join(', ')} in ${showValue(value)}; only ?region= is understood.`);
  const region = params.get('region') ?? undefined;
  if (region !== undefined && !REGION.test(region)) {
    problems.push(`AWSCHECK_DB: region ${showValue(region)} is not an AWS region name like eu-west-1.`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { table, ...(region ? { region } : {}) };
}

export function storeConfigFromEnv(env: Environment, cwd: string = process.cwd()): StoreConfig {
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
  const dynamodb = parseDynamoDbUrl(path);
  if (dynamodb) return { path, dynamodb, retentionDays };
  return { path: path === ':memory:' ? path : resolve(cwd, path), retentionDays };
}

/** The ISO time before which stored scans and reports are pruned. */
export function retentionCutoff(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
}
