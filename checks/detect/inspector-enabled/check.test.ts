import { describe, expect, it } from 'vitest';
import { inspectorEnabled } from './check.ts';
import { evaluate, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';

const region = { region: 'ap-northeast-1' };

describe('detect.inspector-enabled', () => {
  it('passes when EC2 scanning is enabled', () => {
    const results = evaluate(inspectorEnabled, [{ available: true, accountStatus: 'ENABLED', ec2Status: 'ENABLED' }], region);
    expect(results).toMatchObject([
      {
        status: 'PASS',
        resourceType: 'AWS::::Account',
        resourceId: `${TEST_ACCOUNT}/ap-northeast-1`,
        region: 'ap-northeast-1',
        evidence: 'Amazon Inspector EC2 scanning is enabled in ap-northeast-1',
        details: { ec2Status: 'ENABLED', accountStatus: 'ENABLED' },
      },
    ]);
  });

  it.each(['DISABLED', 'ENABLING', 'SUSPENDED'])('fails when EC2 scanning is %s', (status) => {
    const results = evaluate(inspectorEnabled, [{ available: true, accountStatus: 'ENABLED', ec2Status: status }], region);
    expect(results).toMatchObject([
      { status: 'FAIL', evidence: `Amazon Inspector EC2 scanning is not enabled in ap-northeast-1 (status ${status})` },
    ]);
  });

  it('keeps Inspector\'s own error code in the details and speaks Japanese', () => {
    const results = evaluate(
      inspectorEnabled,
      [{ available: true, ec2Status: 'DISABLED', ec2ErrorCode: 'SSM_UNAVAILABLE' }],
      { ...region, locale: 'ja' },
    );
    expect(results).toMatchObject([
      {
        status: 'FAIL',
        evidence: 'ap-northeast-1 の Amazon Inspector の EC2 スキャンは有効になっていません (ステータス DISABLED)',
        details: { ec2ErrorCode: 'SSM_UNAVAILABLE', accountStatus: null },
      },
    ]);
  });

  it('says nothing where Inspector is not available (the collector left a note)', () => {
    expect(evaluate(inspectorEnabled, [{ available: false, reason: 'it has no endpoint in ap-northeast-1' }], region)).toEqual([]);
  });
});
