// GetBucketVersioning: versioning and MFA delete, shared by both checks that need it.
import { GetBucketVersioningCommand } from '@aws-sdk/client-s3';
import { S3_COMMAND_ACTIONS } from './actions.ts';
import { defineBucketCollector } from './per-bucket.ts';
import type { BucketVersioning } from './types.ts';

export const bucketVersioning = defineBucketCollector<BucketVersioning>({
  id: 's3.bucket-versioning',
  actions: [S3_COMMAND_ACTIONS.GetBucketVersioning],
  async fetch({ client, bucket, options }) {
    const answer = await client.send(new GetBucketVersioningCommand({ Bucket: bucket.name }), options);
    // A bucket that never had versioning answers with no Status at all.
    const status = answer.Status === 'Enabled' || answer.Status === 'Suspended' ? answer.Status : 'Off';
    return { status, mfaDelete: answer.MFADelete === 'Enabled' };
  },
});
