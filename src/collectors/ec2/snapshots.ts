// DescribeSnapshots, twice: every snapshot the account owns (so a private one gets its PASS and a snapshot
// made private shows as resolved), and those of them that anyone may restore (public).
import { EC2Client, paginateDescribeSnapshots } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../engine/define.ts';
import { nameTag, present, sendOptions } from './sdk.ts';

export interface EbsSnapshot {
  snapshotId: string;
  name?: string;
  volumeId?: string;
  volumeSizeGiB?: number;
  encrypted?: boolean;
  description?: string;
  startTime?: string;
  /** Anyone with an AWS account can create a volume from it. */
  public: boolean;
}

export const snapshots = defineCollector<EbsSnapshot[]>({
  id: 'ec2.snapshots',
  service: 'ec2',
  scope: 'regional',
  actions: ['ec2:DescribeSnapshots'],
  async collect(ctx) {
    const client = ctx.session.client(EC2Client, ctx.region);
    const publicIds = new Set<string>();
    const publicInput = { OwnerIds: ['self'], RestorableByUserIds: ['all'] };
    for await (const page of paginateDescribeSnapshots({ client, pageSize: 1000 }, publicInput, sendOptions(ctx))) {
      for (const s of page.Snapshots ?? []) publicIds.add(present(s.SnapshotId, 'a snapshot id'));
    }
    const owned: EbsSnapshot[] = [];
    for await (const page of paginateDescribeSnapshots({ client, pageSize: 1000 }, { OwnerIds: ['self'] }, sendOptions(ctx))) {
      for (const s of page.Snapshots ?? []) {
        const snapshotId = present(s.SnapshotId, 'a snapshot id');
        owned.push({
          snapshotId,
          name: nameTag(s.Tags),
          volumeId: s.VolumeId,
          volumeSizeGiB: s.VolumeSize,
          encrypted: s.Encrypted,
          description: s.Description,
          startTime: s.StartTime?.toISOString(),
          public: publicIds.has(snapshotId),
        });
      }
    }
    return owned;
  },
});
