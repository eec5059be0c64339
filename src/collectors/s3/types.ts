// The shapes S3 collectors hand to checks. Per-bucket data is an outcome per bucket, so one bucket that
// cannot be read becomes ERROR for that bucket alone.

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Bucket {
  name: string;
  arn: string;
  /** The bucket's own region; undefined when it could not be found (regionError says why). */
  region?: string;
  regionError?: string;
}

export interface BucketInventory {
  /** Buckets in the scan's regions (all of them when the scan has no region list), plus any whose region is unknown. */
  buckets: Bucket[];
}

export interface BucketOutcome<T> {
  bucket: Bucket;
  outcome: Outcome<T>;
}

/** The four Block Public Access switches, named as PutPublicAccessBlock expects them (a fix restores these). */
export interface PublicAccessBlockConfig {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

export interface PublicAccessBlockState {
  /** False when no configuration exists at all (NoSuchPublicAccessBlockConfiguration): every switch is off. */
  configured: boolean;
  config: PublicAccessBlockConfig;
}

export interface BucketPolicyStatus {
  hasPolicy: boolean;
  /** AWS's own evaluation of the bucket policy (GetBucketPolicyStatus IsPublic). */
  isPublic: boolean;
}

export interface AclGrant {
  granteeType: string;
  uri?: string;
  id?: string;
  email?: string;
  permission: string;
}

export interface BucketAcl {
  ownerId?: string;
  grants: AclGrant[];
}

/** The bucket policy JSON text, or null when the bucket has none. */
export type BucketPolicyText = string | null;

export interface BucketVersioning {
  /** `Off` when versioning was never enabled (GetBucketVersioning returns no Status). */
  status: 'Enabled' | 'Suspended' | 'Off';
  mfaDelete: boolean;
}

export interface BucketLogging {
  enabled: boolean;
  targetBucket?: string;
  targetPrefix?: string;
}

export interface BucketOwnership {
  /** null when the bucket has no ownership controls (it then behaves as ObjectWriter: ACLs apply). */
  objectOwnership: string | null;
}
