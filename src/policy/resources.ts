// Which resources an IAM action can be narrowed to. Resource-level permissions are a property of the action
// (IAM Service Authorization Reference), not of the fix that calls it, so the table lives here and every
// generated policy narrows the same way: `awscheck policy --remediation` and the deployed roles alike.
// An action missing from this table stays on "Resource": "*", which is always correct, only wider.

export interface ResourceType {
  /** Sid suffix, e.g. AwscheckRemediationWriteSecurityGroups. */
  name: string;
  /** ARN patterns in the given partition ("aws", "aws-us-gov", or a CloudFormation token). */
  arns(partition: string): string[];
  /** Actions whose every resource is of this type (their required resource in the Reference). */
  actions: readonly string[];
}

export const RESOURCE_TYPES: readonly ResourceType[] = [
  {
    name: 'SecurityGroups',
    // Authorize/Revoke name the group; the rule resource is evaluated when a call names or tags rules.
    arns: (p) => [`arn:${p}:ec2:*:*:security-group/*`, `arn:${p}:ec2:*:*:security-group-rule/*`],
    actions: [
      'ec2:AuthorizeSecurityGroupEgress',
      'ec2:AuthorizeSecurityGroupIngress',
      'ec2:RevokeSecurityGroupEgress',
      'ec2:RevokeSecurityGroupIngress',
    ],
  },
  { name: 'Instances', arns: (p) => [`arn:${p}:ec2:*:*:instance/*`], actions: ['ec2:ModifyInstanceMetadataOptions'] },
  // Snapshot ARNs have no account field.
  { name: 'Snapshots', arns: (p) => [`arn:${p}:ec2:*::snapshot/*`], actions: ['ec2:ModifySnapshotAttribute'] },
  {
    name: 'UserAccessKeys',
    arns: (p) => [`arn:${p}:iam::*:user/*`],
    actions: ['iam:GetAccessKeyLastUsed', 'iam:ListAccessKeys', 'iam:UpdateAccessKey'],
  },
  {
    name: 'Buckets',
    // Bucket ARNs have neither region nor account; these are bucket-level actions, never object ones.
    arns: (p) => [`arn:${p}:s3:::*`],
    actions: [
      's3:DeleteBucketPolicy',
      's3:GetBucketPolicy',
      's3:GetBucketPublicAccessBlock',
      's3:GetBucketVersioning',
      's3:GetBucketWebsite',
      's3:PutBucketPolicy',
      's3:PutBucketPublicAccessBlock',
      's3:PutBucketVersioning',
    ],
  },
  {
    name: 'Documents',
    arns: (p) => [`arn:${p}:ssm:*:*:document/*`],
    actions: ['ssm:DescribeDocumentPermission', 'ssm:ModifyDocumentPermission'],
  },
];

/** The resource type an action can be narrowed to, if any. */
export function resourceTypeOf(action: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((type) => type.actions.includes(action));
}
