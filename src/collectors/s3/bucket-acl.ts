// GetBucketAcl: the grants, flattened; the public check looks for the AllUsers / AuthenticatedUsers groups.
import { GetBucketAclCommand } from '@aws-sdk/client-s3';
import { S3_COMMAND_ACTIONS } from './actions.ts';
import { defineBucketCollector } from './per-bucket.ts';
import type { AclGrant, BucketAcl } from './types.ts';

export const bucketAcl = defineBucketCollector<BucketAcl>({
  id: 's3.bucket-acl',
  actions: [S3_COMMAND_ACTIONS.GetBucketAcl],
  async fetch({ client, bucket, options }) {
    const answer = await client.send(new GetBucketAclCommand({ Bucket: bucket.name }), options);
    const grants: AclGrant[] = (answer.Grants ?? []).map((grant) => ({
      granteeType: grant.Grantee?.Type ?? 'Unknown',
      ...(grant.Grantee?.URI ? { uri: grant.Grantee.URI } : {}),
      ...(grant.Grantee?.ID ? { id: grant.Grantee.ID } : {}),
      ...(grant.Grantee?.EmailAddress ? { email: grant.Grantee.EmailAddress } : {}),
      permission: grant.Permission ?? 'Unknown',
    }));
    return { ...(answer.Owner?.ID ? { ownerId: answer.Owner.ID } : {}), grants };
  },
});
