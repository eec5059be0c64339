import { type EbsSnapshot, snapshots } from '../../../src/collectors/ec2/snapshots.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { regionalArn } from '../lib/arn.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

function snapshotLabel(s: EbsSnapshot): string {
  const notes = [s.name, s.volumeId, s.volumeSizeGiB !== undefined ? `${s.volumeSizeGiB} GiB` : undefined].filter(Boolean);
  return notes.length > 0 ? `${s.snapshotId} (${notes.join(', ')})` : s.snapshotId;
}

export const ebsSnapshotPublic = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [snapshots],
  evaluate([owned], ctx) {
    return owned.map(
      (s): ResultDraft => ({
        status: s.public ? 'FAIL' : 'PASS',
        region: ctx.region,
        resourceType: 'AWS::EC2::Snapshot',
        resourceId: s.snapshotId,
        resourceArn: regionalArn(ctx, 'ec2', `snapshot/${s.snapshotId}`),
        evidence: s.public ? ctx.say('public', { snapshot: snapshotLabel(s) }) : ctx.say('private', { snapshot: snapshotLabel(s) }),
        details: {
          snapshotId: s.snapshotId,
          name: s.name,
          volumeId: s.volumeId,
          volumeSizeGiB: s.volumeSizeGiB,
          encrypted: s.encrypted,
          description: s.description,
          startTime: s.startTime,
          public: s.public,
        },
      }),
    );
  },
});
