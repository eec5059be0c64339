// S3's IAM action names differ from its API operation names (ListBuckets is s3:ListAllMyBuckets), so
// collectors declare actions through these maps, and the least-privilege test maps every sent command back.
export const S3_COMMAND_ACTIONS = {
  ListBuckets: 's3:ListAllMyBuckets',
  GetBucketLocation: 's3:GetBucketLocation',
  GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock',
  GetBucketPolicyStatus: 's3:GetBucketPolicyStatus',
  GetBucketAcl: 's3:GetBucketAcl',
  GetBucketPolicy: 's3:GetBucketPolicy',
  GetBucketVersioning: 's3:GetBucketVersioning',
  GetBucketLogging: 's3:GetBucketLogging',
  GetBucketOwnershipControls: 's3:GetBucketOwnershipControls',
} as const satisfies Record<string, string>;

export const S3CONTROL_COMMAND_ACTIONS = {
  GetPublicAccessBlock: 's3:GetAccountPublicAccessBlock',
} as const satisfies Record<string, string>;
