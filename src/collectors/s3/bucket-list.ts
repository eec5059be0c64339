// ListBuckets once per account, then each bucket's region: BucketRegion when ListBuckets gives it,
// GetBucketLocation otherwise. Buckets outside the scan's regions are dropped here, before any per-bucket call.
import { GetBucketLocationCommand, paginateListBuckets, S3Client } from '@aws-sdk/client-s3';
import { describeAwsError } from '../../aws/errors.ts';
import { defineCollector } from '../../engine/define.ts';
import { focusedIds, sendOptions } from '../sdk.ts';
import { S3_COMMAND_ACTIONS } from './actions.ts';
import { bucketArn, regionFromLocation } from './location.ts';
import type { Bucket, BucketInventory } from './types.ts';

// Sending MaxBuckets makes ListBuckets paginate and include BucketRegion for each bucket.
const PAGE_SIZE = 10_000; // ListBuckets' largest page

export const bucketList = defineCollector<BucketInventory>({
  id: 's3.bucket-list',
  scope: 'global',
  usesRegions: true,
  actions: [S3_COMMAND_ACTIONS.ListBuckets, S3_COMMAND_ACTIONS.GetBucketLocation],
  async collect(ctx) {
    const home = ctx.session.homeRegion;
    const client = ctx.session.client(S3Client, home);
    const options = sendOptions(ctx);
    const listed: { name: string; region?: string }[] = [];
    for await (const page of paginateListBuckets({ client, pageSize: PAGE_SIZE }, {}, options)) {
      for (const bucket of page.Buckets ?? []) {
        if (bucket.Name) listed.push({ name: bucket.Name, ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}) });
      }
    }
    // An alert's re-read keeps only its bucket, before any per-bucket call (ListBuckets has no name filter).
    const focus = focusedIds(ctx, /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
    if (focus) listed.splice(0, listed.length, ...listed.filter((b) => focus.includes(b.name)));
    // Outside its home region GetBucketLocation ignores the bucket policy, so the home-region client answers for all.
    const buckets = await Promise.all(
      listed.map(async ({ name, region }): Promise<Bucket> => {
        if (region) return { name, arn: bucketArn(name, region), region };
        try {
          const answer = await client.send(new GetBucketLocationCommand({ Bucket: name }), options);
          const located = regionFromLocation(answer.LocationConstraint);
          return { name, arn: bucketArn(name, located), region: located };
        } catch (err) {
          if (ctx.signal?.aborted) throw err;
          return { name, arn: bucketArn(name, home), regionError: describeAwsError(err, ctx.settings.locale) };
        }
      }),
    );
    const wanted = ctx.regions.length > 0 ? new Set(ctx.regions) : undefined;
    // A bucket whose region is unknown stays: it may be in scope, and it must show up as ERROR, not vanish.
    const kept = wanted ? buckets.filter((b) => b.region === undefined || wanted.has(b.region)) : buckets;
    ctx.progress(0, kept.length, 'buckets');
    return { buckets: kept };
  },
});
