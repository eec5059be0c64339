// The IAM credential report: one CSV row per user (and the root user) with password, MFA and access-key
// facts. Generated once per scan and shared by every check that reads it; no per-user calls.
import { setTimeout as delay } from 'node:timers/promises';
import { GenerateCredentialReportCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import { parse } from 'csv-parse/sync';
import { defineCollector } from '../../engine/define.ts';
import type { Collector } from '../../engine/types.ts';
import { reasonOf, type Unreadable } from '../../engine/unreadable.ts';
import { sendOptions } from '../sdk.ts';
import { iamClient } from './client.ts';

export const ROOT_USER = '<root_account>';

export const KEY_SLOTS = ['access_key_1', 'access_key_2'] as const;
export type KeySlot = (typeof KEY_SLOTS)[number];

export interface AccessKeyInfo {
  /** The report has no key id; the slot is how a fix finds the key again (ListAccessKeys). */
  slot: KeySlot;
  active: boolean;
  /** Created or last changed; undefined (N/A) when the slot holds no key. */
  lastRotated: Date | undefined;
  /** Undefined (N/A, no_information): never used, no key, or last used before IAM tracked it (April 2015). */
  lastUsedDate: Date | undefined;
  lastUsedRegion: string | undefined;
  lastUsedService: string | undefined;
}

/**
 * - Date: last sign-in.
 * - 'never': the password has not been used, and the user is younger than IAM's sign-in tracking
 *   (20 October 2014), so "no information" can only mean never.
 * - 'no_information': not used since tracking began, or never; the report cannot tell which.
 * - undefined: N/A, the user has no password.
 */
export type PasswordLastUsed = Date | 'never' | 'no_information' | undefined;

export interface CredentialReportRow {
  user: string;
  arn: string;
  isRoot: boolean;
  userCreationTime: Date;
  /** 'not_supported' for the root user, whose password cannot be switched off. */
  passwordEnabled: boolean | 'not_supported';
  passwordLastUsed: PasswordLastUsed;
  /** Undefined (N/A, no_information) without a password; 'not_supported' for the root user. */
  passwordLastChanged: Date | 'not_supported' | undefined;
  mfaActive: boolean;
  accessKeys: readonly [AccessKeyInfo, AccessKeyInfo];
}

export interface CredentialReport {
  generatedAt: Date | undefined;
  /** The root user's row, or why it could not be read (root checks then report ERROR). */
  root: CredentialReportRow | Unreadable;
  /** IAM users only: the root row is never one of them. */
  users: CredentialReportRow[];
  /** IAM users whose rows held something unexpected: ERROR for each of them, the others judged. */
  unreadableUsers: Unreadable[];
}

const PASSWORD_TRACKING_START = Date.parse('2014-10-20T00:00:00Z');

const KEY_FIELDS = ['active', 'last_rotated', 'last_used_date', 'last_used_region', 'last_used_service'] as const;
const REQUIRED_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'mfa_active',
  ...KEY_SLOTS.flatMap((slot) => KEY_FIELDS.map((field) => `${slot}_${field}`)),
];

/** What the report writes instead of a date: none applies, not tracked, or not applicable to this user. */
const MARKERS = ['N/A', 'no_information', 'not_supported'] as const;
type Marker = (typeof MARKERS)[number];

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** Reads one row's cells, naming the row and column in every complaint. */
class RowReader {
  constructor(private readonly record: Record<string, string>) {}

  private get user(): string {
    return this.record.user || '(no user name)';
  }

  private fail(column: string, expected: string): never {
    const value = (this.record[column] ?? '').slice(0, 40);
    throw new Error(`credential report row ${this.user}: ${column} is "${value}", expected ${expected}`);
  }

  raw(column: string): string {
    return (this.record[column] ?? '').trim();
  }

  text(column: string): string {
    return this.raw(column) || this.fail(column, 'a value');
  }

  optionalText(column: string): string | undefined {
    const value = this.raw(column);
    return value === '' || value === 'N/A' ? undefined : value;
  }

  bool(column: string): boolean {
    const value = this.raw(column).toLowerCase();
    if (value === 'true') return true;
    if (value === 'false') return false;
    return this.fail(column, 'true or false');
  }

  date(column: string): Date {
    const value = this.raw(column);
    const time = ISO_8601.test(value) ? Date.parse(value) : NaN;
    return Number.isNaN(time) ? this.fail(column, 'an ISO 8601 date') : new Date(time);
  }

  /** A date or one of the report's documented markers, which AWS may write in any date column. */
  dateOrMarker(column: string): Date | Marker {
    const value = this.raw(column);
    if ((MARKERS as readonly string[]).includes(value)) return value as Marker;
    const time = ISO_8601.test(value) ? Date.parse(value) : NaN;
    return Number.isNaN(time) ? this.fail(column, `an ISO 8601 date, ${MARKERS.join(', ')}`) : new Date(time);
  }

  /** A date, or undefined for any marker: no date to judge by. */
  optionalDate(column: string): Date | undefined {
    const value = this.dateOrMarker(column);
    return value instanceof Date ? value : undefined;
  }
}

function parseRow(record: Record<string, string>): CredentialReportRow {
  const r = new RowReader(record);
  const user = r.text('user');
  const isRoot = user === ROOT_USER;
  const userCreationTime = r.date('user_creation_time');

  const enabled = r.raw('password_enabled');
  const passwordEnabled = isRoot && enabled === 'not_supported' ? 'not_supported' : r.bool('password_enabled');

  const lastUsed = r.dateOrMarker('password_last_used');
  let passwordLastUsed: PasswordLastUsed;
  if (lastUsed instanceof Date) passwordLastUsed = lastUsed;
  else if (lastUsed === 'no_information') {
    passwordLastUsed = userCreationTime.getTime() >= PASSWORD_TRACKING_START ? 'never' : 'no_information';
  } else passwordLastUsed = undefined;

  const lastChanged = r.dateOrMarker('password_last_changed');
  const passwordLastChanged = lastChanged instanceof Date || lastChanged === 'not_supported' ? lastChanged : undefined;

  const key = (slot: KeySlot): AccessKeyInfo => ({
    slot,
    active: r.bool(`${slot}_active`),
    lastRotated: r.optionalDate(`${slot}_last_rotated`),
    lastUsedDate: r.optionalDate(`${slot}_last_used_date`),
    lastUsedRegion: r.optionalText(`${slot}_last_used_region`),
    lastUsedService: r.optionalText(`${slot}_last_used_service`),
  });

  return {
    user,
    arn: r.text('arn'),
    isRoot,
    userCreationTime,
    passwordEnabled,
    passwordLastUsed,
    passwordLastChanged,
    mfaActive: r.bool('mfa_active'),
    accessKeys: [key('access_key_1'), key('access_key_2')],
  };
}

function unreadableRow(record: Record<string, string>, index: number, err: unknown): Unreadable {
  const user = (record.user ?? '').trim();
  const arn = (record.arn ?? '').trim();
  const isRoot = user === ROOT_USER;
  return {
    resourceType: isRoot ? 'AWS::::Account' : 'AWS::IAM::User',
    // Row 1 is the header, so the first user is line 2 of the file.
    resourceId: user || `(credential report line ${index + 2}, no user name)`,
    ...(arn.startsWith('arn:') ? { resourceArn: arn } : {}),
    reason: reasonOf(err),
  };
}

/**
 * Parses the report's CSV. A file that is not the report (wrong columns, ragged CSV, no or several root
 * rows) throws, so every check that needs it reports ERROR; one row with an unexpected value becomes an
 * Unreadable for that user alone.
 */
export function parseCredentialReport(csv: string, generatedAt?: Date): CredentialReport {
  let records: Record<string, string>[];
  try {
    records = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      columns: (header: string[]) => {
        const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
        if (missing.length > 0) throw new Error(`missing column(s) ${missing.join(', ')}`);
        return header;
      },
    });
  } catch (err) {
    throw new Error(`the credential report is not the expected CSV: ${(err as Error).message}`);
  }
  const rows = records.map((record, index): CredentialReportRow | Unreadable => {
    try {
      return parseRow(record);
    } catch (err) {
      return unreadableRow(record, index, err);
    }
  });
  const rootOf = (row: CredentialReportRow | Unreadable): boolean =>
    'isRoot' in row ? row.isRoot : row.resourceType === 'AWS::::Account';
  const roots = rows.filter(rootOf);
  const [root] = roots;
  if (!root || roots.length > 1) throw new Error(`the credential report has ${roots.length} ${ROOT_USER} rows, expected 1`);
  const others = rows.filter((row) => !rootOf(row));
  return {
    generatedAt,
    root,
    users: others.filter((row): row is CredentialReportRow => 'isRoot' in row),
    unreadableUsers: others.filter((row): row is Unreadable => !('isRoot' in row)),
  };
}

export interface CredentialReportOptions {
  /** Waits between GenerateCredentialReport polls, in ms; after the last one the collector gives up. */
  pollDelaysMs?: readonly number[];
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Backoff up to 8 s per wait, about a minute in all: far beyond the seconds a report usually takes. */
export const DEFAULT_POLL_DELAYS_MS: readonly number[] = [500, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000];

const sleepFor = (ms: number, signal?: AbortSignal): Promise<void> => delay(ms, undefined, signal ? { signal } : {});

/** Built by a factory so tests can poll without waiting; production uses `credentialReport`. */
export function createCredentialReportCollector(options: CredentialReportOptions = {}): Collector<CredentialReport> {
  const delays = options.pollDelaysMs ?? DEFAULT_POLL_DELAYS_MS;
  const sleep = options.sleep ?? sleepFor;
  return defineCollector<CredentialReport>({
    id: 'iam.credential-report',
    scope: 'global',
    actions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
    async collect(ctx) {
      const client = iamClient(ctx);
      // GenerateCredentialReport doubles as the status call: it answers COMPLETE once the report exists.
      for (let attempt = 0; ; attempt += 1) {
        const { State } = await client.send(new GenerateCredentialReportCommand({}), sendOptions(ctx));
        if (State === 'COMPLETE') break;
        const wait = delays[attempt];
        if (wait === undefined) {
          const waited = Math.round(delays.reduce((sum, ms) => sum + ms, 0) / 1000);
          throw new Error(`the credential report was still ${State ?? 'not started'} after ${waited} s; scan again in a few minutes`);
        }
        await sleep(wait, ctx.signal);
      }
      const answer = await client.send(new GetCredentialReportCommand({}), sendOptions(ctx));
      if (answer.ReportFormat !== undefined && answer.ReportFormat !== 'text/csv') {
        throw new Error(`the credential report came as ${String(answer.ReportFormat)}, expected text/csv`);
      }
      if (!answer.Content) throw new Error('GetCredentialReport answered without Content');
      return parseCredentialReport(new TextDecoder('utf-8', { fatal: true }).decode(answer.Content), answer.GeneratedTime);
    },
  });
}

export const credentialReport = createCredentialReportCollector();
