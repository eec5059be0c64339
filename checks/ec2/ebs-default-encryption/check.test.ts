import { describe, expect, it } from 'vitest';
import { ebsDefaultEncryption } from './check.ts';
import { evaluate, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';
import { REGION } from '../../../test/checks/ec2/fixtures.ts';

describe('ec2.ebs-default-encryption', () => {
  it('gives one result for the region', () => {
    expect(evaluate(ebsDefaultEncryption, [{ enabled: false }], { region: REGION })).toMatchObject([
      { status: 'FAIL', region: REGION, resourceId: TEST_ACCOUNT, evidence: `EBS encryption by default is off in ${REGION}` },
    ]);
    expect(evaluate(ebsDefaultEncryption, [{ enabled: true }], { region: REGION, locale: 'ja' })).toMatchObject([
      { status: 'PASS', evidence: `${REGION} では EBS のデフォルト暗号化が有効です` },
    ]);
  });
});
