// Plain credential-report inventories for the IAM checks: no CSV, no AWS.
import type { AccessKeyInfo, CredentialReport, CredentialReportRow, KeySlot } from '../../../src/collectors/iam/credential-report.ts';
import { TEST_NOW } from '../../helpers/evaluate.ts';

export const DAY = 86_400_000;
export const daysAgo = (days: number): Date => new Date(TEST_NOW.getTime() - days * DAY);

export function key(slot: KeySlot, overrides: Partial<AccessKeyInfo> = {}): AccessKeyInfo {
  return { slot, active: false, lastRotated: undefined, lastUsedDate: undefined, lastUsedRegion: undefined, lastUsedService: undefined, ...overrides };
}

export function activeKey(slot: KeySlot, rotatedDaysAgo: number, usedDaysAgo?: number): AccessKeyInfo {
  return key(slot, {
    active: true,
    lastRotated: daysAgo(rotatedDaysAgo),
    ...(usedDaysAgo === undefined ? {} : { lastUsedDate: daysAgo(usedDaysAgo), lastUsedRegion: 'us-east-1', lastUsedService: 's3' }),
  });
}

type RowOverrides = Partial<Omit<CredentialReportRow, 'accessKeys'>> & { keys?: [AccessKeyInfo?, AccessKeyInfo?] };

export function user(name: string, overrides: RowOverrides = {}): CredentialReportRow {
  const { keys = [], ...rest } = overrides;
  return {
    user: name,
    arn: `arn:aws:iam::123456789012:user/${name}`,
    isRoot: false,
    userCreationTime: daysAgo(400),
    passwordEnabled: false,
    passwordLastUsed: undefined,
    passwordLastChanged: undefined,
    mfaActive: false,
    accessKeys: [keys[0] ?? key('access_key_1'), keys[1] ?? key('access_key_2')],
    ...rest,
  };
}

/** A console user who signed in yesterday. */
export function consoleUser(name: string, overrides: RowOverrides = {}): CredentialReportRow {
  return user(name, { passwordEnabled: true, passwordLastUsed: daysAgo(1), passwordLastChanged: daysAgo(300), mfaActive: true, ...overrides });
}

export function root(overrides: RowOverrides = {}): CredentialReportRow {
  return user('<root_account>', {
    arn: 'arn:aws:iam::123456789012:root',
    isRoot: true,
    passwordEnabled: 'not_supported',
    passwordLastUsed: daysAgo(200),
    passwordLastChanged: 'not_supported',
    mfaActive: true,
    ...overrides,
  });
}

export function report(users: CredentialReportRow[], rootRow: CredentialReportRow = root()): CredentialReport {
  return { generatedAt: TEST_NOW, root: rootRow, users, unreadableUsers: [] };
}
