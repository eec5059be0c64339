import { describe, expect, it } from 'vitest';
import { imdsv2NotRequired } from './check.ts';
import { evaluate, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';
import { instance, REGION } from '../../../test/checks/ec2/fixtures.ts';

describe('ec2.imdsv2-not-required', () => {
  it('fails an instance that still answers IMDSv1, running or stopped', () => {
    const results = evaluate(
      imdsv2NotRequired,
      [
        [
          instance({ instanceId: 'i-0001', metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 } }),
          instance({ instanceId: 'i-0002', state: 'stopped', name: undefined, metadataOptions: { httpTokens: 'optional', httpEndpoint: 'enabled' } }),
        ],
      ],
      { region: REGION },
    );
    expect(results).toMatchObject([
      {
        status: 'FAIL',
        resourceType: 'AWS::EC2::Instance',
        resourceId: 'i-0001',
        resourceArn: `arn:aws:ec2:${REGION}:${TEST_ACCOUNT}:instance/i-0001`,
        evidence: 'i-0001 (web) accepts IMDSv1 (HttpTokens optional)',
        details: { httpTokens: 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1, state: 'running' },
      },
      { status: 'FAIL', resourceId: 'i-0002', evidence: 'i-0002 (stopped) accepts IMDSv1 (HttpTokens optional)' },
    ]);
  });

  it('passes IMDSv2-only instances and those with the metadata service off', () => {
    const results = evaluate(
      imdsv2NotRequired,
      [
        [
          instance({ instanceId: 'i-0001' }),
          instance({ instanceId: 'i-0002', metadataOptions: { httpTokens: 'optional', httpEndpoint: 'disabled' } }),
        ],
      ],
      { region: REGION, locale: 'ja' },
    );
    expect(results).toMatchObject([
      { status: 'PASS', evidence: 'i-0001 (web) は IMDSv2 が必須です' },
      { status: 'PASS', evidence: 'i-0002 (web) はメタデータサービスが無効です' },
    ]);
  });

  it('reports ERROR, not PASS, when the metadata options are missing', () => {
    const results = evaluate(imdsv2NotRequired, [[instance({ metadataOptions: undefined })]], { region: REGION });
    expect(results).toMatchObject([{ status: 'ERROR', details: { reason: 'DescribeInstances returned no MetadataOptions' } }]);
  });
});
