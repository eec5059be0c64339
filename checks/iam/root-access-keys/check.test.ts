import { describe, expect, it } from 'vitest';
import { rootAccessKeys } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';

const summary = (accountAccessKeysPresent: boolean) => ({ accountMfaEnabled: true, accountAccessKeysPresent, raw: {} });

describe('iam.root-access-keys', () => {
  it('fails when root has access keys and passes when it has none', () => {
    expect(evaluate(rootAccessKeys, [summary(true)])).toMatchObject([
      { status: 'FAIL', resourceType: 'AWS::::Account', resourceArn: 'arn:aws:iam::123456789012:root', evidence: 'Root user has at least one access key' },
    ]);
    expect(evaluate(rootAccessKeys, [summary(false)], { locale: 'ja' })).toMatchObject([{ status: 'PASS', evidence: 'ルートユーザーにアクセスキーはありません' }]);
  });
});
