// The IAM credential report as AWS writes it: one CSV row for the root user, then one per IAM user, with
// AWS's column order, its `N/A` / `no_information` / `not_supported` markers and +00:00 timestamps.
import { stringify } from 'csv-stringify/sync';
import { type AccessKey, arns, type World } from './world.ts';

/** Every column, in AWS's order; the collector tests build their CSV from the same list. */
export const CREDENTIAL_REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

/** `2024-05-01T09:30:00+00:00`: the report's timestamp style. */
const time = (date: Date): string => `${date.toISOString().slice(0, 19)}+00:00`;

function keyCells(key: AccessKey | undefined): string[] {
  if (!key) return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  const used = key.lastUsed;
  return [String(key.active), time(key.createdAt), used ? time(used.at) : 'N/A', used?.region ?? 'N/A', used?.service ?? 'N/A'];
}

const NO_CERTS = ['false', 'N/A', 'false', 'N/A'];

export function credentialReportCsv(world: World): string {
  const { iam, accountId } = world;
  const root = iam.root;
  const rows: string[][] = [
    [
      '<root_account>',
      arns.root(accountId),
      time(root.createdAt),
      'not_supported',
      root.passwordLastUsed ? time(root.passwordLastUsed) : 'no_information',
      'not_supported',
      'not_supported',
      String(root.mfa),
      ...keyCells(root.keys[0]),
      ...keyCells(root.keys[1]),
      ...NO_CERTS,
    ],
  ];
  for (const user of iam.users) {
    const password = user.password;
    rows.push([
      user.name,
      arns.user(accountId, user.name),
      time(user.createdAt),
      String(password !== undefined),
      password ? (password.lastUsed ? time(password.lastUsed) : 'no_information') : 'N/A',
      password ? time(password.lastChangedAt) : 'N/A',
      'N/A',
      String(user.mfa),
      ...keyCells(user.keys[0]),
      ...keyCells(user.keys[1]),
      ...NO_CERTS,
    ]);
  }
  return stringify([CREDENTIAL_REPORT_COLUMNS, ...rows]);
}
