// Turns on all four Block Public Access settings of one bucket. That also neutralises a public bucket
// policy and public ACLs, which is why it fixes s3.bucket-public too without rewriting either.
// Undo restores the previous four settings, or deletes the configuration when there was none.
import { DeletePublicAccessBlockCommand, GetPublicAccessBlockCommand, PutPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import type { CheckResult } from '../../../src/engine/types.ts';
import { defineFix, type FixContext } from '../../../src/remediation/fix.ts';
import { fixWords } from '../../lib/words.ts';
import { type BpaHolder, bpaSteps } from '../lib/fix-bpa.ts';
import { bucketOf, hostsWebsite, requireBucket, s3Client } from '../lib/fix-client.ts';
import en from './bucket-public-access-block.words.en.json' with { type: 'json' };
import ja from './bucket-public-access-block.words.ja.json' with { type: 'json' };

/** The finding's bucket and its Block Public Access configuration, read and written in the bucket's region. */
function bucketConfiguration(finding: CheckResult, ctx: FixContext): BpaHolder {
  const bucket = requireBucket(finding, ctx);
  const client = s3Client(ctx, bucket);
  const target = { Bucket: bucket.name, ExpectedBucketOwner: bucket.owner };
  const named = { bucket: bucket.name };
  return {
    get: () => client.send(new GetPublicAccessBlockCommand(target)),
    put: (config) => client.send(new PutPublicAccessBlockCommand({ ...target, PublicAccessBlockConfiguration: config })),
    remove: () => client.send(new DeletePublicAccessBlockCommand(target)),
    alreadyOn: () => ctx.say('alreadyOn', named),
    plan: (off) => ctx.say('plan', { ...named, off }),
    undoDeletes: () => ctx.say('undoDeletes'),
    warnings: async () => [ctx.say('anonymousLoseAccess'), ...((await hostsWebsite(ctx, bucket)) ? [ctx.say('website', named)] : [])],
    applied: () => ctx.say('applied', named),
    alreadyAsBefore: () => ctx.say('alreadyAsBefore', named),
    restored: () => ctx.say('restored', named),
    reconciledApplied: () => ctx.say('reconciledApplied', named),
    reconciledNotApplied: () => ctx.say('reconciledNotApplied', named),
  };
}

export const bucketPublicAccessBlockFix = defineFix({
  id: 's3.block-bucket-public-access',
  checkIds: ['s3.bucket-public-access-block', 's3.bucket-public'],
  words: fixWords(en, ja),
  actions: {
    read: ['s3:GetBucketPublicAccessBlock', 's3:GetBucketWebsite'],
    write: ['s3:PutBucketPublicAccessBlock'],
  },
  supports: (finding) => bucketOf(finding) !== undefined,
  ...bpaSteps(bucketConfiguration),
});
