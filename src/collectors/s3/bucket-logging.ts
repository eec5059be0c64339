// GetBucketLogging: where server access logs go, if anywhere.
import { GetBucketLoggingCommand } from '@aws-sdk/client-s3';
import { S3_COMMAND_ACTIONS } from './actions.ts';
import { defineBucketCollector } from './per-bucket.ts';
import type { BucketLogging } from './types.ts';

export const bucketLogging = defineBucketCollector<BucketLogging>({
  id: 's3.bucket-logging',
  actions: [S3_COMMAND_ACTIONS.GetBucketLogging],
  async fetch({ client, bucket, options }) {
    const answer = await client.send(new GetBucketLoggingCommand({ Bucket: bucket.name }), options);
    const target = answer.LoggingEnabled;
    if (!target?.TargetBucket) return { enabled: false };
    return { enabled: true, targetBucket: target.TargetBucket, targetPrefix: target.TargetPrefix ?? '' };
  },
});
