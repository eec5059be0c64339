// The CloudTrail management events that can create a finding (issue 14), in one place: the member accounts'
// forwarding rules, the central bus's rule and the bot's own-account rule all match this pattern.
// ConsoleLogin is delivered as "AWS Console Sign In via CloudTrail", every other one as "AWS API Call via CloudTrail".

/** eventSource → the eventNames forwarded from it. */
export const ALERT_EVENTS: Readonly<Record<string, readonly string[]>> = {
  'ec2.amazonaws.com': [
    'AuthorizeSecurityGroupIngress',
    'CreateSecurityGroup',
    'ModifyInstanceMetadataOptions',
    'ModifySecurityGroupRules',
    'ModifySnapshotAttribute',
    'RunInstances',
  ],
  's3.amazonaws.com': [
    'DeleteAccountPublicAccessBlock',
    'DeleteBucketPolicy',
    'DeleteBucketPublicAccessBlock',
    'PutAccountPublicAccessBlock',
    'PutBucketAcl',
    'PutBucketPolicy',
    'PutBucketPublicAccessBlock',
  ],
  'iam.amazonaws.com': ['CreateAccessKey', 'DeleteAccountPasswordPolicy', 'UpdateAccountPasswordPolicy'],
  'signin.amazonaws.com': ['ConsoleLogin'],
  'ssm.amazonaws.com': ['ModifyDocumentPermission'],
  'cloudtrail.amazonaws.com': ['DeleteTrail', 'StopLogging'],
  'guardduty.amazonaws.com': ['DeleteDetector'],
  'access-analyzer.amazonaws.com': ['DeleteAnalyzer'],
};

/** Events that matter only when the root user makes them; other users' keys and logins are everyday work. */
export const ROOT_ONLY_EVENTS: readonly string[] = ['ConsoleLogin', 'CreateAccessKey'];

export const ALERT_DETAIL_TYPES: readonly string[] = ['AWS API Call via CloudTrail', 'AWS Console Sign In via CloudTrail'];

/** The EventBridge event pattern for these events. */
export function alertEventPattern(): {
  source: string[];
  detailType: string[];
  detail: Record<string, unknown>;
} {
  const sources = Object.keys(ALERT_EVENTS);
  const names = Object.values(ALERT_EVENTS).flat();
  return {
    // eventSource "s3.amazonaws.com" arrives with source "aws.s3".
    source: sources.map((s) => `aws.${s.replace('.amazonaws.com', '')}`),
    detailType: [...ALERT_DETAIL_TYPES],
    detail: {
      eventSource: sources,
      $or: [
        { eventName: names.filter((n) => !ROOT_ONLY_EVENTS.includes(n)) },
        { eventName: [...ROOT_ONLY_EVENTS], userIdentity: { type: ['Root'] } },
      ],
    },
  };
}
