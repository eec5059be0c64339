// S3 and S3 Control. Per-bucket calls must reach the bucket's own region: elsewhere S3 answers 301
// PermanentRedirect (with x-amz-bucket-region), as AWS does, so a collector calling from the wrong region
// shows up as errors, not as quietly correct data.
import type {
  GetBucketAclCommandOutput,
  GetBucketLocationCommandInput,
  GetBucketLocationCommandOutput,
  GetBucketLoggingCommandOutput,
  GetBucketOwnershipControlsCommandOutput,
  GetBucketPolicyCommandOutput,
  GetBucketPolicyStatusCommandOutput,
  GetBucketVersioningCommandOutput,
  GetPublicAccessBlockCommandOutput,
  Grant,
  ListBucketsCommandInput,
  ListBucketsCommandOutput,
} from '@aws-sdk/client-s3';
import type {
  GetPublicAccessBlockCommandInput as ControlBpaInput,
  GetPublicAccessBlockCommandOutput as ControlBpaOutput,
} from '@aws-sdk/client-s3-control';
import { FakeAwsError } from '../errors.ts';
import { paginate } from '../pages.ts';
import type { Bucket, PolicyDoc, World } from '../world.ts';
import { type CallContext, type Handler, op } from './types.ts';

const OWNER = { ID: 'c0ffee0000000000000000000000000000000000000000000000000000000000', DisplayName: 'owner' };

/** The bucket named in the input, answered only from its own region. */
function bucketFor(input: { Bucket?: string | undefined }, { world, region }: CallContext): Bucket {
  const bucket = world.buckets.find((b) => b.name === input.Bucket);
  if (!bucket) throw new FakeAwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
  if (bucket.region !== region) {
    throw new FakeAwsError('PermanentRedirect', 'The bucket you are attempting to access must be addressed using the specified endpoint.', 301, {
      'x-amz-bucket-region': bucket.region,
    });
  }
  return bucket;
}

/**
 * A coarse stand-in for S3's policy evaluation: an Allow to everyone without conditions is public.
 * Enough for a fake world whose policies are either plainly public or plainly scoped.
 */
export function policyIsPublic(policy: PolicyDoc): boolean {
  const everyone = (principal: unknown): boolean => {
    if (principal === '*') return true;
    const aws = typeof principal === 'object' && principal !== null ? (principal as { AWS?: unknown }).AWS : undefined;
    return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
  };
  return policy.Statement.some((s) => s.Effect === 'Allow' && everyone(s.Principal) && s.Condition === undefined);
}

function grants(bucket: Bucket): Grant[] {
  return [
    { Grantee: { Type: 'CanonicalUser', ID: OWNER.ID, DisplayName: OWNER.DisplayName }, Permission: 'FULL_CONTROL' },
    ...bucket.aclGrants.map(
      (g): Grant => ({
        Grantee: g.grantee.type === 'Group' ? { Type: 'Group', URI: g.grantee.uri } : { Type: 'CanonicalUser', ID: g.grantee.id },
        Permission: g.permission,
      }),
    ),
  ];
}

const noPolicy = () => new FakeAwsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);

export const s3Handlers: Record<string, Handler> = {
  ListBuckets: op<ListBucketsCommandInput, ListBucketsCommandOutput>((input, { world }) => {
    const page = paginate('S3:ListBuckets', world.buckets, input.MaxBuckets, input.ContinuationToken);
    // BucketRegion comes back only when the request has a parameter (MaxBuckets, a token, a prefix…).
    const withRegion = input.MaxBuckets !== undefined || input.ContinuationToken !== undefined || input.Prefix !== undefined;
    return {
      Buckets: page.items.map((b) => ({ Name: b.name, CreationDate: b.createdAt, ...(withRegion ? { BucketRegion: b.region } : {}) })),
      Owner: OWNER,
      ...(page.next ? { ContinuationToken: page.next } : {}),
    };
  }),

  // Answers from any region, which is why a collector may call it through its home-region client.
  GetBucketLocation: op<GetBucketLocationCommandInput, GetBucketLocationCommandOutput>((input, { world }) => {
    const bucket = world.buckets.find((b) => b.name === input.Bucket);
    if (!bucket) throw new FakeAwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
    return bucket.region === 'us-east-1' ? {} : { LocationConstraint: bucket.region as never };
  }),

  GetPublicAccessBlock: op<{ Bucket?: string }, GetPublicAccessBlockCommandOutput>((input, ctx) => {
    const bucket = bucketFor(input, ctx);
    if (!bucket.publicAccessBlock) {
      throw new FakeAwsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404);
    }
    return { PublicAccessBlockConfiguration: { ...bucket.publicAccessBlock } };
  }),

  GetBucketPolicyStatus: op<{ Bucket?: string }, GetBucketPolicyStatusCommandOutput>((input, ctx) => {
    const bucket = bucketFor(input, ctx);
    if (!bucket.policy) throw noPolicy();
    return { PolicyStatus: { IsPublic: policyIsPublic(bucket.policy) } };
  }),

  GetBucketAcl: op<{ Bucket?: string }, GetBucketAclCommandOutput>((input, ctx) => {
    const bucket = bucketFor(input, ctx);
    return { Owner: OWNER, Grants: grants(bucket) };
  }),

  GetBucketPolicy: op<{ Bucket?: string }, GetBucketPolicyCommandOutput>((input, ctx) => {
    const bucket = bucketFor(input, ctx);
    if (!bucket.policy) throw noPolicy();
    return { Policy: JSON.stringify(bucket.policy) };
  }),

  GetBucketVersioning: op<{ Bucket?: string }, GetBucketVersioningCommandOutput>((input, ctx) => {
    const bucket = bucketFor(input, ctx);
    // A bucket that never had versioning configured answers with neither Status nor MFADelete.
    if (!bucket.versioning) return {};
    return { Status: bucket.versioning, MFADelete: bucket.mfaDelete ? 'Enabled' : 'Disabled' };
  }),

  GetBucketLogging: op<{ Bucket?: string }, GetBucketLoggingCommandOutput>((input, ctx) => {
    const bucket = bucketFor(input, ctx);
    return bucket.logging ? { LoggingEnabled: { TargetBucket: bucket.logging.targetBucket, TargetPrefix: bucket.logging.targetPrefix } } : {};
  }),

  GetBucketOwnershipControls: op<{ Bucket?: string }, GetBucketOwnershipControlsCommandOutput>((input, ctx) => {
    const bucket = bucketFor(input, ctx);
    if (!bucket.objectOwnership) {
      throw new FakeAwsError('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', 404);
    }
    return { OwnershipControls: { Rules: [{ ObjectOwnership: bucket.objectOwnership }] } };
  }),
};

export const s3ControlHandlers: Record<string, Handler> = {
  GetPublicAccessBlock: op<ControlBpaInput, ControlBpaOutput>((input, { world }: { world: World }) => {
    if (input.AccountId !== world.accountId) throw new FakeAwsError('AccessDenied', `not authorized for account ${input.AccountId ?? '(none)'}`, 403);
    if (!world.accountPublicAccessBlock) {
      throw new FakeAwsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404);
    }
    return { PublicAccessBlockConfiguration: { ...world.accountPublicAccessBlock } };
  }),
};
