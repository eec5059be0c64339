// The credential report through the real engine: fetched once for every IAM check, and any failure to
// get or read it is ERROR for exactly the checks that need it, never PASS.
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListServerCertificatesCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { iamChecks } from '../../../checks/iam/index.ts';
import { createCredentialReportCollector } from '../../../src/collectors/iam/credential-report.ts';
import { defaultSettings } from '../../../src/config/schema.ts';
import { scan } from '../../../src/engine/scan.ts';
import type { AnyCheck } from '../../../src/engine/types.ts';
import { credentialCsv, DEFAULT_CSV, ROOT_CSV_ROW, userCsvRow } from './credential-report-csv.ts';

const sts = mockClient(STSClient);
const iam = mockClient(IAMClient);

// The production collector with instant waits; same id, so the engine memoises it the same way.
const instantReport = createCredentialReportCollector({ pollDelaysMs: [1000, 2000, 4000], sleep: async () => undefined });
const checks: AnyCheck[] = iamChecks.map((check) => ({
  ...check,
  needs: check.needs.map((collector) => (collector.id === instantReport.id ? instantReport : collector)),
}));
const reportChecks = checks.filter((c) => c.needs.some((n) => n.id === instantReport.id)).map((c) => c.id).sort();
const clock = { now: () => new Date('2026-11-25T00:00:00Z') };

function runScan() {
  return scan({}, { settings: defaultSettings(), checks, clock });
}

beforeEach(() => {
  sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012' });
  iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } });
  iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 14, PasswordReusePrevention: 24 } });
  iam.on(ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [] });
  iam.on(ListServerCertificatesCommand).resolves({ ServerCertificateMetadataList: [] });
  iam.on(GetAccountAuthorizationDetailsCommand).resolves({ UserDetailList: [], RoleDetailList: [], GroupDetailList: [], Policies: [] });
});
afterEach(() => {
  sts.reset();
  iam.reset();
});

const encode = (text: string) => new TextEncoder().encode(text);

describe('the credential report in a scan of every IAM check', () => {
  it('covers the seven checks that read it', () => {
    expect(reportChecks).toEqual([
      'iam.access-key-rotation',
      'iam.initial-access-key',
      'iam.long-lived-keys',
      'iam.multiple-active-keys',
      'iam.root-recent-use',
      'iam.unused-credentials',
      'iam.user-console-mfa',
    ]);
  });

  it('is generated and read once for the whole scan', async () => {
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
    iam.on(GetCredentialReportCommand).resolves({ Content: encode(DEFAULT_CSV), ReportFormat: 'text/csv' });
    const report = await runScan();
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(1);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(1);
    expect(report.errors).toEqual([]);
    expect(report.results.filter((r) => r.status === 'ERROR')).toEqual([]);
    expect(new Set(report.results.map((r) => r.checkId))).toEqual(new Set(iamChecks.map((c) => c.id)));
  });

  it('waits through STARTED, then reads the report once and evaluates it', async () => {
    iam.on(GenerateCredentialReportCommand).resolvesOnce({ State: 'STARTED' }).resolves({ State: 'COMPLETE' });
    iam.on(GetCredentialReportCommand).resolves({ Content: encode(DEFAULT_CSV), ReportFormat: 'text/csv' });
    const report = await runScan();
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(2);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(1);
    expect(report.results.filter((r) => r.status === 'ERROR')).toEqual([]);
    // Root signed in 5 days before the scan (ROOT_CSV_ROW): the report really was read.
    expect(report.results.find((r) => r.checkId === 'iam.root-recent-use')).toMatchObject({ status: 'FAIL', resourceType: 'AWS::::Account' });
  });

  const failures: [string, () => void, RegExp, number][] = [
    [
      'generation fails',
      () => iam.on(GenerateCredentialReportCommand).rejects(Object.assign(new Error('Credential report generation failed'), { name: 'ServiceFailure' })),
      /ServiceFailure/,
      1,
    ],
    [
      'the report never completes',
      () => iam.on(GenerateCredentialReportCommand).resolves({ State: 'INPROGRESS' }),
      /still INPROGRESS after 7 s/,
      4,
    ],
    [
      'the CSV is malformed',
      () => {
        iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
        iam.on(GetCredentialReportCommand).resolves({ Content: encode(credentialCsv([ROOT_CSV_ROW], ['user', 'arn'])) });
      },
      /not the expected CSV: missing column\(s\) user_creation_time/,
      1,
    ],
    [
      'access is denied',
      () => {
        iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
        iam.on(GetCredentialReportCommand).rejects(
          Object.assign(new Error('User is not authorized to perform: iam:GetCredentialReport'), { name: 'AccessDenied' }),
        );
      },
      /AccessDenied/,
      1,
    ],
  ];

  it.each(failures)('gives ERROR, never PASS, for every check that reads it when %s', async (_case, arrange, reason, generateCalls) => {
    arrange();
    const report = await runScan();
    const fromReport = report.results.filter((r) => reportChecks.includes(r.checkId));
    expect(fromReport.map((r) => r.checkId).sort()).toEqual(reportChecks);
    for (const result of fromReport) {
      expect(result).toMatchObject({ status: 'ERROR', region: 'global', resourceId: '123456789012' });
      expect(result.evidence).toMatch(reason);
    }
    // One failed fetch, one error entry listing the checks it stopped.
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.checkIds?.sort()).toEqual(reportChecks);
    // Seven checks, one fetch: the failure is not retried per check.
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(generateCalls);
    expect(iam.commandCalls(GetCredentialReportCommand).length).toBeLessThanOrEqual(1);
    // The checks that do not read the report are unaffected.
    const others = report.results.filter((r) => !reportChecks.includes(r.checkId));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r.status !== 'ERROR')).toBe(true);
  });

  it('gives ERROR for the one user whose row is odd, and judges every other row as before', async () => {
    const rows = [
      ROOT_CSV_ROW,
      userCsvRow('alice', {
        password_enabled: 'true', password_last_used: '2026-11-20T00:00:00+00:00', password_last_changed: '2026-10-01T00:00:00+00:00', mfa_active: 'true',
        access_key_1_active: 'true', access_key_1_last_rotated: '2026-10-01T00:00:00+00:00', access_key_1_last_used_date: '2026-11-24T00:00:00+00:00',
      }),
      userCsvRow('bob'),
    ];
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
    iam.on(GetCredentialReportCommand).resolves({ Content: encode(credentialCsv(rows)), ReportFormat: 'text/csv' });
    const clean = await runScan();
    iam.on(GetCredentialReportCommand).resolves({
      Content: encode(credentialCsv([...rows, userCsvRow('mallory', { mfa_active: 'sometimes' })])),
      ReportFormat: 'text/csv',
    });
    const odd = await runScan();
    expect(odd.errors).toEqual([]);
    const errors = odd.results.filter((r) => r.status === 'ERROR');
    // Every check that looks at users has an ERROR for mallory, and only for mallory.
    expect(errors.map((r) => r.checkId).sort()).toEqual(reportChecks.filter((id) => id !== 'iam.root-recent-use'));
    for (const error of errors) {
      expect(error).toMatchObject({ resourceType: 'AWS::IAM::User', resourceId: 'mallory', resourceArn: 'arn:aws:iam::123456789012:user/mallory' });
      expect(error.evidence).toBe('mallory could not be evaluated: credential report row mallory: mfa_active is "sometimes", expected true or false');
    }
    const strip = (r: { checkId: string; resourceId: string; subResourceId?: string; status: string; evidence: string }) =>
      `${r.checkId} ${r.resourceId} ${r.subResourceId ?? ''} ${r.status} ${r.evidence}`;
    expect(odd.results.filter((r) => r.status !== 'ERROR').map(strip).sort()).toEqual(clean.results.map(strip).sort());
  });

  it('gives ERROR on the account for the root checks alone when the root row is odd', async () => {
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
    iam.on(GetCredentialReportCommand).resolves({
      Content: encode(credentialCsv([{ ...ROOT_CSV_ROW, password_last_used: 'last tuesday' }, userCsvRow('bob')])),
      ReportFormat: 'text/csv',
    });
    const report = await runScan();
    const errors = report.results.filter((r) => r.status === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ checkId: 'iam.root-recent-use', resourceType: 'AWS::::Account', resourceId: '123456789012', resourceArn: 'arn:aws:iam::123456789012:root' });
    expect(errors[0]?.evidence).toMatch(/password_last_used is "last tuesday"/);
    expect(report.results.filter((r) => r.resourceId === 'bob').length).toBeGreaterThan(0);
  });
});
