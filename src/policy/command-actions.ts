// Maps an SDK command to the IAM action that authorises it, so tests can prove the generated policies
// cover every call really sent. Most actions are `<prefix>:<Operation>`; the exceptions are listed.
import { DETECT_COMMAND_ACTIONS } from '../collectors/detect/actions.ts';
import { S3_COMMAND_ACTIONS, S3CONTROL_COMMAND_ACTIONS } from '../collectors/s3/actions.ts';

const PREFIXES: Record<string, string> = {
  IAMClient: 'iam',
  STSClient: 'sts',
  EC2Client: 'ec2',
  S3Client: 's3',
  S3ControlClient: 's3',
  SSMClient: 'ssm',
  CloudTrailClient: 'cloudtrail',
  GuardDutyClient: 'guardduty',
  Inspector2Client: 'inspector2',
  AccessAnalyzerClient: 'access-analyzer',
  DynamoDBClient: 'dynamodb',
  OrganizationsClient: 'organizations',
  SQSClient: 'sqs',
};

/** Operations whose IAM action is not `<prefix>:<Operation>`. */
const EXCEPTIONS: Record<string, Record<string, string>> = {
  S3Client: {
    ...S3_COMMAND_ACTIONS,
    PutPublicAccessBlock: 's3:PutBucketPublicAccessBlock',
    DeletePublicAccessBlock: 's3:PutBucketPublicAccessBlock',
    DeleteBucketPolicy: 's3:DeleteBucketPolicy',
  },
  S3ControlClient: {
    ...S3CONTROL_COMMAND_ACTIONS,
    PutPublicAccessBlock: 's3:PutAccountPublicAccessBlock',
    DeletePublicAccessBlock: 's3:PutAccountPublicAccessBlock',
  },
  ...DETECT_COMMAND_ACTIONS,
};

export function iamActionFor(client: string, command: string): string {
  const operation = command.replace(/Command$/, '');
  const special = EXCEPTIONS[client]?.[operation];
  if (special) return special;
  const prefix = PREFIXES[client];
  if (!prefix) throw new Error(`no IAM prefix known for ${client}; add it to src/policy/command-actions.ts`);
  return `${prefix}:${operation}`;
}
