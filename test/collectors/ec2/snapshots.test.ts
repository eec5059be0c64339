import { DescribeSnapshotsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { snapshots } from '../../../src/collectors/ec2/snapshots.ts';
import { servePages } from '../serve-pages.ts';
import { fileContext } from './context.ts';

const ec2 = mockClient(EC2Client);
const test = fileContext(ec2);

describe('snapshots collector', () => {
  it('lists every owned snapshot across pages and marks the ones anyone may restore', async () => {
    const publicCalls = servePages(ec2, DescribeSnapshotsCommand, [{ Snapshots: [{ SnapshotId: 'snap-2' }] }], {
      when: { OwnerIds: ['self'], RestorableByUserIds: ['all'] },
    });
    const ownedCalls = servePages(
      ec2,
      DescribeSnapshotsCommand,
      [
        { Snapshots: [{ SnapshotId: 'snap-1', VolumeId: 'vol-1', VolumeSize: 8, Encrypted: true }] },
        { Snapshots: [{ SnapshotId: 'snap-2', StartTime: new Date('2026-01-02T00:00:00Z') }] },
      ],
      { when: { OwnerIds: ['self'], RestorableByUserIds: undefined } },
    );

    const found = await snapshots.collect(test.ctx);

    expect(found.map((s) => [s.snapshotId, s.public])).toEqual([
      ['snap-1', false],
      ['snap-2', true],
    ]);
    expect(found[0]).toMatchObject({ volumeId: 'vol-1', volumeSizeGiB: 8, encrypted: true });
    expect(found[1]?.startTime).toBe('2026-01-02T00:00:00.000Z');
    expect(publicCalls).toHaveLength(1);
    expect(ownedCalls).toHaveLength(2);
  });
});
