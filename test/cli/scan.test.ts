import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAwscheck } from '../helpers/cli.ts';

const sts = mockClient(STSClient);
const iam = mockClient(IAMClient);

beforeEach(() => {
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
  iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 } });
});
afterEach(() => {
  sts.reset();
  iam.reset();
});

describe('awscheck scan', () => {
  it('prints the awscheck.scan/v1 JSON document', async () => {
    const run = await runAwscheck(['scan', '--check', 'iam.root-mfa', '--format', 'json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(['schema', 'startedAt', 'finishedAt', 'accounts', 'regions', 'results', 'errors']),
    );
    expect(doc.schema).toBe('awscheck.scan/v1');
    expect(doc.accounts).toEqual([{ accountId: '111122223333', name: '111122223333' }]);
    expect(doc.results).toEqual([
      expect.objectContaining({
        checkId: 'iam.root-mfa',
        status: 'FAIL',
        severity: 'critical',
        accountId: '111122223333',
        region: 'global',
        resourceType: 'AWS::::Account',
        resourceId: '111122223333',
        resourceArn: 'arn:aws:iam::111122223333:root',
        evidence: 'Root user has no MFA device',
        details: expect.any(Object),
      }),
    ]);
    // The document keeps its shape: results carry their worded evidence, not the messages behind it.
    expect(doc.results[0]).not.toHaveProperty('message');
  });

  it('exits 1 when a finding is at or above --fail-on, 0 when below', async () => {
    expect((await runAwscheck(['scan', '--check', 'iam.root-mfa', '--fail-on', 'critical', '--format', 'json'])).code).toBe(1);
    iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } });
    expect((await runAwscheck(['scan', '--check', 'iam.root-mfa', '--fail-on', 'low', '--format', 'json'])).code).toBe(0);
  });

  it('treats an ERROR at or above --fail-on as failing: CI must not pass on what it could not see', async () => {
    iam.on(GetAccountSummaryCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDenied' }));
    const run = await runAwscheck(['scan', '--check', 'iam.root-mfa', '--fail-on', 'high', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).results[0].status).toBe('ERROR');
  });

  it('groups failing findings by severity in the table, errors first', async () => {
    const run = await runAwscheck(['scan', '--check', 'iam.root-mfa']);
    expect(run.stdout).toContain('[CRITICAL]');
    expect(run.stdout).toContain('iam.root-mfa');
  });

  it('exits 2 on usage and configuration errors, with the message', async () => {
    const badFlag = await runAwscheck(['scan', '--format', 'xml']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain("'xml' is invalid");
    const badCheck = await runAwscheck(['scan', '--check', 'iam.no-such-check']);
    expect(badCheck.code).toBe(2);
    expect(badCheck.stderr).toContain('unknown check id "iam.no-such-check"');
    const badEnv = await runAwscheck(['scan'], { AWSCHECK_LOCALE: 'de' });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toContain('AWSCHECK_LOCALE');
  });

  it('exits 3 when the scan cannot run at all (no credentials)', async () => {
    sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('Could not load credentials'), { name: 'CredentialsProviderError' }));
    const run = await runAwscheck(['scan', '--format', 'json']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/could not run: Cannot identify the AWS account: CredentialsProviderError/);
    expect(run.stdout).toBe('');
  });
});

describe('awscheck checks', () => {
  it('lists the catalogue with id, severity, CIS, Security Hub and title, in Japanese on request', async () => {
    const run = await runAwscheck(['checks', '--locale', 'ja']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^iam\.root-mfa\t重大\t1\.5\tIAM\.9\t/m);
  });

  it('follows AWSCHECK_LOCALE, and names a bad value instead of falling back to English', async () => {
    const ja = await runAwscheck(['checks'], { AWSCHECK_LOCALE: 'ja' });
    expect(ja.stdout).toMatch(/^iam\.root-mfa\t重大/m);
    const bad = await runAwscheck(['checks'], { AWSCHECK_LOCALE: 'fr' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('AWSCHECK_LOCALE');
  });
});
