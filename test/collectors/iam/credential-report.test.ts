import { GenerateCredentialReportCommand, GetCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createCredentialReportCollector, parseCredentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { collectContext } from './context.ts';
import { CREDENTIAL_REPORT_COLUMNS } from '../../fake-aws/credential-report.ts';
import { credentialCsv, DEFAULT_CSV, ROOT_CSV_ROW, userCsvRow } from './credential-report-csv.ts';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

const encode = (text: string) => new TextEncoder().encode(text);

describe('parseCredentialReport', () => {
  it('types every column and keeps the root row apart from the users', () => {
    const report = parseCredentialReport(
      credentialCsv([
        ROOT_CSV_ROW,
        userCsvRow('alice', {
          password_enabled: 'true', password_last_used: 'no_information', password_last_changed: '2025-01-10T09:00:00+00:00', mfa_active: 'true',
          access_key_1_active: 'true', access_key_1_last_rotated: '2025-02-01T00:00:00+00:00', access_key_1_last_used_date: '2026-11-01T10:00:00+00:00',
          access_key_1_last_used_region: 'ap-northeast-1', access_key_1_last_used_service: 'ec2',
          access_key_2_active: 'false', access_key_2_last_rotated: '2025-03-01T00:00:00+00:00',
        }),
        userCsvRow('old-timer', { user_creation_time: '2013-06-01T00:00:00+00:00', password_enabled: 'true', password_last_used: 'no_information', password_last_changed: '2013-06-01T00:00:00+00:00' }),
        userCsvRow('robot'),
      ]),
    );
    expect(report.root).toMatchObject({
      user: '<root_account>',
      isRoot: true,
      passwordEnabled: 'not_supported',
      passwordLastUsed: new Date('2026-11-20T08:30:00Z'),
      passwordLastChanged: 'not_supported',
      mfaActive: true,
    });
    expect(report.users.map((u) => u.user)).toEqual(['alice', 'old-timer', 'robot']);
    const [alice, oldTimer, robot] = report.users;
    // Created after IAM began tracking sign-ins, so "no information" can only mean never used.
    expect(alice?.passwordLastUsed).toBe('never');
    expect(oldTimer?.passwordLastUsed).toBe('no_information');
    expect(alice?.accessKeys).toEqual([
      { slot: 'access_key_1', active: true, lastRotated: new Date('2025-02-01T00:00:00Z'), lastUsedDate: new Date('2026-11-01T10:00:00Z'), lastUsedRegion: 'ap-northeast-1', lastUsedService: 'ec2' },
      { slot: 'access_key_2', active: false, lastRotated: new Date('2025-03-01T00:00:00Z'), lastUsedDate: undefined, lastUsedRegion: undefined, lastUsedService: undefined },
    ]);
    expect(robot).toMatchObject({ passwordEnabled: false, passwordLastUsed: undefined, passwordLastChanged: undefined, mfaActive: false, isRoot: false });
    expect(robot?.userCreationTime).toEqual(new Date('2025-01-10T09:00:00Z'));
  });

  it('rejects a report without a required column, naming it', () => {
    const columns = CREDENTIAL_REPORT_COLUMNS.filter((c) => c !== 'mfa_active');
    expect(() => parseCredentialReport(credentialCsv([ROOT_CSV_ROW], columns))).toThrow(/missing column\(s\) mfa_active/);
  });

  it('keeps a row with a bad date apart, naming the row and column, and reads the other rows', () => {
    const csv = credentialCsv([ROOT_CSV_ROW, userCsvRow('alice', { access_key_1_last_rotated: 'yesterday' }), userCsvRow('bob')]);
    const report = parseCredentialReport(csv);
    expect(report.users.map((u) => u.user)).toEqual(['bob']);
    expect(report.unreadableUsers).toEqual([
      {
        resourceType: 'AWS::IAM::User',
        resourceId: 'alice',
        resourceArn: 'arn:aws:iam::123456789012:user/alice',
        reason: expect.stringMatching(/row alice: access_key_1_last_rotated is "yesterday", expected an ISO 8601 date/),
      },
    ]);
    expect(report.root).toMatchObject({ isRoot: true });
  });

  it('keeps not_supported in a flag and a non-boolean flag to their own rows', () => {
    const report = parseCredentialReport(
      credentialCsv([ROOT_CSV_ROW, userCsvRow('a', { password_enabled: 'not_supported' }), userCsvRow('b', { mfa_active: 'yes' }), userCsvRow('c')]),
    );
    expect(report.users.map((u) => u.user)).toEqual(['c']);
    expect(report.unreadableUsers.map((u) => [u.resourceId, u.reason])).toEqual([
      ['a', expect.stringMatching(/password_enabled is "not_supported", expected true or false/)],
      ['b', expect.stringMatching(/mfa_active is "yes", expected true or false/)],
    ]);
  });

  it('names a row without a user name by its line, and keeps an unreadable root row for the root checks', () => {
    const report = parseCredentialReport(credentialCsv([{ ...ROOT_CSV_ROW, mfa_active: 'maybe' }, userCsvRow('alice'), userCsvRow('', { arn: 'N/A' })]));
    expect(report.root).toMatchObject({ resourceType: 'AWS::::Account', resourceId: '<root_account>', reason: expect.stringMatching(/mfa_active is "maybe"/) });
    expect(report.users.map((u) => u.user)).toEqual(['alice']);
    expect(report.unreadableUsers).toEqual([
      { resourceType: 'AWS::IAM::User', resourceId: '(credential report line 4, no user name)', reason: expect.stringMatching(/user is "", expected a value/) },
    ]);
  });

  it.each(['N/A', 'no_information', 'not_supported'])('understands %s in every date column but the creation time', (marker) => {
    const dates = {
      password_last_used: marker, password_last_changed: marker, password_next_rotation: marker,
      access_key_1_last_rotated: marker, access_key_1_last_used_date: marker, access_key_2_last_rotated: marker,
      access_key_2_last_used_date: marker, cert_1_last_rotated: marker, cert_2_last_rotated: marker,
    };
    const report = parseCredentialReport(credentialCsv([{ ...ROOT_CSV_ROW, ...dates }, userCsvRow('alice', { password_enabled: 'true', ...dates })]));
    expect(report.unreadableUsers).toEqual([]);
    const [alice] = report.users;
    expect(alice?.accessKeys.map((k) => [k.lastRotated, k.lastUsedDate])).toEqual([[undefined, undefined], [undefined, undefined]]);
    expect(alice?.passwordLastChanged).toBe(marker === 'not_supported' ? 'not_supported' : undefined);
    expect(alice?.passwordLastUsed).toBe(marker === 'no_information' ? 'never' : undefined);
    expect(report.root).toMatchObject({ isRoot: true });
  });

  it('rejects ragged CSV and a report without the root row', () => {
    expect(() => parseCredentialReport(`${DEFAULT_CSV}extra,cells\n`)).toThrow(/not the expected CSV/);
    expect(() => parseCredentialReport(credentialCsv([userCsvRow('alice')]))).toThrow(/0 <root_account> rows/);
  });
});

describe('credentialReport collector', () => {
  it('polls GenerateCredentialReport with backoff until COMPLETE, then reads the report once', async () => {
    iam
      .on(GenerateCredentialReportCommand)
      .resolvesOnce({ State: 'STARTED' })
      .resolvesOnce({ State: 'INPROGRESS' })
      .resolves({ State: 'COMPLETE' });
    iam.on(GetCredentialReportCommand).resolves({ Content: encode(DEFAULT_CSV), ReportFormat: 'text/csv', GeneratedTime: new Date('2026-11-24T23:00:00Z') });
    const waits: number[] = [];
    const collector = createCredentialReportCollector({ pollDelaysMs: [10, 20, 40], sleep: async (ms) => void waits.push(ms) });

    const report = await collector.collect(collectContext());

    expect(waits).toEqual([10, 20]);
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(3);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(1);
    expect(report.generatedAt).toEqual(new Date('2026-11-24T23:00:00Z'));
    expect(report.users.map((u) => u.user)).toEqual(['alice']);
  });

  it('gives up after the last wait with an error that says why', async () => {
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'INPROGRESS' });
    const collector = createCredentialReportCollector({ pollDelaysMs: [1000, 2000], sleep: async () => undefined });
    await expect(collector.collect(collectContext())).rejects.toThrow('the credential report was still INPROGRESS after 3 s');
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(3);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(0);
  });

  it('stops waiting when the scan is cancelled', async () => {
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'STARTED' });
    const controller = new AbortController();
    controller.abort();
    const collector = createCredentialReportCollector({ pollDelaysMs: [60_000] });
    await expect(collector.collect(collectContext({ signal: controller.signal }))).rejects.toThrow(/abort/i);
  });

  it('rejects a report that is not UTF-8 CSV text', async () => {
    iam.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
    iam.on(GetCredentialReportCommand).resolves({ Content: new Uint8Array([0xff, 0xfe, 0x00]) });
    await expect(createCredentialReportCollector().collect(collectContext())).rejects.toThrow(/utf-8/i);
  });

  it('declares the IAM actions it calls', () => {
    expect(createCredentialReportCollector().actions).toEqual(['iam:GenerateCredentialReport', 'iam:GetCredentialReport']);
  });
});
