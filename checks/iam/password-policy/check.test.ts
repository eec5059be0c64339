import { describe, expect, it } from 'vitest';
import { passwordPolicyCheck } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';

describe('iam.password-policy', () => {
  it('fails when the account has no password policy, and records that there was none', () => {
    expect(evaluate(passwordPolicyCheck, [null])).toMatchObject([
      {
        status: 'FAIL',
        resourceType: 'AWS::::Account',
        resourceId: '123456789012',
        evidence: 'Password policy: no account password policy is set',
        details: { policy: null, required: { minimumPasswordLength: 14, passwordReusePrevention: 24 } },
      },
    ]);
  });

  it('names every shortfall and keeps the whole current policy for a restore', () => {
    const policy = { MinimumPasswordLength: 8, RequireSymbols: true, MaxPasswordAge: 90, ExpirePasswords: true };
    expect(evaluate(passwordPolicyCheck, [policy])).toMatchObject([
      {
        status: 'FAIL',
        evidence: 'Password policy: minimum password length is 8 (needs 14 or more); password reuse is not prevented (needs 24)',
        details: { policy },
      },
    ]);
  });

  it('fails reuse prevention below 24 even with a long minimum length', () => {
    const [result] = evaluate(passwordPolicyCheck, [{ MinimumPasswordLength: 16, PasswordReusePrevention: 5 }], { locale: 'ja' });
    expect(result).toMatchObject({
      status: 'FAIL',
      evidence: 'パスワードポリシー: 再利用を禁止しているのは過去 5 個のパスワードのみです (24 が必要)',
    });
  });

  it('passes exactly 14 characters and 24 remembered passwords', () => {
    expect(evaluate(passwordPolicyCheck, [{ MinimumPasswordLength: 14, PasswordReusePrevention: 24 }])).toMatchObject([
      { status: 'PASS', evidence: 'Password policy requires 14 characters and blocks reuse of the last 24 passwords' },
    ]);
  });
});
