// The fake AWS must behave like AWS where collectors and benchmarks depend on it: page sizes and tokens,
// errors shaped like the SDK's, per-bucket region rules, and a place inside the concurrency limiter.
import { DescribeImagesCommand, DescribeSecurityGroupRulesCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, paginateGetAccountAuthorizationDetails } from '@aws-sdk/client-iam';
import { GetBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimumCalls } from '../../bench/minimum.ts';
import { createSession } from '../../src/aws/session.ts';
import { parseCredentialReport } from '../../src/collectors/iam/credential-report.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { credentialReportCsv } from './credential-report.ts';
import { installFakeAws } from './install.ts';
import { BASE_SIZES, SYNTHETIC_REGIONS, syntheticWorld } from './synthetic.ts';
import { emptyRegion, type World } from './world.ts';

function tinyWorld(groups: number): World {
  const region = emptyRegion();
  for (let g = 0; g < groups; g++) {
    region.securityGroups.push({
      id: `sg-${g}`,
      name: `g${g}`,
      vpcId: 'vpc-1',
      description: '',
      rules: [{ id: `sgr-${g}`, egress: false, protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0' }],
    });
  }
  const world = syntheticWorld(0.01);
  return { ...world, accountId: '111122223333', regional: { 'us-east-1': region }, buckets: world.buckets.slice(0, 1) };
}

function sessionFor(world: World, options: { latencyMs?: number; concurrency?: number } = {}) {
  const fake = installFakeAws(world, { latencyMs: options.latencyMs ?? 0 });
  const session = createSession({ id: world.accountId, name: 'test' }, 'scan', {
    settings: defaultSettings({ concurrency: options.concurrency ?? 16 }),
    env: {},
    instrument: fake,
  });
  return { fake, session };
}

// The suite's endpoint override would only add path-style addressing; the fake answers before any HTTP.
const endpoint = process.env.AWS_ENDPOINT_URL;
beforeAll(() => {
  process.env.AWS_ENDPOINT_URL = 'http://localhost:9';
});
afterAll(() => {
  process.env.AWS_ENDPOINT_URL = endpoint;
});

describe('installFakeAws', () => {
  it('pages like AWS: MaxResults per page, tokens until the last page, all items when no size is given', async () => {
    const { fake, session } = sessionFor(tinyWorld(12));
    const ec2 = session.client(EC2Client, 'us-east-1');
    const first = await ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 5 }));
    expect(first.SecurityGroups?.map((g) => g.GroupId)).toEqual(['sg-0', 'sg-1', 'sg-2', 'sg-3', 'sg-4']);
    const second = await ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 5, NextToken: first.NextToken }));
    const third = await ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 5, NextToken: second.NextToken }));
    expect(third.SecurityGroups?.map((g) => g.GroupId)).toEqual(['sg-10', 'sg-11']);
    expect(third.NextToken).toBeUndefined();
    const all = await ec2.send(new DescribeSecurityGroupsCommand({}));
    expect(all.SecurityGroups).toHaveLength(12);
    expect(fake.calls().get('EC2:DescribeSecurityGroups')).toBe(4);
    session.destroy();
  });

  it('refuses page sizes outside the documented range and tokens from another listing', async () => {
    const { session } = sessionFor(tinyWorld(12));
    const ec2 = session.client(EC2Client, 'us-east-1');
    await expect(ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 4 }))).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 1001 }))).rejects.toMatchObject({ name: 'ValidationError' });
    const groups = await ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 5 }));
    await expect(ec2.send(new DescribeSecurityGroupRulesCommand({ NextToken: groups.NextToken }))).rejects.toMatchObject({
      name: 'InvalidNextToken',
      $metadata: { httpStatusCode: 400 },
    });
    session.destroy();
  });

  it("uses IAM's default page of 100 items when MaxItems is not sent", async () => {
    const world = tinyWorld(0);
    const { fake, session } = sessionFor(world);
    const items = world.iam.users.length + world.iam.groups.length + world.iam.roles.length + world.iam.policies.length;
    let users = 0;
    for await (const page of paginateGetAccountAuthorizationDetails({ client: session.client(IAMClient, 'us-east-1') }, {})) {
      users += page.UserDetailList?.length ?? 0;
    }
    expect(users).toBe(world.iam.users.length);
    expect(fake.calls().get('IAM:GetAccountAuthorizationDetails')).toBe(Math.ceil(items / 100));
    session.destroy();
  });

  it('answers a per-bucket call only in the bucket region; elsewhere a 301 PermanentRedirect naming it', async () => {
    const world = tinyWorld(0);
    const bucket = world.buckets[0]!;
    const { session } = sessionFor(world);
    const elsewhere = SYNTHETIC_REGIONS.find((r) => r !== bucket.region)!;
    await expect(session.client(S3Client, bucket.region).send(new GetBucketVersioningCommand({ Bucket: bucket.name }))).resolves.toBeDefined();
    await expect(session.client(S3Client, elsewhere).send(new GetBucketVersioningCommand({ Bucket: bucket.name }))).rejects.toMatchObject({
      name: 'PermanentRedirect',
      $metadata: { httpStatusCode: 301 },
      $response: { headers: { 'x-amz-bucket-region': bucket.region } },
    });
    session.destroy();
  });

  it('names the client and command it has no answer for', async () => {
    // A bare client, not a session's: a command outside the read-only policy must not enter the suite's call log.
    const client = new EC2Client({ region: 'us-east-1' });
    installFakeAws(tinyWorld(0))(client);
    await expect(client.send(new DescribeImagesCommand({}))).rejects.toThrow('fake AWS has no handler for EC2Client DescribeImagesCommand');
    client.destroy();
  });

  it("sits inside the session's concurrency limit: never more calls in flight than it allows", async () => {
    const { fake, session } = sessionFor(tinyWorld(3), { latencyMs: 20, concurrency: 4 });
    const ec2 = session.client(EC2Client, 'us-east-1');
    const started = performance.now();
    await Promise.all(Array.from({ length: 20 }, () => ec2.send(new DescribeSecurityGroupsCommand({}))));
    expect(fake.peakInFlight()).toBe(4);
    // 20 calls, 4 at a time, 20 ms each: at least five rounds.
    expect(performance.now() - started).toBeGreaterThanOrEqual(5 * 20 - 5);
    expect(fake.totalCalls()).toBe(20);
    session.destroy();
  });
});

describe('syntheticWorld', () => {
  it('has the sizes the benchmark issue names at factor 1, and scales them', () => {
    const world = syntheticWorld(1);
    expect(world.iam.users).toHaveLength(1000);
    expect(world.iam.users.every((u) => u.keys.length > 0)).toBe(true);
    expect(Object.keys(world.regional)).toEqual([...SYNTHETIC_REGIONS]);
    for (const region of Object.values(world.regional)) {
      expect(region.securityGroups).toHaveLength(1000);
      expect(region.securityGroups.filter((g) => g.name !== 'default').every((g) => g.rules.length === BASE_SIZES.rulesPerGroup)).toBe(true);
    }
    expect(Object.values(world.regional).reduce((n, r) => n + r.instances.length, 0)).toBe(500);
    expect(world.buckets).toHaveLength(300);
    expect(new Set(world.buckets.map((b) => b.region)).size).toBe(3);
    expect(syntheticWorld(4).buckets).toHaveLength(1200);
  });

  it('writes a credential report the real parser reads, one row per user plus root', () => {
    const world = syntheticWorld(0.1);
    const report = parseCredentialReport(credentialReportCsv(world));
    expect(report.users).toHaveLength(world.iam.users.length);
    expect(report.unreadableUsers).toEqual([]);
    expect(report.root).toMatchObject({ isRoot: true, mfaActive: true });
    const first = world.iam.users[0]!;
    expect(report.users[0]?.accessKeys[0].lastRotated?.toISOString().slice(0, 19)).toBe(first.keys[0]!.createdAt.toISOString().slice(0, 19));
  });
});

describe('minimumCalls', () => {
  it('counts each listing at its largest page size, at least once, and per-bucket and per-document reads', () => {
    const world = tinyWorld(2001);
    world.regional['us-east-1']!.documents = [
      { name: 'a', type: 'Command', version: '1', sharedWith: [] },
      { name: 'b', type: 'Command', version: '1', sharedWith: Array.from({ length: 201 }, (_, n) => String(n).padStart(12, '0')) },
    ];
    world.regions = [{ name: 'us-east-1', optInStatus: 'opt-in-not-required' }];
    const plan = minimumCalls(world);
    expect(plan.byOperation.get('EC2:DescribeSecurityGroups')).toBe(3);
    expect(plan.byOperation.get('EC2:DescribeSecurityGroupRules')).toBe(3);
    expect(plan.byOperation.get('EC2:DescribeNetworkAcls')).toBe(1);
    expect(plan.byOperation.get('SSM:DescribeDocumentPermission')).toBe(1 + 2);
    expect(plan.byOperation.get('S3:GetBucketAcl')).toBe(1);
    expect(plan.byOperation.get('IAM:GenerateCredentialReport')).toBe(1);
    // Identity and regions first, then the longest chain: three pages of groups, then three of rules.
    expect(plan.criticalPathCalls).toBe(2 + 6);
    expect(plan.total).toBe([...plan.byOperation.values()].reduce((a, b) => a + b, 0));
  });
});
