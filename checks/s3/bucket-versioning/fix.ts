// Turns on versioning for one bucket, so an overwrite or delete can be rolled back. S3 has no way back to
// "never versioned": undo suspends versioning, and the versions kept meanwhile remain.
import { GetBucketVersioningCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { defineFix, type FixContext, FixError } from '../../../src/remediation/fix.ts';
import { noChange, nothingToPreview, reconciled, writeAndVerify } from '../../../src/remediation/fix-steps.ts';
import { z } from 'zod';
import { type BucketRef, bucketOf, requireBucket, s3Client } from '../lib/fix-client.ts';
import { fixWords } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

const stateSchema = z.object({ status: z.enum(['Enabled', 'Suspended', 'Off']), mfaDelete: z.boolean() });
type VersioningState = z.infer<typeof stateSchema>;

async function readState(ctx: FixContext, bucket: BucketRef): Promise<VersioningState> {
  const answer = await s3Client(ctx, bucket).send(new GetBucketVersioningCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner }));
  // A bucket that never had versioning answers with no Status at all.
  const status = answer.Status === 'Enabled' || answer.Status === 'Suspended' ? answer.Status : 'Off';
  return { status, mfaDelete: answer.MFADelete === 'Enabled' };
}

async function setStatus(ctx: FixContext, bucket: BucketRef, status: 'Enabled' | 'Suspended') {
  return s3Client(ctx, bucket).send(
    new PutBucketVersioningCommand({ Bucket: bucket.name, ExpectedBucketOwner: bucket.owner, VersioningConfiguration: { Status: status } }),
  );
}

export const bucketVersioningFix = defineFix({
  id: 's3.enable-bucket-versioning',
  checkIds: ['s3.bucket-versioning'],
  words: fixWords(en, ja),
  actions: {
    read: ['s3:GetBucketVersioning'],
    write: ['s3:PutBucketVersioning'],
  },
  supports: (finding) => bucketOf(finding) !== undefined,

  async preview(finding, ctx) {
    const bucket = requireBucket(finding, ctx);
    const current = await readState(ctx, bucket);
    if (current.status === 'Enabled') return nothingToPreview(current, ctx.say('alreadyOn', { bucket: bucket.name }));
    const lines = [ctx.say('plan', { bucket: bucket.name, status: current.status }), ctx.say('undoPlan')];
    const warnings = [ctx.say('cost'), ...(current.mfaDelete ? [ctx.say('mfaDelete')] : [])];
    return { lines, warnings, current, alreadyFixed: false };
  },

  async apply(finding, _inputs, ctx) {
    const bucket = requireBucket(finding, ctx);
    const before = await readState(ctx, bucket);
    if (before.status === 'Enabled') return noChange(before, ctx.say('alreadyOn', { bucket: bucket.name }));
    return writeAndVerify(ctx, {
      status: 'applied',
      before,
      write: () => setStatus(ctx, bucket, 'Enabled'),
      read: () => readState(ctx, bucket),
      done: (now) => now.status === 'Enabled',
      message: ctx.say('applied', { bucket: bucket.name }),
    });
  },

  async undo(applied, ctx) {
    const before = stateSchema.safeParse(applied.before);
    if (!before.success || before.data.status === 'Enabled') {
      throw new FixError(ctx.localized('nothingToUndo'));
    }
    const bucket = requireBucket(applied.finding, ctx);
    const now = await readState(ctx, bucket);
    if (now.status !== 'Enabled') return noChange(now, ctx.say('alreadyOff', { bucket: bucket.name, status: now.status }));
    return writeAndVerify(ctx, {
      status: 'undone',
      before: now,
      write: () => setStatus(ctx, bucket, 'Suspended'),
      read: () => readState(ctx, bucket),
      done: (state) => state.status === 'Suspended',
      message: ctx.say('undone', { bucket: bucket.name, before: before.data.status }),
    });
  },

  async reconcile(finding, _inputs, ctx) {
    const bucket = requireBucket(finding, ctx);
    const current = await readState(ctx, bucket);
    return reconciled(current.status === 'Enabled', current, {
      applied: ctx.say('reconciledApplied', { bucket: bucket.name }),
      notApplied: ctx.say('reconciledNotApplied', { bucket: bucket.name, status: current.status }),
    });
  },
});
