// The event table against real CloudTrail record shapes: every watched event name has a fixture, and each
// fixture resolves to the checks and the one resource the change touched.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.ts';
import { actorOf, parseMessage } from '../../src/alerts/events.ts';
import { lookupChange, WATCHED_EVENT_SOURCES, WATCHED_EVENTS, watchedEventPattern } from '../../src/alerts/watched-events.ts';
import { eventBody, fixture } from './fixtures.ts';

function lookup(body: string) {
  const parsed = parseMessage(body);
  if (parsed.kind !== 'event') throw new Error(`fixture did not parse: ${parsed.reason}`);
  return lookupChange(parsed.event);
}

const EXPECTED: Record<string, { resources?: string[]; checks: string }> = {
  AuthorizeSecurityGroupIngress: { resources: ['sg-0abc'], checks: 'ec2.sg-admin-port-ipv4' },
  ModifySecurityGroupRules: { resources: ['sg-0abc'], checks: 'ec2.sg-all-ports-open' },
  CreateSecurityGroup: { resources: ['sg-0new'], checks: 'ec2.sg-default-not-restricted' },
  PutBucketAcl: { resources: ['reports-bucket'], checks: 's3.bucket-public' },
  PutBucketPolicy: { resources: ['reports-bucket'], checks: 's3.bucket-public' },
  DeleteBucketPolicy: { resources: ['reports-bucket'], checks: 's3.bucket-public' },
  PutBucketPublicAccessBlock: { resources: ['reports-bucket'], checks: 's3.bucket-public-access-block' },
  DeleteBucketPublicAccessBlock: { resources: ['reports-bucket'], checks: 's3.bucket-public-access-block' },
  PutAccountPublicAccessBlock: { checks: 's3.account-public-access-block' },
  DeleteAccountPublicAccessBlock: { checks: 's3.account-public-access-block' },
  CreateAccessKey: { checks: 'iam.root-access-keys' },
  ConsoleLogin: { checks: 'iam.root-recent-use' },
  ModifyInstanceMetadataOptions: { resources: ['i-0aaa1111'], checks: 'ec2.imdsv2-not-required' },
  RunInstances: { resources: ['i-0bbb2222'], checks: 'ec2.imdsv2-not-required' },
  ModifySnapshotAttribute: { resources: ['snap-0aaa1111'], checks: 'ec2.ebs-snapshot-public' },
  ModifyDocumentPermission: { resources: ['RestartWebServer'], checks: 'ssm.document-public' },
  UpdateAccountPasswordPolicy: { checks: 'iam.password-policy' },
  DeleteAccountPasswordPolicy: { checks: 'iam.password-policy' },
  StopLogging: { checks: 'detect.cloudtrail-multi-region' },
  DeleteTrail: { checks: 'detect.cloudtrail-multi-region' },
  DeleteDetector: { checks: 'detect.guardduty-enabled' },
  DeleteAnalyzer: { checks: 'detect.access-analyzer' },
};

describe('the watched CloudTrail events', () => {
  it('has one fixture per watched event name, and names only real checks', () => {
    const names = WATCHED_EVENTS.flatMap((w) => w.eventNames).sort();
    const files = readdirSync(join(import.meta.dirname, '..', 'fixtures', 'cloudtrail')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(files).toEqual(names);
    expect(Object.keys(EXPECTED).sort()).toEqual(names);
    const ids = new Set(ALL_CHECKS.map((c) => c.id));
    expect(WATCHED_EVENTS.flatMap((w) => w.checks).filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`maps ${name} to ${expected.checks} and ${expected.resources?.join(', ') ?? 'the account'}`, () => {
      const found = lookup(JSON.stringify(fixture(name)));
      expect(found.kind).toBe('target');
      if (found.kind !== 'target') return;
      expect(found.target.checks).toContain(expected.checks);
      expect(found.target.resourceIds).toEqual(expected.resources);
      expect(found.target.change).toContain(name);
    });
  }

  it('ignores an access key or a sign-in that is not the root user’s, and a call that failed', () => {
    const user = { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/alice', userName: 'alice' };
    expect(lookup(eventBody('CreateAccessKey', { userIdentity: user, requestParameters: { userName: 'alice' } })).kind).toBe('ignored');
    expect(lookup(eventBody('ConsoleLogin', { userIdentity: user })).kind).toBe('ignored');
    // Root creating a key for an IAM user is not a root key.
    expect(lookup(eventBody('CreateAccessKey', { requestParameters: { userName: 'alice' } })).kind).toBe('ignored');
    expect(lookup(eventBody('AuthorizeSecurityGroupIngress', { errorCode: 'Client.UnauthorizedOperation', errorMessage: 'denied' })).kind).toBe('ignored');
    expect(lookup(eventBody('AuthorizeSecurityGroupIngress', { eventName: 'DescribeSecurityGroups' })).kind).toBe('ignored');
  });

  it('calls a watched event without its resource malformed', () => {
    expect(lookup(eventBody('AuthorizeSecurityGroupIngress', { requestParameters: { groupName: 'default' }, responseElements: null })).kind).toBe('malformed');
  });

  it('says who did it: the ARN, root, or the user name', () => {
    const parsed = parseMessage(JSON.stringify(fixture('AuthorizeSecurityGroupIngress')));
    expect(parsed.kind === 'event' && actorOf(parsed.event.record)).toBe('arn:aws:sts::111122223333:assumed-role/Admin/bob@example.com');
    const root = parseMessage(JSON.stringify(fixture('CreateAccessKey')));
    expect(root.kind === 'event' && actorOf(root.event.record)).toBe('root (arn:aws:iam::111122223333:root)');
    const named = parseMessage(eventBody('StopLogging', { userIdentity: { type: 'IAMUser', userName: 'carol' } }));
    expect(named.kind === 'event' && actorOf(named.event.record)).toBe('carol');
  });

  it('refuses bodies that are not EventBridge CloudTrail events, without echoing them', () => {
    for (const body of ['', 'not json {', '[]', JSON.stringify({ 'detail-type': 'Scheduled Event', detail: {} }), JSON.stringify({ ...fixture('StopLogging'), 'detail-type': 'EC2 Instance State-change Notification' })]) {
      const parsed = parseMessage(body);
      expect(parsed.kind).toBe('malformed');
      if (parsed.kind === 'malformed') expect(parsed.reason).not.toContain('Instance State-change Notification');
    }
  });

  it('exports the sources and names an EventBridge pattern is built from', () => {
    expect(WATCHED_EVENT_SOURCES['ec2.amazonaws.com']).toContain('AuthorizeSecurityGroupIngress');
    expect(WATCHED_EVENT_SOURCES['signin.amazonaws.com']).toEqual(['ConsoleLogin']);
    const pattern = watchedEventPattern();
    expect(pattern.source).toEqual(['aws.access-analyzer', 'aws.cloudtrail', 'aws.ec2', 'aws.guardduty', 'aws.iam', 'aws.s3', 'aws.signin', 'aws.ssm']);
    expect(pattern.detail.eventName).toContain('DeleteAnalyzer');
  });
});
