import { describe, expect, it } from 'vitest';
import { accountPublicAccessBlock } from './check.ts';
import { evaluate, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';
import { ALL_ON, bpa, NONE } from '../../../test/checks/s3/fixtures.ts';

describe('s3.account-public-access-block', () => {
  it('fails when the account has no Block Public Access configuration', () => {
    const [result] = evaluate(accountPublicAccessBlock, [NONE]);
    expect(result).toMatchObject({
      status: 'FAIL',
      severity: 'high',
      region: 'global',
      resourceType: 'AWS::::Account',
      resourceId: TEST_ACCOUNT,
      details: { configured: false, settingsOff: ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] },
    });
    expect(result?.evidence).toContain('not configured');
  });

  it('fails naming the settings that are off', () => {
    const [result] = evaluate(accountPublicAccessBlock, [bpa({ BlockPublicAcls: true, BlockPublicPolicy: true })]);
    expect(result?.status).toBe('FAIL');
    expect(result?.evidence).toBe('Account-level Block Public Access has IgnorePublicAcls, RestrictPublicBuckets off');
    expect(result?.details.publicAccessBlock).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: false,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: false,
    });
  });

  it('passes when all four settings are on, in Japanese too', () => {
    const [result] = evaluate(accountPublicAccessBlock, [ALL_ON], { locale: 'ja' });
    expect(result?.status).toBe('PASS');
    expect(result?.evidence).toBe('アカウントレベルのブロックパブリックアクセスの 4 つの設定はすべて有効です');
  });
});
