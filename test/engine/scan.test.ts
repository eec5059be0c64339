import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { rootMfa } from '../../checks/iam/root-mfa/check.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { scan } from '../../src/engine/scan.ts';

const sts = mockClient(STSClient);
const iam = mockClient(IAMClient);
afterEach(() => {
  sts.reset();
  iam.reset();
});

describe('scan', () => {
  it('runs a global check for the caller account', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
    iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 0 } });
    const report = await scan({}, { settings: defaultSettings(), checks: [rootMfa] });
    expect(report.accounts).toEqual([{ accountId: '111122223333', name: '111122223333' }]);
    expect(report.results).toMatchObject([{ checkId: 'iam.root-mfa', status: 'FAIL', accountId: '111122223333', region: 'global' }]);
  });

  it('turns a collector failure into ERROR, never PASS', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
    iam.on(GetAccountSummaryCommand).rejects(Object.assign(new Error('not authorized to perform iam:GetAccountSummary'), { name: 'AccessDenied' }));
    const report = await scan({}, { settings: defaultSettings(), checks: [rootMfa] });
    expect(report.results).toMatchObject([{ status: 'ERROR' }]);
    expect(report.results[0]?.evidence).toContain('AccessDenied');
    expect(report.errors).toHaveLength(1);
  });
});
