// Organization discovery against a fake Organizations API through the real SDK over HTTP (AWS_ENDPOINT_URL):
// nested OUs, paginated listings, suspended and closing accounts, a member whose role can't be assumed.
import { beforeEach, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.ts';
import { defaultSettings, type Settings } from '../../src/config/schema.ts';
import { type AccountReport, scan } from '../../src/engine/scan.ts';
import type { ScanReport } from '../../src/engine/types.ts';
import {
  accountOf,
  expectWholeOrganizationScanned,
  CLOSING,
  MANAGEMENT,
  NESTED,
  OU_TEAM,
  OU_WORKLOADS,
  PROD,
  SANDBOX,
  SUSPENDED,
  UNREACHABLE,
  fakeOrganizationAws,
  useFakeOrganizationAws,
} from './world.ts';

const fake = useFakeOrganizationAws();
beforeEach(() => {
  fake.requests.length = 0;
});

const CHECK = 'iam.password-policy';

function orgScan(organization: Settings['organization'], extra: Partial<Settings> = {}, options: Parameters<typeof scan>[2] = {}): Promise<ScanReport> {
  return scan({ checks: [CHECK] }, { settings: defaultSettings({ organization, ...extra }), checks: ALL_CHECKS, env: {} }, options);
}

const statusOf = (report: ScanReport, account: string) => report.results.filter((r) => r.accountId === account).map((r) => r.status);

describe('a scan with organization: set', () => {
  it('covers the management account and every ACTIVE member, named as in Organizations', async () => {
    expectWholeOrganizationScanned(await orgScan({ roleName: 'awscheck-read', externalId: 'ext-123' }));
  });

  it('reports the member whose role cannot be assumed as an error for that account, with no PASS for it', async () => {
    const report = await orgScan({ roleName: 'awscheck-read' });
    const errors = report.errors.filter((e) => e.accountId === UNREACHABLE);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.reason).toMatch(/Cannot access account no-role \(999000000001\).*AccessDenied|not authorized/);
    expect(statusOf(report, UNREACHABLE)).toEqual(['ERROR']);
    // Nobody else is affected.
    expect(report.errors.filter((e) => e.accountId !== UNREACHABLE)).toEqual([]);
  });

  it('skips suspended and closing accounts with a note, and never touches them', async () => {
    const report = await orgScan({ roleName: 'awscheck-read' });
    expect(report.notes.filter((n) => n.accountId === SUSPENDED).map((n) => n.message)).toEqual([
      'Account old-prod (333333333333) is SUSPENDED in AWS Organizations; not scanned.',
    ]);
    expect(report.notes.filter((n) => n.accountId === CLOSING).map((n) => n.message)).toEqual([
      'Account closing (555555555555) is PENDING_CLOSURE in AWS Organizations; not scanned.',
    ]);
    const assumed = fake.calls('sts', 'AssumeRole').map((r) => r.params.get('RoleArn'));
    expect(assumed.some((arn) => arn?.includes(SUSPENDED) || arn?.includes(CLOSING))).toBe(false);
    expect(statusOf(report, SUSPENDED)).toEqual([]);
  });

  it('assumes each member role once per scan, as awscheck-scan with the external id, and never in the management account', async () => {
    await orgScan({ roleName: 'awscheck-read', externalId: 'ext-123' });
    const assumes = fake.calls('sts', 'AssumeRole');
    const perAccount = new Map<string, number>();
    for (const call of assumes) {
      const arn = call.params.get('RoleArn') ?? '';
      perAccount.set(arn, (perAccount.get(arn) ?? 0) + 1);
      expect(call.params.get('RoleSessionName')).toBe('awscheck-scan');
      expect(call.params.get('ExternalId')).toBe('ext-123');
    }
    // The unreachable member too: its failure stops its scan before another client asks again.
    expect(Object.fromEntries(perAccount)).toEqual({
      [`arn:aws:iam::${PROD}:role/awscheck-read`]: 1,
      [`arn:aws:iam::${NESTED}:role/awscheck-read`]: 1,
      [`arn:aws:iam::${SANDBOX}:role/awscheck-read`]: 1,
      [`arn:aws:iam::${UNREACHABLE}:role/awscheck-read`]: 1,
    });
    // Each member was reached with its own credentials: STS to verify, then IAM.
    const iamAccounts = fake.calls('iam', 'GetAccountPasswordPolicy').map(accountOf).sort();
    expect(iamAccounts).toEqual([MANAGEMENT, PROD, NESTED, SANDBOX].sort());
  });

  it('pages through every listing (two items a page)', async () => {
    await orgScan({ roleName: 'awscheck-read' });
    const tokens = fake.calls('organizations', 'ListAccounts').map((r) => r.json?.NextToken ?? null);
    expect(tokens).toEqual([null, '2', '4', '6']);
  });

  it('walks included OUs recursively, and filters the management account like any other', async () => {
    const report = await orgScan({ roleName: 'awscheck-read', include: [OU_WORKLOADS] });
    expect(report.accounts.map((a) => a.accountId)).toEqual([PROD, NESTED, UNREACHABLE]);
    expect(report.notes.map((n) => n.accountId).sort()).toEqual([SUSPENDED, CLOSING].sort());
    expect(fake.calls('organizations', 'ListOrganizationalUnitsForParent').map((r) => r.json?.ParentId).sort()).toEqual([OU_WORKLOADS, OU_TEAM]);
  });

  it('excludes OUs and accounts, the management account too', async () => {
    const report = await orgScan({ roleName: 'awscheck-read', exclude: [OU_TEAM, MANAGEMENT] });
    expect(report.accounts.map((a) => a.accountId)).toEqual([PROD, SANDBOX]);
  });

  it('includes single accounts by id next to OUs', async () => {
    const report = await orgScan({ roleName: 'awscheck-read', include: [OU_TEAM, MANAGEMENT], exclude: [UNREACHABLE] });
    expect(report.accounts).toEqual([
      { accountId: MANAGEMENT, name: 'management' },
      { accountId: NESTED, name: 'team-dev' },
    ]);
    expect(report.errors).toEqual([]);
  });

  it('lets accounts: entries win over discovered ones for the same id', async () => {
    const report = await orgScan(
      { roleName: 'awscheck-read', exclude: [OU_TEAM] },
      { accounts: [{ id: PROD, name: 'production', roleArn: `arn:aws:iam::${PROD}:role/custom-read` }] },
    );
    expect(report.accounts.find((a) => a.accountId === PROD)).toEqual({ accountId: PROD, name: 'production' });
    expect(fake.calls('sts', 'AssumeRole').map((r) => r.params.get('RoleArn'))).toContain(`arn:aws:iam::${PROD}:role/custom-read`);
    expect(fake.calls('sts', 'AssumeRole').map((r) => r.params.get('RoleArn'))).not.toContain(`arn:aws:iam::${PROD}:role/awscheck-read`);
  });

  it('selects discovered accounts by id or name, and refuses an unknown one', async () => {
    const settings = defaultSettings({ organization: { roleName: 'awscheck-read' } });
    const report = await scan({ checks: [CHECK], accounts: ['team-dev', PROD] }, { settings, checks: ALL_CHECKS, env: {} });
    expect(report.accounts.map((a) => a.accountId)).toEqual([NESTED, PROD]);
    await expect(scan({ checks: [CHECK], accounts: ['old-prod'] }, { settings, checks: ALL_CHECKS, env: {} })).rejects.toThrow(/unknown account "old-prod"/);
  });

  it('hands each finished account to onAccount, and keeps no results when asked not to', async () => {
    const parts: AccountReport[] = [];
    const report = await orgScan({ roleName: 'awscheck-read' }, { accountConcurrency: 2 }, { onAccount: (part) => void parts.push(part), keepResults: false });
    expect(report.results).toEqual([]);
    expect(parts.map((p) => p.account.accountId).sort()).toEqual([MANAGEMENT, PROD, NESTED, SANDBOX, UNREACHABLE].sort());
    expect(parts.find((p) => p.account.accountId === PROD)?.results.map((r) => r.status)).toEqual(['PASS']);
    expect(parts.find((p) => p.account.accountId === UNREACHABLE)?.errors).toHaveLength(1);
    // The unreachable account's error is in the report as well as in its part.
    expect(report.errors.filter((e) => e.accountId === UNREACHABLE)).toHaveLength(1);
  });

  it('still scans the management account when the organization cannot be listed', async () => {
    const denied = fakeOrganizationAws();
    // No organizations handlers: every listing fails, as with a member account's credentials.
    delete (denied as unknown as { handlers: Record<string, unknown> }).handlers.organizations;
    const url = await denied.start();
    process.env.AWS_ENDPOINT_URL = url;
    try {
      const report = await orgScan({ roleName: 'awscheck-read' });
      expect(report.accounts).toEqual([{ accountId: MANAGEMENT, name: MANAGEMENT }]);
      expect(report.errors.map((e) => e.reason)).toEqual([expect.stringMatching(/^Cannot list the organization's accounts: /)]);
      expect(statusOf(report, MANAGEMENT)).toEqual(['PASS']);
    } finally {
      process.env.AWS_ENDPOINT_URL = fake.url;
      await denied.stop();
    }
  });
});
