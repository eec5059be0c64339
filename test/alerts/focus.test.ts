// The engine's focused re-read (ScanOptions.focus) through the in-process fake AWS and the real collectors:
// only the named group, instance or bucket is asked for, no DescribeRegions, and only its results are kept.
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { scan } from '../../src/engine/scan.ts';
import { installFakeAws } from '../fake-aws/install.ts';
import { syntheticWorld } from '../fake-aws/synthetic.ts';
import { regionOf } from '../fake-aws/world.ts';

process.env.AWS_ACCESS_KEY_ID ??= 'AKIAFAKEFORTESTS0001';
process.env.AWS_SECRET_ACCESS_KEY ??= 'fake-secret-for-tests';

describe('a focused scan', () => {
  const world = syntheticWorld(0.05, { seed: 7 });
  const region = 'eu-west-1';
  const group = regionOf(world, region).securityGroups[0]!;
  group.rules.push({ id: 'sgr-focus', egress: false, protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' });

  it('reads one security group in one region and keeps only its results', async () => {
    const fake = installFakeAws(world);
    const report = await scan(
      { checks: ['ec2.sg-admin-port-ipv4', 'ec2.sg-all-ports-open'], regions: [region] },
      { settings: defaultSettings({ homeRegion: region }), checks: ALL_CHECKS, instrument: fake },
      { focus: { region, resourceIds: [group.id] } },
    );
    expect(new Set(report.results.map((r) => r.resourceId))).toEqual(new Set([group.id]));
    expect(report.results).toContainEqual(expect.objectContaining({ checkId: 'ec2.sg-admin-port-ipv4', status: 'FAIL', subResourceId: 'sgr-focus' }));
    expect(Object.fromEntries(fake.calls())).toEqual({
      'STS:GetCallerIdentity': 1,
      'EC2:DescribeSecurityGroups': 1,
      'EC2:DescribeSecurityGroupRules': 1,
      'EC2:DescribeNetworkInterfaces': 1,
    });
  });

  it('reads one bucket of the account for an account-wide check', async () => {
    const fake = installFakeAws(world);
    const bucket = world.buckets[0]!;
    const report = await scan(
      { checks: ['s3.bucket-public-access-block'] },
      { settings: defaultSettings(), checks: ALL_CHECKS, instrument: fake },
      { focus: { resourceIds: [bucket.name] } },
    );
    expect(report.results.map((r) => r.resourceId)).toEqual([bucket.name]);
    expect(fake.calls().get('S3:GetPublicAccessBlock')).toBe(1);
  });
});
