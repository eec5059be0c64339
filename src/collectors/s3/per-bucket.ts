// Builds a collector that makes one call per bucket, in the bucket's own region, after the bucket list.
// A failed call becomes that bucket's error outcome; the other buckets are unaffected.
import { S3Client } from '@aws-sdk/client-s3';
import { describeAwsError } from '../../aws/errors.ts';
import { defineCollector } from '../../engine/define.ts';
import type { Collector } from '../../engine/types.ts';
import { type NotConfigured, orNotConfigured, sendOptions } from '../sdk.ts';
import { bucketList } from './bucket-list.ts';
import { bucketProgress } from './progress.ts';
import type { Bucket, BucketOutcome } from './types.ts';

export interface BucketFetch {
  client: S3Client;
  bucket: Bucket & { region: string };
  options: { abortSignal?: AbortSignal };
}

export interface BucketCollectorSpec<T> {
  id: `s3.${string}`;
  actions: readonly string[];
  fetch(call: BucketFetch): Promise<T>;
  /** How S3 says the bucket has none of this configured (e.g. NoSuchBucketPolicy), and what that means. */
  notConfigured?: NotConfigured<T>;
}

export function defineBucketCollector<T>(spec: BucketCollectorSpec<T>): Collector<BucketOutcome<T>[]> {
  return defineCollector<BucketOutcome<T>[]>({
    id: spec.id,
    scope: 'global',
    actions: spec.actions,
    dependsOn: [bucketList],
    async collect(ctx) {
      const inventory = await ctx.get(bucketList);
      const progress = bucketProgress(inventory, (done, total, unit) => ctx.progress(done, total, unit));
      const options = sendOptions(ctx);
      // A bucket whose region is unknown needs no call: the tracker counts it done from the start.
      for (const bucket of inventory.buckets) if (bucket.region !== undefined) progress.start(bucket.name);
      return Promise.all(
        inventory.buckets.map(async (bucket): Promise<BucketOutcome<T>> => {
          const { region } = bucket;
          if (region === undefined) {
            return { bucket, outcome: { ok: false, error: `bucket region unknown (${bucket.regionError ?? 'no answer'})` } };
          }
          try {
            const client = ctx.session.client(S3Client, region);
            const read = () => spec.fetch({ client, bucket: { ...bucket, region }, options });
            const value = await (spec.notConfigured ? orNotConfigured(read, spec.notConfigured) : read());
            return { bucket, outcome: { ok: true, value } };
          } catch (err) {
            if (ctx.signal?.aborted) throw err;
            return { bucket, outcome: { ok: false, error: describeAwsError(err, ctx.settings.locale) } };
          } finally {
            progress.finish(bucket.name);
          }
        }),
      );
    },
  });
}
