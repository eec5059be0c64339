// The one table of CloudTrail events that can create (or clear) a finding: for each eventSource/eventName,
// the checks it affects and the one resource it touches, read from requestParameters/responseElements.
// WATCHED_EVENT_SOURCES is derived from it, so the deployment's EventBridge pattern can be generated too.
import type { ChangeEvent, CloudTrailRecord } from './events.ts';
import { isRoot } from './events.ts';

/** What to re-read: the checks, and the resources (none: the whole account, or account and region). */
export interface ChangeTarget {
  checks: readonly string[];
  /** Ids as the checks report them in resourceId (sg-…, a bucket name, i-…); absent: account- or region-wide. */
  resourceIds?: string[];
  /** true: the checks are account-wide (IAM, S3): the event's region does not narrow the read. */
  accountWide?: boolean;
  /** What changed, for the alert: a short description from the event. */
  change: string;
}

export interface WatchedEvent {
  eventSource: string;
  eventNames: readonly string[];
  checks: readonly string[];
  accountWide?: boolean;
  /** The resources the event touched; undefined when the event does not concern us (e.g. not by root). */
  resources(record: CloudTrailRecord): string[] | undefined | 'all';
}

const SG_CHECKS = ['ec2.sg-admin-port-ipv4', 'ec2.sg-admin-port-ipv6', 'ec2.sg-all-ports-open', 'ec2.sg-insecure-service-open', 'ec2.sg-default-not-restricted'];
const BUCKET_CHECKS = ['s3.bucket-public', 's3.bucket-public-access-block'];

type Json = Record<string, unknown>;

function at(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Json)[key];
  }
  return node;
}

function str(value: unknown): string[] | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 1024 ? [value] : undefined;
}

/** Instance ids of a RunInstances answer (responseElements.instancesSet.items[].instanceId). */
function launched(record: CloudTrailRecord): string[] | undefined {
  const items = at(record.responseElements, 'instancesSet', 'items');
  if (!Array.isArray(items)) return undefined;
  const ids = items.map((i) => at(i, 'instanceId')).filter((id): id is string => typeof id === 'string');
  return ids.length ? ids : undefined;
}

export const WATCHED_EVENTS: readonly WatchedEvent[] = [
  {
    eventSource: 'ec2.amazonaws.com',
    eventNames: ['AuthorizeSecurityGroupIngress'],
    checks: SG_CHECKS,
    resources: (r) => str(at(r.requestParameters, 'groupId')) ?? str(at(r.responseElements, 'securityGroupRuleSet', 'items', '0', 'groupId')),
  },
  {
    eventSource: 'ec2.amazonaws.com',
    eventNames: ['ModifySecurityGroupRules'],
    checks: SG_CHECKS,
    resources: (r) => str(at(r.requestParameters, 'ModifySecurityGroupRulesRequest', 'GroupId')),
  },
  {
    eventSource: 'ec2.amazonaws.com',
    eventNames: ['CreateSecurityGroup'],
    checks: SG_CHECKS,
    resources: (r) => str(at(r.responseElements, 'groupId')),
  },
  {
    eventSource: 's3.amazonaws.com',
    eventNames: ['PutBucketAcl', 'PutBucketPolicy', 'DeleteBucketPolicy', 'PutBucketPublicAccessBlock', 'DeleteBucketPublicAccessBlock'],
    checks: BUCKET_CHECKS,
    accountWide: true,
    resources: (r) => str(at(r.requestParameters, 'bucketName')),
  },
  {
    // S3 Control's PutPublicAccessBlock / DeletePublicAccessBlock, as CloudTrail names them.
    eventSource: 's3.amazonaws.com',
    eventNames: ['PutAccountPublicAccessBlock', 'DeleteAccountPublicAccessBlock'],
    checks: ['s3.account-public-access-block'],
    accountWide: true,
    resources: () => 'all',
  },
  {
    eventSource: 'iam.amazonaws.com',
    eventNames: ['CreateAccessKey'],
    checks: ['iam.root-access-keys'],
    accountWide: true,
    // Only the root user's own keys: a key for an IAM user is everyday work.
    resources: (r) => (isRoot(r) && at(r.requestParameters, 'userName') === undefined ? 'all' : undefined),
  },
  {
    eventSource: 'signin.amazonaws.com',
    eventNames: ['ConsoleLogin'],
    checks: ['iam.root-recent-use'],
    accountWide: true,
    resources: (r) => (isRoot(r) ? 'all' : undefined),
  },
  {
    eventSource: 'ec2.amazonaws.com',
    eventNames: ['ModifyInstanceMetadataOptions'],
    checks: ['ec2.imdsv2-not-required'],
    resources: (r) => str(at(r.requestParameters, 'ModifyInstanceMetadataOptionsRequest', 'InstanceId')),
  },
  {
    eventSource: 'ec2.amazonaws.com',
    eventNames: ['RunInstances'],
    checks: ['ec2.imdsv2-not-required'],
    resources: launched,
  },
  {
    eventSource: 'ec2.amazonaws.com',
    eventNames: ['ModifySnapshotAttribute'],
    checks: ['ec2.ebs-snapshot-public'],
    resources: (r) => str(at(r.requestParameters, 'snapshotId')),
  },
  {
    eventSource: 'ssm.amazonaws.com',
    eventNames: ['ModifyDocumentPermission'],
    checks: ['ssm.document-public'],
    resources: (r) => str(at(r.requestParameters, 'name')),
  },
  {
    eventSource: 'iam.amazonaws.com',
    eventNames: ['UpdateAccountPasswordPolicy', 'DeleteAccountPasswordPolicy'],
    checks: ['iam.password-policy'],
    accountWide: true,
    resources: () => 'all',
  },
  {
    eventSource: 'cloudtrail.amazonaws.com',
    eventNames: ['StopLogging', 'DeleteTrail'],
    checks: ['detect.cloudtrail-multi-region'],
    resources: () => 'all',
  },
  {
    eventSource: 'guardduty.amazonaws.com',
    eventNames: ['DeleteDetector'],
    checks: ['detect.guardduty-enabled'],
    resources: () => 'all',
  },
  {
    eventSource: 'access-analyzer.amazonaws.com',
    eventNames: ['DeleteAnalyzer'],
    checks: ['detect.access-analyzer'],
    resources: () => 'all',
  },
];

/** eventSource → its eventNames: the EventBridge rule's `detail.eventSource` / `detail.eventName` pattern. */
export const WATCHED_EVENT_SOURCES: Readonly<Record<string, readonly string[]>> = (() => {
  const sources: Record<string, string[]> = {};
  for (const watched of WATCHED_EVENTS) (sources[watched.eventSource] ??= []).push(...watched.eventNames);
  return sources;
})();

/** An EventBridge event pattern matching every watched call (CloudTrail management events). */
export function watchedEventPattern(): { source: string[]; 'detail-type': string[]; detail: { eventSource: string[]; eventName: string[] } } {
  return {
    source: [...new Set(Object.keys(WATCHED_EVENT_SOURCES).map((s) => `aws.${s.split('.')[0]!}`))].sort(),
    'detail-type': ['AWS API Call via CloudTrail', 'AWS Console Sign In via CloudTrail'],
    detail: {
      eventSource: Object.keys(WATCHED_EVENT_SOURCES).sort(),
      eventName: [...new Set(Object.values(WATCHED_EVENT_SOURCES).flat())].sort(),
    },
  };
}

export type Lookup =
  | { kind: 'target'; target: ChangeTarget }
  /** Not a watched call, a failed call (errorCode), or one that does not concern us (a non-root key). */
  | { kind: 'ignored'; reason: string }
  /** Watched, but the resource is missing from the record: a malformed record. */
  | { kind: 'malformed'; reason: string };

export function lookupChange(event: ChangeEvent): Lookup {
  const { record } = event;
  const watched = WATCHED_EVENTS.find((w) => w.eventSource === record.eventSource && w.eventNames.includes(record.eventName));
  if (!watched) return { kind: 'ignored', reason: `${record.eventSource} ${record.eventName} is not watched` };
  if (record.errorCode) return { kind: 'ignored', reason: `${record.eventName} failed (${record.errorCode}); nothing changed` };
  const found = watched.resources(record);
  if (found === undefined) {
    // The table says which events need an identity rather than a resource; for those, undefined means "not ours".
    if (watched.checks.some((c) => c.startsWith('iam.root'))) return { kind: 'ignored', reason: `${record.eventName} not by the root user` };
    return { kind: 'malformed', reason: `${record.eventName} names no resource` };
  }
  return {
    kind: 'target',
    target: {
      checks: watched.checks,
      ...(found === 'all' ? {} : { resourceIds: found }),
      ...(watched.accountWide ? { accountWide: true } : {}),
      change: `${record.eventName}${found === 'all' ? '' : ` ${found.join(', ')}`}`,
    },
  };
}
