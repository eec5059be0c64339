// Row <-> domain mapping for the SQLite store. Results are written and read as positional arrays:
// with 50,000 results per scan, named parameters and row objects cost measurable time.
import type { CheckResult, Severity, Status } from '../../engine/types.ts';
import type { Message } from '../../i18n/message.ts';
import type { ScanHead } from '../scan-parts.ts';
import type { ReportRecord, ReportStatus, ScanSummary } from '../store.ts';

export const RESULT_COLUMNS =
  'check_id, status, severity, account_id, region, resource_type, resource_id, sub_resource_id, resource_arn, evidence, details, muted, message';

export type ResultRow = [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string,
  string,
  string | null,
  string | null,
];

export function resultToRow(r: CheckResult): ResultRow {
  return [
    r.checkId,
    r.status,
    r.severity,
    r.accountId,
    r.region,
    r.resourceType,
    r.resourceId,
    r.subResourceId ?? null,
    r.resourceArn ?? null,
    r.evidence,
    JSON.stringify(r.details ?? {}),
    r.muted ? JSON.stringify(r.muted) : null,
    r.message ? JSON.stringify(r.message) : null,
  ];
}

export function rowToResult(row: ResultRow): CheckResult {
  const [checkId, status, severity, accountId, region, resourceType, resourceId, sub, arn, evidence, details, muted, message] = row;
  const result: CheckResult = {
    checkId,
    status: status as Status,
    severity: severity as Severity,
    accountId,
    region,
    resourceType,
    resourceId,
    evidence,
    details: JSON.parse(details) as Record<string, unknown>,
  };
  if (sub !== null) result.subResourceId = sub;
  if (arn !== null) result.resourceArn = arn;
  if (muted !== null) result.muted = JSON.parse(muted) as NonNullable<CheckResult['muted']>;
  // Rows written before messages were stored have none: readers show their evidence as it was worded.
  if (message !== null) result.message = JSON.parse(message) as Message;
  return result;
}

export interface ScanRow {
  id: string;
  started_at: string;
  finished_at: string;
  selection_key: string;
  selection: string;
  all_checks: number;
  accounts: string;
  regions: string;
  errors: string;
  notes: string;
  complete: number;
  score: number | null;
  result_count: number;
  fail_count: number;
  error_count: number;
  status: 'running' | 'finished';
}

export function headFromRow(row: ScanRow): ScanHead {
  return {
    accounts: JSON.parse(row.accounts) as ScanHead['accounts'],
    regions: JSON.parse(row.regions) as string[],
    errors: JSON.parse(row.errors) as ScanHead['errors'],
    notes: JSON.parse(row.notes) as ScanHead['notes'],
    selection: JSON.parse(row.selection) as ScanHead['selection'],
  };
}

export function rowToSummary(row: ScanRow): ScanSummary {
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    selectionKey: row.selection_key,
    accounts: JSON.parse(row.accounts) as ScanSummary['accounts'],
    regions: JSON.parse(row.regions) as string[],
    complete: row.complete === 1,
    score: row.score ?? undefined,
    resultCount: row.result_count,
    failCount: row.fail_count,
    errorCount: row.error_count,
  };
}

export interface ReportRow {
  id: string;
  name: string;
  slot: string | null;
  scan_id: string;
  channel: string;
  created_at: string;
  status: string;
  error: string | null;
  posted_at: string | null;
  message_ts: string | null;
  score: number | null;
  message: string;
}

export function rowToReport(row: ReportRow): ReportRecord {
  const record: ReportRecord = {
    id: row.id,
    name: row.name,
    scanId: row.scan_id,
    channel: row.channel,
    createdAt: row.created_at,
    status: row.status as ReportStatus,
    score: row.score ?? undefined,
    message: JSON.parse(row.message) as ReportRecord['message'],
  };
  if (row.slot !== null) record.slot = row.slot;
  if (row.error !== null) record.error = row.error;
  if (row.posted_at !== null) record.postedAt = row.posted_at;
  if (row.message_ts !== null) record.messageTs = row.message_ts;
  return record;
}
