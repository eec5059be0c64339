// Results as CSV (CLI --format csv, the file attached to Slack messages and reports).
import { stringify } from 'csv-stringify/sync';
import type { CheckResult } from '../engine/types.ts';
import type { Locale } from '../i18n/locale.ts';
import { evidenceIn } from '../i18n/message.ts';

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

/** The evidence column is worded in `locale`. */
export function resultsToCsv(results: readonly CheckResult[], locale: Locale): string {
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
      cell(evidenceIn(locale, r)),
      cell(r.muted?.reason),
      r.muted?.expiresAt ?? '',
    ]),
    { header: true, columns: [...CSV_COLUMNS] },
  );
}
