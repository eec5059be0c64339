// Results as CSV (CLI --format csv, the file attached to Slack messages and reports).
import { stringify } from 'csv-stringify/sync';
import type { CheckResult } from '../engine/types.ts';

export const CSV_COLUMNS = [
  'checkId',
  'status',
  'severity',
  'accountId',
  'region',
  'resourceType',
  'resourceId',
  'subResourceId',
  'resourceArn',
  'evidence',
  'mutedReason',
  'mutedUntil',
] as const;

/**
 * Neutralises spreadsheet formulas in a cell of every CSV awscheck writes (results, the audit trail): AWS
 * names, tags, resource ids and people's reasons are other people's text.
 */
export function cell(value: string | undefined): string {
  const text = value ?? '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function resultsToCsv(results: readonly CheckResult[]): string {
  return stringify(
    results.map((r) => [
      r.checkId,
      r.status,
      r.severity,
      r.accountId,
      r.region,
      r.resourceType,
      cell(r.resourceId),
      cell(r.subResourceId),
      cell(r.resourceArn),
      cell(r.evidence),
      cell(r.muted?.reason),
      r.muted?.expiresAt ?? '',
    ]),
    { header: true, columns: [...CSV_COLUMNS] },
  );
}
