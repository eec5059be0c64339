// Builds credential report CSV text the way IAM writes it (every column, N/A for what does not apply).
import { CREDENTIAL_REPORT_COLUMNS } from '../../fake-aws/credential-report.ts';

export type CsvRow = Partial<Record<(typeof CREDENTIAL_REPORT_COLUMNS)[number], string>>;

const NO_KEYS: CsvRow = {
  access_key_1_active: 'false', access_key_1_last_rotated: 'N/A', access_key_1_last_used_date: 'N/A',
  access_key_1_last_used_region: 'N/A', access_key_1_last_used_service: 'N/A',
  access_key_2_active: 'false', access_key_2_last_rotated: 'N/A', access_key_2_last_used_date: 'N/A',
  access_key_2_last_used_region: 'N/A', access_key_2_last_used_service: 'N/A',
  cert_1_active: 'false', cert_1_last_rotated: 'N/A', cert_2_active: 'false', cert_2_last_rotated: 'N/A',
};

export const ROOT_CSV_ROW: CsvRow = {
  user: '<root_account>', arn: 'arn:aws:iam::123456789012:root', user_creation_time: '2019-03-01T10:00:00+00:00',
  password_enabled: 'not_supported', password_last_used: '2026-11-20T08:30:00+00:00', password_last_changed: 'not_supported',
  password_next_rotation: 'not_supported', mfa_active: 'true', ...NO_KEYS,
};

export function userCsvRow(user: string, row: CsvRow = {}): CsvRow {
  return {
    user, arn: `arn:aws:iam::123456789012:user/${user}`, user_creation_time: '2025-01-10T09:00:00+00:00',
    password_enabled: 'false', password_last_used: 'N/A', password_last_changed: 'N/A', password_next_rotation: 'N/A',
    mfa_active: 'false', ...NO_KEYS, ...row,
  };
}

export function credentialCsv(rows: CsvRow[], columns: readonly string[] = CREDENTIAL_REPORT_COLUMNS): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => (row as Record<string, string | undefined>)[c] ?? 'N/A').join(','));
  return `${lines.join('\n')}\n`;
}

export const DEFAULT_CSV = credentialCsv([
  ROOT_CSV_ROW,
  userCsvRow('alice', {
    password_enabled: 'true', password_last_used: '2026-11-24T12:00:00+00:00', password_last_changed: '2025-01-10T09:00:00+00:00', mfa_active: 'true',
    access_key_1_active: 'true', access_key_1_last_rotated: '2025-01-10T09:00:30+00:00', access_key_1_last_used_date: '2026-11-24T00:00:00+00:00',
    access_key_1_last_used_region: 'us-east-1', access_key_1_last_used_service: 's3',
  }),
]);
