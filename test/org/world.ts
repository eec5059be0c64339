// The organization the discovery tests and the CLI end-to-end test scan: a management account, members in
// nested OUs, one suspended, one pending closure, one whose role can't be assumed (the fake STS refuses
// every account id starting with 999), and listings paginated two at a time.
import { expect } from 'vitest';
import type { ScanReport } from '../../src/engine/types.ts';
import { FakeAwsError, FakeAwsHttp, type FakeRequest, serveAsAwsEndpoint, stsHandlers, xmlFields } from '../helpers/fake-aws-http.ts';
import { type FakeOrgUnit, organizationsHandlers } from './fake-organization.ts';

export const MANAGEMENT = '111111111111';
export const PROD = '222222222222';
export const SUSPENDED = '333333333333';
export const NESTED = '444444444444';
export const CLOSING = '555555555555';
export const SANDBOX = '666666666666';
export const UNREACHABLE = '999000000001';
export const OU_WORKLOADS = 'ou-abcd-11111111';
export const OU_TEAM = 'ou-abcd-22222222';
export const ROOT = 'r-abcd';

export const ORGANIZATION: FakeOrgUnit = {
  id: ROOT,
  name: 'Root',
  accounts: [
    { id: MANAGEMENT, name: 'management', state: 'ACTIVE' },
    { id: SANDBOX, name: 'sandbox', state: 'ACTIVE' },
  ],
  units: [
    {
      id: OU_WORKLOADS,
      name: 'workloads',
      accounts: [
        { id: PROD, name: 'prod', state: 'ACTIVE' },
        { id: SUSPENDED, name: 'old-prod', state: 'SUSPENDED' },
      ],
      units: [
        {
          id: OU_TEAM,
          name: 'team',
          accounts: [
            { id: NESTED, name: 'team-dev', state: 'ACTIVE' },
            { id: CLOSING, name: 'closing', state: 'PENDING_CLOSURE' },
            { id: UNREACHABLE, name: 'no-role', state: 'ACTIVE' },
          ],
          units: [],
        },
      ],
    },
  ],
};

/** The account a request was signed for: assumed-role keys are named after their account (see stsHandlers). */
export function accountOf(request: FakeRequest): string {
  return /^ASIA(\d{12})/.exec(request.accessKeyId)?.[1] ?? MANAGEMENT;
}

/** A strong password policy in the management account and in prod; none anywhere else. */
function passwordPolicy(request: FakeRequest): string {
  const account = accountOf(request);
  if (account !== MANAGEMENT && account !== PROD) {
    throw new FakeAwsError('NoSuchEntity', 'The Password Policy with domain name x cannot be found.', 404);
  }
  return `<PasswordPolicy>${xmlFields({ MinimumPasswordLength: 16, PasswordReusePrevention: 24, RequireSymbols: true })}</PasswordPolicy>`;
}

export function fakeOrganizationAws(pageSize = 2): FakeAwsHttp {
  return new FakeAwsHttp({
    sts: stsHandlers(MANAGEMENT),
    iam: { GetAccountPasswordPolicy: passwordPolicy },
    organizations: organizationsHandlers(ORGANIZATION, MANAGEMENT, pageSize),
  });
}

/** The fake organization as every SDK client's endpoint (AWS_ENDPOINT_URL) for the tests of the enclosing suite. */
export function useFakeOrganizationAws(): FakeAwsHttp {
  return serveAsAwsEndpoint(fakeOrganizationAws());
}

/** What a scan of iam.password-policy across the whole organization (no include or exclude) reports. */
export function expectWholeOrganizationScanned(doc: ScanReport): void {
  expect(doc.schema).toBe('awscheck.scan/v1');
  // Every ACTIVE member, with its name from Organizations; the management account with its own credentials.
  expect(doc.accounts).toEqual([
    { accountId: MANAGEMENT, name: 'management' },
    { accountId: PROD, name: 'prod' },
    { accountId: NESTED, name: 'team-dev' },
    { accountId: SANDBOX, name: 'sandbox' },
    { accountId: UNREACHABLE, name: 'no-role' },
  ]);
  const byAccount = (id: string) => doc.results.filter((r) => r.accountId === id).map((r) => r.status);
  expect(byAccount(MANAGEMENT)).toEqual(['PASS']);
  expect(byAccount(PROD)).toEqual(['PASS']);
  expect(byAccount(NESTED)).toEqual(['FAIL']);
  expect(byAccount(SANDBOX)).toEqual(['FAIL']);
  // The member whose role can't be assumed: an error for that account, and no PASS.
  expect(byAccount(UNREACHABLE)).toEqual(['ERROR']);
  expect(doc.errors.map((e) => e.accountId)).toEqual([UNREACHABLE]);
  // Suspended and closing accounts: skipped with a note, no results.
  expect(doc.notes.map((n) => n.accountId).sort()).toEqual([SUSPENDED, CLOSING].sort());
  expect(doc.results.some((r) => r.accountId === SUSPENDED || r.accountId === CLOSING)).toBe(false);
}
