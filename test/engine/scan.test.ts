import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { rootMfa } from '../../checks/iam/root-mfa/check.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { scan } from '../../src/engine/scan.ts';
import { evidenceIn } from '../../src/i18n/message.ts';

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

  it('words its own results as messages: a scan in English reads in Japanese, and a check without words is ERROR', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
    iam.on(GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } });
    const unworded = {
      ...rootMfa,
      id: 'iam.root-mfa-unworded',
      evaluate: () => [{ status: 'PASS' as const, region: 'global', resourceType: 'AWS::::Account', resourceId: 'x', evidence: { key: 'iam.root-mfa-unworded:evidence.nothing' }, details: {} }],
    };
    const thrower = { ...rootMfa, id: 'iam.root-mfa-throws', evaluate: () => { throw new Error('boom'); } };
    const report = await scan({}, { settings: defaultSettings(), checks: [rootMfa, unworded, thrower] });
    const byId = new Map(report.results.map((r) => [r.checkId, r]));
    expect(byId.get('iam.root-mfa')).toMatchObject({ status: 'PASS', evidence: 'Root user has MFA enabled' });
    expect(evidenceIn('ja', byId.get('iam.root-mfa')!)).toBe('ルートユーザーの MFA は有効です');
    expect(byId.get('iam.root-mfa-unworded')).toMatchObject({ status: 'ERROR', evidence: expect.stringContaining('no en words for iam.root-mfa-unworded:evidence.nothing') });
    expect(byId.get('iam.root-mfa-throws')).toMatchObject({ status: 'ERROR', evidence: 'Could not be evaluated: unexpected data: boom' });
    expect(evidenceIn('ja', byId.get('iam.root-mfa-throws')!)).toBe('評価できませんでした: 想定外のデータ: boom');
  });
});
