// A large, plausible account for the benchmarks. Factor 1 is the size the benchmark issue names: 1,000 IAM
// users with access keys, 4 regions × 1,000 security groups × 3 rules, 500 instances, 300 buckets in 3
// regions. Everything else (VPCs, ACLs, snapshots, documents…) grows with the factor too. A seeded random
// mix of good and bad settings makes every check produce both PASS and FAIL, deterministically.
import {
  type AccessKey,
  ALL_ON,
  ALL_USERS_URI,
  arns,
  type Bucket,
  emptyRegion,
  type IamUser,
  type Instance,
  type PolicyDoc,
  type RegionWorld,
  type SecurityGroup,
  type SecurityGroupRule,
  type World,
} from './world.ts';

export const SYNTHETIC_ACCOUNT = '111122223333';
export const SYNTHETIC_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'] as const;
const BUCKET_REGIONS = SYNTHETIC_REGIONS.slice(0, 3);

/** The sizes at factor 1, per the benchmark issue; the rest are chosen to look like a real estate. */
export const BASE_SIZES = {
  users: 1000,
  securityGroupsPerRegion: 1000,
  rulesPerGroup: 3,
  instances: 500,
  buckets: 300,
  vpcsPerRegion: 10,
  snapshotsPerRegion: 50,
  documentsPerRegion: 5,
  otherInterfacesPerRegion: 25,
  roles: 50,
  policies: 30,
} as const;

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const hex = (prefix: string, region: number, n: number) => `${prefix}-${region.toString(16)}${n.toString(16).padStart(16, '0')}`;
const scaled = (base: number, factor: number) => Math.max(1, Math.round(base * factor));

const ADMIN_DOC: PolicyDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const scopedDoc = (n: number): PolicyDoc => ({
  Version: '2012-10-17',
  Statement: [{ Sid: `Scoped${n}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: `arn:aws:s3:::data-${n}/*` }],
});

export function syntheticWorld(factor = 1, options: { seed?: number; now?: Date } = {}): World {
  const rnd = random(options.seed ?? 20_240_601);
  const now = options.now ?? new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const chance = (p: number) => rnd() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const accountId = SYNTHETIC_ACCOUNT;

  // IAM ------------------------------------------------------------------------------------------------
  const groups = ['developers', 'operators', 'analysts', 'admins', 'auditors', 'billing', 'support', 'data', 'ci', 'contractors'];
  const policies = Array.from({ length: BASE_SIZES.policies }, (_, n) => ({
    name: n === 0 ? 'LegacyFullAccess' : `team-policy-${n}`,
    document: n === 0 ? ADMIN_DOC : scopedDoc(n),
  }));
  const policyArn = (n: number) => arns.policy(accountId, policies[n % policies.length]!.name);

  let keyCounter = 0;
  const key = (createdAt: Date, active: boolean): AccessKey => {
    const usedDaysAgo = rnd() * 150;
    const used = chance(0.9) && usedDaysAgo < (now.getTime() - createdAt.getTime()) / DAY;
    return {
      id: `AKIA${(keyCounter++).toString(16).toUpperCase().padStart(16, '0')}`,
      active,
      createdAt,
      ...(used ? { lastUsed: { at: ago(usedDaysAgo), region: pick(SYNTHETIC_REGIONS), service: pick(['s3', 'ec2', 'sts', 'dynamodb']) } } : {}),
    };
  };

  const users: IamUser[] = Array.from({ length: scaled(BASE_SIZES.users, factor) }, (_, n) => {
    const createdAt = ago(30 + rnd() * 900);
    const age = (now.getTime() - createdAt.getTime()) / DAY;
    const console = chance(0.3);
    const keys = [key(ago(rnd() * Math.min(age, 400)), chance(0.95))];
    if (chance(0.2)) keys.push(key(ago(rnd() * Math.min(age, 200)), true));
    return {
      name: `user-${String(n).padStart(5, '0')}`,
      createdAt,
      ...(console ? { password: { lastChangedAt: createdAt, ...(chance(0.85) ? { lastUsed: ago(rnd() * 120) } : {}) } } : {}),
      mfa: console && chance(0.8),
      keys,
      groups: [pick(groups)],
      attachedPolicyArns: chance(0.05) ? [policyArn(1 + (n % (policies.length - 1)))] : [],
      inlinePolicies: chance(0.02) ? [{ name: 'inline-extra', document: scopedDoc(n) }] : [],
    };
  });

  const profileRoles = ['web-instance', 'batch-instance', 'admin-instance', 'ssm-instance', 'build-instance'];
  const roles = [
    ...profileRoles.map((name) => ({
      name,
      attachedPolicyArns:
        name === 'admin-instance' ? [arns.awsManaged('AdministratorAccess')] : [arns.awsManaged('AmazonSSMManagedInstanceCore')],
      inlinePolicies: [],
      instanceProfiles: [name],
    })),
    { name: 'support', attachedPolicyArns: [arns.awsManaged('AWSSupportAccess')], inlinePolicies: [], instanceProfiles: [] },
    ...Array.from({ length: BASE_SIZES.roles - profileRoles.length - 1 }, (_, n) => ({
      name: `service-role-${n}`,
      attachedPolicyArns: [policyArn(1 + (n % (policies.length - 1)))],
      inlinePolicies: chance(0.1) ? [{ name: 'inline', document: scopedDoc(n) }] : [],
      instanceProfiles: [],
    })),
  ];

  const world: World = {
    accountId,
    regions: [
      ...SYNTHETIC_REGIONS.map((name) => ({ name, optInStatus: 'opt-in-not-required' as const })),
      { name: 'ap-east-1', optInStatus: 'not-opted-in' },
      { name: 'me-south-1', optInStatus: 'not-opted-in' },
    ],
    iam: {
      root: { createdAt: ago(2000), mfa: true, passwordLastUsed: ago(100), keys: [] },
      users,
      groups: groups.map((name) => ({
        name,
        attachedPolicyArns: name === 'admins' ? [policyArn(0)] : [policyArn(groups.indexOf(name) + 1)],
        inlinePolicies: [],
      })),
      roles,
      policies,
      passwordPolicy: { MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true, RequireNumbers: true },
      virtualMfaDevices: users
        .filter((u) => u.mfa)
        .map((u) => ({ serialNumber: `arn:aws:iam::${accountId}:mfa/${u.name}`, assignedTo: `user/${u.name}`, enabledAt: u.createdAt })),
      serverCertificates: [
        { name: 'legacy-elb', id: 'ASCALEGACYELB0000001', uploadedAt: ago(900), expiresAt: ago(30) },
        { name: 'api-2025', id: 'ASCAAPI2025000000001', uploadedAt: ago(200), expiresAt: ago(-165) },
        { name: 'www-2025', id: 'ASCAWWW2025000000001', uploadedAt: ago(100), expiresAt: ago(-265) },
      ],
      credentialReportStartedCalls: 0,
    },
    buckets: [],
    trails: [
      { name: 'org-audit', homeRegion: 'us-east-1', multiRegion: true, organization: false, logging: true },
      { name: 'eu-app', homeRegion: 'eu-west-1', multiRegion: false, organization: false, logging: true },
    ],
    regional: {},
  };

  // Regions ---------------------------------------------------------------------------------------------
  const instancesPerRegion = Math.max(1, Math.round(scaled(BASE_SIZES.instances, factor) / SYNTHETIC_REGIONS.length));
  SYNTHETIC_REGIONS.forEach((region, r) => {
    const rw: RegionWorld = emptyRegion();
    const vpcCount = scaled(BASE_SIZES.vpcsPerRegion, factor);
    for (let v = 0; v < vpcCount; v++) {
      const vpcId = hex('vpc', r, v);
      rw.vpcs.push({ id: vpcId, cidr: `10.${v % 256}.0.0/16`, isDefault: v === 0, name: v === 0 ? undefined : `vpc-${v}` });
      if (chance(0.6)) rw.flowLogs.push({ id: hex('fl', r, v), resourceId: vpcId, status: 'ACTIVE', trafficType: pick(['ALL', 'REJECT', 'ACCEPT'] as const), deliverLogsStatus: 'SUCCESS' });
      for (let a = 0; a < 3; a++) {
        const aclId = hex('acl', r, v * 3 + a);
        rw.networkAcls.push({
          id: aclId,
          vpcId,
          isDefault: a === 0,
          subnetIds: [hex('subnet', r, v * 6 + a * 2), hex('subnet', r, v * 6 + a * 2 + 1)],
          entries:
            a === 0 || chance(0.3)
              ? [{ ruleNumber: 100, protocol: '-1', action: 'allow', egress: false, cidr: '0.0.0.0/0' }, { ruleNumber: 100, protocol: '-1', action: 'allow', egress: true, cidr: '0.0.0.0/0' }]
              : [
                  { ruleNumber: 100, protocol: '6', action: 'allow', egress: false, cidr: '0.0.0.0/0', fromPort: 443, toPort: 443 },
                  { ruleNumber: 110, protocol: '6', action: 'allow', egress: false, cidr: '10.0.0.0/8', fromPort: 22, toPort: 22 },
                  { ruleNumber: 100, protocol: '-1', action: 'allow', egress: true, cidr: '0.0.0.0/0' },
                ],
        });
      }
    }

    let ruleCounter = 0;
    const rule = (fields: Omit<SecurityGroupRule, 'id'>): SecurityGroupRule => ({ id: hex('sgr', r, ruleCounter++), ...fields });
    const groupCount = scaled(BASE_SIZES.securityGroupsPerRegion, factor);
    for (let g = 0; g < groupCount; g++) {
      const id = hex('sg', r, g);
      const isDefault = g < vpcCount;
      const vpcId = rw.vpcs[isDefault ? g : Math.floor(rnd() * vpcCount)]!.id;
      const egress = rule({ egress: true, protocol: '-1', cidrIpv4: '0.0.0.0/0' });
      let rules: SecurityGroupRule[];
      if (isDefault) {
        // AWS's default group: all traffic from itself in, everything out; some accounts cleaned theirs up.
        rules = chance(0.5) ? [] : [rule({ egress: false, protocol: '-1', referencedGroupId: id }), egress, rule({ egress: true, protocol: '-1', cidrIpv6: '::/0' })];
      } else {
        const roll = rnd();
        const exposed =
          roll < 0.01
            ? rule({ egress: false, protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0', description: 'ssh' })
            : roll < 0.015
              ? rule({ egress: false, protocol: 'tcp', fromPort: 3389, toPort: 3389, cidrIpv6: '::/0' })
              : roll < 0.02
                ? rule({ egress: false, protocol: '-1', cidrIpv4: '0.0.0.0/0' })
                : roll < 0.03
                  ? rule({ egress: false, protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrIpv4: '0.0.0.0/0' })
                  : rule({ egress: false, protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '10.0.0.0/8' });
        rules = [rule({ egress: false, protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: chance(0.5) ? '0.0.0.0/0' : '10.0.0.0/8' }), exposed, egress];
      }
      const group: SecurityGroup = { id, name: isDefault ? 'default' : `app-${g}`, vpcId, description: isDefault ? 'default VPC security group' : `app ${g}`, rules };
      rw.securityGroups.push(group);
    }

    for (let i = 0; i < instancesPerRegion; i++) {
      const id = hex('i', r, i);
      const vpc = pick(rw.vpcs);
      const groupsOfVpc = rw.securityGroups.filter((g) => g.vpcId === vpc.id && g.name !== 'default');
      const sgs = groupsOfVpc.length > 0 ? [pick(groupsOfVpc).id] : [rw.securityGroups[0]!.id];
      const running = chance(0.9);
      const instance: Instance = {
        id,
        name: `app-${r}-${i}`,
        state: running ? 'running' : 'stopped',
        httpTokens: chance(0.3) ? 'optional' : 'required',
        httpEndpoint: chance(0.05) ? 'disabled' : 'enabled',
        ...(running && chance(0.2) ? { publicIp: `203.0.${r}.${i % 256}` } : {}),
        ...(chance(0.5) ? { instanceProfile: pick(profileRoles) } : {}),
        vpcId: vpc.id,
        subnetId: hex('subnet', r, rw.vpcs.indexOf(vpc) * 6),
        securityGroupIds: sgs,
        platform: chance(0.8) ? 'Linux/UNIX' : 'Windows',
      };
      rw.instances.push(instance);
      rw.networkInterfaces.push({ id: hex('eni', r, i), type: 'interface', instanceId: id, groupIds: sgs });
      if (running && chance(0.8)) {
        rw.managedInstances.push({
          instanceId: id,
          pingStatus: chance(0.95) ? 'Online' : 'ConnectionLost',
          lastPingAt: ago(rnd()),
          platformType: instance.platform === 'Windows' ? 'Windows' : 'Linux',
          platformName: instance.platform === 'Windows' ? 'Microsoft Windows Server 2022' : 'Amazon Linux',
          agentVersion: '3.3.1000.0',
        });
        const compliant = chance(0.85);
        rw.patchCompliance.push({
          instanceId: id,
          status: compliant ? 'COMPLIANT' : 'NON_COMPLIANT',
          missing: compliant ? { critical: 0, high: 0, medium: 0, low: 0 } : { critical: Math.floor(rnd() * 3), high: 1 + Math.floor(rnd() * 4), medium: 2, low: 1 },
          compliantCount: 200 + Math.floor(rnd() * 100),
          executedAt: ago(rnd() * 7),
        });
      }
    }
    for (let e = 0; e < scaled(BASE_SIZES.otherInterfacesPerRegion, factor); e++) {
      rw.networkInterfaces.push({ id: hex('eni', r, 0x100000 + e), type: pick(['network_load_balancer', 'nat_gateway', 'lambda', 'vpc_endpoint']), groupIds: [pick(rw.securityGroups).id] });
    }

    for (let s = 0; s < scaled(BASE_SIZES.snapshotsPerRegion, factor); s++) {
      rw.snapshots.push({ id: hex('snap', r, s), volumeId: hex('vol', r, s), sizeGiB: 8 + (s % 5) * 8, encrypted: chance(0.7), public: s === 0 && r < 2, startedAt: ago(rnd() * 365), name: `backup-${s}` });
    }
    for (let d = 0; d < scaled(BASE_SIZES.documentsPerRegion, factor); d++) {
      rw.documents.push({ name: `Runbook-${r}-${d}`, type: 'Command', version: '1', sharedWith: d === 0 && r === 0 ? ['all'] : d === 1 ? ['444455556666'] : [] });
    }
    rw.ebsEncryptionByDefault = r !== 3;
    rw.guardDutyDetectors = r < 3 ? [{ id: `detector${r}${'0'.repeat(27)}`, status: 'ENABLED' }] : [];
    rw.inspector = r < 2 ? { accountStatus: 'ENABLED', ec2Status: 'ENABLED' } : { accountStatus: 'DISABLED', ec2Status: 'DISABLED' };
    rw.analyzers = r % 2 === 0 ? [{ name: `external-access-${region}`, type: 'ACCOUNT', status: 'ACTIVE' }] : [];
    world.regional[region] = rw;
  });

  // S3 --------------------------------------------------------------------------------------------------
  const bucketCount = scaled(BASE_SIZES.buckets, factor);
  for (let b = 0; b < bucketCount; b++) {
    const name = `synthetic-${accountId}-${String(b).padStart(5, '0')}`;
    const arn = `arn:aws:s3:::${name}`;
    const roll = rnd();
    const policy: PolicyDoc | undefined =
      roll < 0.02
        ? { Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${arn}/*` }] }
        : roll < 0.35
          ? {
              Version: '2012-10-17',
              Statement: [{ Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [arn, `${arn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
            }
          : roll < 0.5
            ? { Version: '2012-10-17', Statement: [{ Sid: 'Team', Effect: 'Allow', Principal: { AWS: arns.role(accountId, 'service-role-1') }, Action: 's3:*', Resource: `${arn}/*` }] }
            : undefined;
    const bucket: Bucket = {
      name,
      region: BUCKET_REGIONS[b % BUCKET_REGIONS.length]!,
      createdAt: ago(rnd() * 1000),
      ...(policy ? { policy } : {}),
      aclGrants: chance(0.02) ? [{ grantee: { type: 'Group', uri: ALL_USERS_URI }, permission: 'READ' }] : [],
      ...(chance(0.6) ? { publicAccessBlock: ALL_ON } : {}),
      ...(chance(0.4) ? { versioning: 'Enabled' as const } : {}),
      mfaDelete: false,
      ...(chance(0.3) ? { logging: { targetBucket: `logs-${accountId}`, targetPrefix: `${name}/` } } : {}),
      ...(chance(0.7) ? { objectOwnership: 'BucketOwnerEnforced' as const } : {}),
    };
    world.buckets.push(bucket);
  }
  return world;
}
