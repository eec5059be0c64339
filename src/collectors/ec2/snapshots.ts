// DescribeSnapshots, twice: every snapshot the account owns (so a private one gets its PASS and a snapshot
// made private shows as resolved), and those of them that anyone may restore (public).
import { EC2Client, paginateDescribeSnapshots } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../engine/define.ts';
import { collectPages, focusedIds, regionalPaging, sendOptions } from '../sdk.ts';
import { nameTag, present } from './sdk.ts';

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
  scope: 'regional',
  actions: ['ec2:DescribeSnapshots'],
  async collect(ctx) {
    const paging = regionalPaging(ctx, EC2Client, 1000);
    // An alert's re-read asks for its snapshot only (a filter, so a deleted one is just absent).
    const focus = focusedIds(ctx, /^snap-/);
    const only = focus ? { Filters: [{ Name: 'snapshot-id', Values: focus }] } : {};
    const publicInput = { OwnerIds: ['self'], RestorableByUserIds: ['all'], ...only };
    const publicPages = paginateDescribeSnapshots(paging, publicInput, sendOptions(ctx));
    const publicIds = new Set(await collectPages(publicPages, (page) => page.Snapshots, (s) => present(s.SnapshotId, 'a snapshot id')));
    const ownedPages = paginateDescribeSnapshots(paging, { OwnerIds: ['self'], ...only }, sendOptions(ctx));
    return collectPages(
      ownedPages,
      (page) => page.Snapshots,
      (s): EbsSnapshot => {
        const snapshotId = present(s.SnapshotId, 'a snapshot id');
        return {
          snapshotId,
          name: nameTag(s.Tags),
          volumeId: s.VolumeId,
          volumeSizeGiB: s.VolumeSize,
          encrypted: s.Encrypted,
          description: s.Description,
          startTime: s.StartTime?.toISOString(),
          public: publicIds.has(snapshotId),
        };
      },
    );
  },
});
