import { describe, expect, it } from 'vitest';
import { ebsSnapshotPublic } from './check.ts';
import { evaluate, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';
import { REGION } from '../../../test/checks/ec2/fixtures.ts';

describe('ec2.ebs-snapshot-public', () => {
  it('fails public snapshots and passes private ones, one result each', () => {
    const results = evaluate(
      ebsSnapshotPublic,
      [
        [
          { snapshotId: 'snap-1', volumeId: 'vol-1', volumeSizeGiB: 8, encrypted: false, public: true },
          { snapshotId: 'snap-2', public: false },
        ],
      ],
      { region: REGION },
    );
    expect(results).toMatchObject([
      {
        status: 'FAIL',
        resourceType: 'AWS::EC2::Snapshot',
        resourceId: 'snap-1',
        resourceArn: `arn:aws:ec2:${REGION}:${TEST_ACCOUNT}:snapshot/snap-1`,
        evidence: 'snap-1 (vol-1, 8 GiB) is public: any AWS account can create a volume from it',
        details: { public: true, encrypted: false },
      },
      { status: 'PASS', resourceId: 'snap-2', evidence: 'snap-2 is not public' },
    ]);
  });
});
