// A small account with one planted misconfiguration per check and a compliant counterpart beside it.
// Account-wide settings (root user, password policy, account Block Public Access, CloudTrail, support
// role) have only one state per account, so the world comes in two variants: `bad` plants every
// account-level problem, `good` fixes them all; per-resource and per-region plantings are the same in both.
import {
  ALL_ON,
  ALL_USERS_URI,
  arns,
  emptyRegion,
  type IamUser,
  type PolicyDoc,
  type RegionWorld,
  type World,
} from '../fake-aws/world.ts';

export const ACCOUNT = '123456789012';
export const BAD_REGION = 'us-east-1';
export const GOOD_REGION = 'eu-west-1';

const DAY = 86_400_000;

/** Where a result must appear: region and resource (and the part of it, when a check names one). */
export interface Expected {
  region: string;
  resourceId: string;
  subResourceId?: string;
}

export interface Plantings {
  /** Check id → the resources that must FAIL, and those that must PASS. */
  [checkId: string]: { fail: Expected[]; pass: Expected[] };
}

const ADMIN: PolicyDoc = { Version: '2012-10-17', Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' }] };
const READ_ONLY: PolicyDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }] };

export function plantedWorld(now: Date, variant: 'bad' | 'good'): World {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const bad = variant === 'bad';
  const used = (days: number) => ({ at: ago(days), region: BAD_REGION, service: 's3' });
  const user = (name: string, fields: Partial<IamUser>): IamUser => ({
    name,
    createdAt: ago(400),
    mfa: false,
    keys: [],
    groups: [],
    attachedPolicyArns: [],
    inlinePolicies: [],
    ...fields,
  });
  const console = (lastUsedDays: number) => ({ lastUsed: ago(lastUsedDays), lastChangedAt: ago(300) });

  const users: IamUser[] = [
    user('alice-console-nomfa', { password: console(2) }),
    user('bob-good', {
      password: console(1),
      mfa: true,
      keys: [{ id: 'AKIABOBGOOD000000001', active: true, createdAt: ago(10), lastUsed: used(1) }],
      groups: ['developers'],
    }),
    user('old-key', { keys: [{ id: 'AKIAOLDKEY0000000001', active: true, createdAt: ago(200), lastUsed: used(1) }], groups: ['developers'] }),
    user('stale-key', { keys: [{ id: 'AKIASTALEKEY00000001', active: true, createdAt: ago(80), lastUsed: used(60) }], groups: ['developers'] }),
    user('two-keys', {
      keys: [
        { id: 'AKIATWOKEYS000000001', active: true, createdAt: ago(10), lastUsed: used(1) },
        { id: 'AKIATWOKEYS000000002', active: true, createdAt: ago(5), lastUsed: used(1) },
      ],
      groups: ['developers'],
    }),
    user('initial-key', {
      createdAt: ago(30),
      password: console(1),
      mfa: true,
      keys: [{ id: 'AKIAINITIALKEY000001', active: true, createdAt: ago(30) }],
      groups: ['developers'],
    }),
    user('direct-policy', { attachedPolicyArns: [arns.policy(ACCOUNT, 'ReadOnlyTeam')] }),
    user('no-keys', { password: console(1), mfa: true, groups: ['developers'] }),
  ];

  const us: RegionWorld = {
    ...emptyRegion(),
    vpcs: [{ id: 'vpc-a', cidr: '10.0.0.0/16', isDefault: true }],
    securityGroups: [
      {
        id: 'sg-default-a',
        name: 'default',
        vpcId: 'vpc-a',
        description: 'default VPC security group',
        rules: [
          { id: 'sgr-default-in', egress: false, protocol: '-1', referencedGroupId: 'sg-default-a' },
          { id: 'sgr-default-out', egress: true, protocol: '-1', cidrIpv4: '0.0.0.0/0' },
        ],
      },
      {
        id: 'sg-ssh-world',
        name: 'ssh-world',
        vpcId: 'vpc-a',
        description: 'ssh from anywhere',
        rules: [{ id: 'sgr-ssh', egress: false, protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' }],
      },
      {
        id: 'sg-rdp-v6',
        name: 'rdp-v6',
        vpcId: 'vpc-a',
        description: 'rdp from anywhere over IPv6',
        rules: [{ id: 'sgr-rdp6', egress: false, protocol: 'tcp', fromPort: 3389, toPort: 3389, cidrIpv6: '::/0' }],
      },
      {
        id: 'sg-all-open',
        name: 'all-open',
        vpcId: 'vpc-a',
        description: 'everything from anywhere',
        rules: [{ id: 'sgr-all', egress: false, protocol: '-1', cidrIpv4: '0.0.0.0/0' }],
      },
      {
        id: 'sg-mysql-world',
        name: 'mysql-world',
        vpcId: 'vpc-a',
        description: 'mysql from anywhere',
        rules: [{ id: 'sgr-mysql', egress: false, protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrIpv4: '0.0.0.0/0' }],
      },
      {
        id: 'sg-web',
        name: 'web',
        vpcId: 'vpc-a',
        description: 'https from anywhere, ssh from the VPN',
        rules: [
          { id: 'sgr-https', egress: false, protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/0' },
          { id: 'sgr-ssh-vpn', egress: false, protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '10.0.0.0/8' },
          { id: 'sgr-web-out', egress: true, protocol: '-1', cidrIpv4: '0.0.0.0/0' },
        ],
      },
    ],
    networkAcls: [
      {
        id: 'acl-open',
        vpcId: 'vpc-a',
        isDefault: true,
        subnetIds: ['subnet-a1'],
        entries: [{ ruleNumber: 100, protocol: '6', action: 'allow', egress: false, cidr: '0.0.0.0/0', fromPort: 22, toPort: 22 }],
      },
      {
        id: 'acl-closed',
        vpcId: 'vpc-a',
        isDefault: false,
        subnetIds: ['subnet-a2'],
        entries: [{ ruleNumber: 100, protocol: '6', action: 'allow', egress: false, cidr: '0.0.0.0/0', fromPort: 443, toPort: 443 }],
      },
    ],
    instances: [
      { id: 'i-imdsv1', state: 'running', httpTokens: 'optional', httpEndpoint: 'enabled', publicIp: '203.0.113.10', instanceProfile: 'web-instance', vpcId: 'vpc-a', subnetId: 'subnet-a1', securityGroupIds: ['sg-ssh-world'], platform: 'Linux/UNIX' },
      { id: 'i-good', state: 'running', httpTokens: 'required', httpEndpoint: 'enabled', instanceProfile: 'web-instance', vpcId: 'vpc-a', subnetId: 'subnet-a2', securityGroupIds: ['sg-web'], platform: 'Linux/UNIX' },
      { id: 'i-admin', state: 'running', httpTokens: 'required', httpEndpoint: 'enabled', instanceProfile: 'admin-instance', vpcId: 'vpc-a', subnetId: 'subnet-a2', securityGroupIds: ['sg-web'], platform: 'Linux/UNIX' },
      { id: 'i-unmanaged', state: 'running', httpTokens: 'required', httpEndpoint: 'enabled', vpcId: 'vpc-a', subnetId: 'subnet-a2', securityGroupIds: ['sg-web'], platform: 'Linux/UNIX' },
      // Terminated instances must never appear in any result.
      { id: 'i-terminated', state: 'terminated', httpTokens: 'optional', httpEndpoint: 'enabled', vpcId: 'vpc-a', subnetId: 'subnet-a2', securityGroupIds: ['sg-ssh-world'], platform: 'Linux/UNIX' },
    ],
    networkInterfaces: [
      { id: 'eni-imdsv1', type: 'interface', instanceId: 'i-imdsv1', groupIds: ['sg-ssh-world'] },
      { id: 'eni-good', type: 'interface', instanceId: 'i-good', groupIds: ['sg-web'] },
      { id: 'eni-admin', type: 'interface', instanceId: 'i-admin', groupIds: ['sg-web'] },
      { id: 'eni-unmanaged', type: 'interface', instanceId: 'i-unmanaged', groupIds: ['sg-web'] },
    ],
    ebsEncryptionByDefault: false,
    snapshots: [
      { id: 'snap-public', volumeId: 'vol-1', sizeGiB: 8, encrypted: false, public: true, startedAt: ago(20) },
      { id: 'snap-private', volumeId: 'vol-2', sizeGiB: 8, encrypted: true, public: false, startedAt: ago(20) },
    ],
    managedInstances: ['i-imdsv1', 'i-good', 'i-admin'].map((instanceId) => ({
      instanceId,
      pingStatus: 'Online' as const,
      lastPingAt: ago(0),
      platformType: 'Linux' as const,
      platformName: 'Amazon Linux',
      agentVersion: '3.3.1000.0',
    })),
    patchCompliance: [
      { instanceId: 'i-imdsv1', status: 'NON_COMPLIANT', missing: { critical: 1, high: 2, medium: 0, low: 0 }, compliantCount: 300, executedAt: ago(1) },
      { instanceId: 'i-good', status: 'COMPLIANT', missing: { critical: 0, high: 0, medium: 0, low: 0 }, compliantCount: 310, executedAt: ago(1) },
      { instanceId: 'i-admin', status: 'COMPLIANT', missing: { critical: 0, high: 0, medium: 0, low: 0 }, compliantCount: 310, executedAt: ago(1) },
    ],
    documents: [
      { name: 'PublicRunbook', type: 'Command', version: '1', sharedWith: ['all'] },
      { name: 'PrivateRunbook', type: 'Command', version: '1', sharedWith: [] },
    ],
    guardDutyDetectors: [],
    inspector: { accountStatus: 'DISABLED', ec2Status: 'DISABLED' },
    analyzers: [],
  };

  const eu: RegionWorld = {
    ...emptyRegion(),
    vpcs: [{ id: 'vpc-b', cidr: '10.1.0.0/16', isDefault: true }],
    securityGroups: [{ id: 'sg-default-b', name: 'default', vpcId: 'vpc-b', description: 'default VPC security group', rules: [] }],
    networkAcls: [],
    flowLogs: [{ id: 'fl-b', resourceId: 'vpc-b', status: 'ACTIVE', trafficType: 'ALL', deliverLogsStatus: 'SUCCESS' }],
    ebsEncryptionByDefault: true,
    guardDutyDetectors: [{ id: 'detectoreu', status: 'ENABLED' }],
    inspector: { accountStatus: 'ENABLED', ec2Status: 'ENABLED' },
    analyzers: [{ name: 'external-access', type: 'ACCOUNT', status: 'ACTIVE' }],
  };

  const publicBucket = 'planted-public-bucket';
  const privateBucket = 'planted-private-bucket';
  const privateArn = `arn:aws:s3:::${privateBucket}`;

  return {
    accountId: ACCOUNT,
    regions: [
      { name: BAD_REGION, optInStatus: 'opt-in-not-required' },
      { name: GOOD_REGION, optInStatus: 'opt-in-not-required' },
      { name: 'ap-east-1', optInStatus: 'not-opted-in' },
    ],
    iam: {
      root: bad
        ? { createdAt: ago(2000), mfa: false, passwordLastUsed: ago(3), keys: [{ id: 'AKIAROOTKEY000000001', active: true, createdAt: ago(900), lastUsed: used(3) }] }
        : { createdAt: ago(2000), mfa: true, passwordLastUsed: ago(200), keys: [] },
      users,
      groups: [
        { name: 'developers', attachedPolicyArns: [arns.policy(ACCOUNT, 'ReadOnlyTeam')], inlinePolicies: [] },
        { name: 'admins', attachedPolicyArns: [arns.policy(ACCOUNT, 'AllAdmin')], inlinePolicies: [] },
      ],
      roles: [
        { name: 'web-instance', attachedPolicyArns: [arns.awsManaged('AmazonSSMManagedInstanceCore')], inlinePolicies: [], instanceProfiles: ['web-instance'] },
        { name: 'admin-instance', attachedPolicyArns: [arns.awsManaged('AdministratorAccess')], inlinePolicies: [], instanceProfiles: ['admin-instance'] },
        ...(bad ? [] : [{ name: 'support', attachedPolicyArns: [arns.awsManaged('AWSSupportAccess')], inlinePolicies: [], instanceProfiles: [] }]),
      ],
      policies: [
        { name: 'AllAdmin', document: ADMIN },
        { name: 'ReadOnlyTeam', document: READ_ONLY },
      ],
      passwordPolicy: bad ? null : { MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true },
      virtualMfaDevices: users
        .filter((u) => u.mfa)
        .map((u) => ({ serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${u.name}`, assignedTo: `user/${u.name}`, enabledAt: ago(100) })),
      serverCertificates: [
        { name: 'expired-cert', id: 'ASCAEXPIRED000000001', uploadedAt: ago(800), expiresAt: ago(10) },
        { name: 'valid-cert', id: 'ASCAVALID00000000001', uploadedAt: ago(100), expiresAt: ago(-100) },
      ],
      // Real accounts often have no fresh report: the collector must generate one and wait for it.
      credentialReportStartedCalls: 1,
    },
    ...(bad ? {} : { accountPublicAccessBlock: ALL_ON }),
    buckets: [
      {
        name: publicBucket,
        region: BAD_REGION,
        createdAt: ago(100),
        policy: {
          Version: '2012-10-17',
          Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${publicBucket}/*` }],
        },
        aclGrants: [{ grantee: { type: 'Group', uri: ALL_USERS_URI }, permission: 'READ' }],
        mfaDelete: false,
      },
      {
        name: privateBucket,
        region: GOOD_REGION,
        createdAt: ago(100),
        policy: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [privateArn, `${privateArn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
          ],
        },
        aclGrants: [],
        publicAccessBlock: ALL_ON,
        versioning: 'Enabled',
        mfaDelete: true,
        logging: { targetBucket: 'planted-logs', targetPrefix: `${privateBucket}/` },
        objectOwnership: 'BucketOwnerEnforced',
      },
    ],
    trails: bad
      ? [{ name: 'app-trail', homeRegion: BAD_REGION, multiRegion: false, organization: false, logging: true }]
      : [{ name: 'org-audit', homeRegion: BAD_REGION, multiRegion: true, organization: false, logging: true }],
    regional: { [BAD_REGION]: us, [GOOD_REGION]: eu },
  };
}

const at = (region: string, resourceId: string, subResourceId?: string): Expected => ({ region, resourceId, ...(subResourceId ? { subResourceId } : {}) });
const g = (resourceId: string, subResourceId?: string) => at('global', resourceId, subResourceId);
const us = (resourceId: string, subResourceId?: string) => at(BAD_REGION, resourceId, subResourceId);
const eu = (resourceId: string, subResourceId?: string) => at(GOOD_REGION, resourceId, subResourceId);
const regionsOf = (region: string) => at(region, `${ACCOUNT}/${region}`);

/** What the resources planted in both variants must show (the account-level checks are in ACCOUNT_LEVEL). */
export const PLANTED: Plantings = {
  'iam.user-console-mfa': { fail: [g('alice-console-nomfa')], pass: [g('bob-good'), g('old-key')] },
  'iam.access-key-rotation': { fail: [g('old-key', 'access_key_1')], pass: [g('bob-good', 'access_key_1'), g('stale-key', 'access_key_1')] },
  'iam.unused-credentials': { fail: [g('stale-key', 'access_key_1')], pass: [g('bob-good', 'access_key_1'), g('bob-good', 'password'), g('initial-key', 'access_key_1')] },
  'iam.multiple-active-keys': { fail: [g('two-keys')], pass: [g('bob-good')] },
  'iam.initial-access-key': { fail: [g('initial-key', 'access_key_1')], pass: [g('bob-good', 'access_key_1')] },
  'iam.user-attached-policies': { fail: [g('direct-policy')], pass: [g('bob-good')] },
  'iam.admin-policy-attached': { fail: [g('AllAdmin')], pass: [g('ReadOnlyTeam')] },
  'iam.expired-certificates': { fail: [g('expired-cert')], pass: [g('valid-cert')] },
  'iam.long-lived-keys': { fail: [g('bob-good')], pass: [g('no-keys')] },
  's3.bucket-public': { fail: [], pass: [eu('planted-private-bucket')] },
  's3.bucket-public-access-block': { fail: [us('planted-public-bucket')], pass: [eu('planted-private-bucket')] },
  's3.bucket-ssl-only': { fail: [us('planted-public-bucket')], pass: [eu('planted-private-bucket')] },
  's3.bucket-versioning': { fail: [us('planted-public-bucket')], pass: [eu('planted-private-bucket')] },
  's3.bucket-mfa-delete': { fail: [us('planted-public-bucket')], pass: [eu('planted-private-bucket')] },
  's3.bucket-access-logging': { fail: [us('planted-public-bucket')], pass: [eu('planted-private-bucket')] },
  's3.bucket-acls-enabled': { fail: [us('planted-public-bucket')], pass: [eu('planted-private-bucket')] },
  'ec2.sg-admin-port-ipv4': { fail: [us('sg-ssh-world', 'sgr-ssh'), us('sg-all-open', 'sgr-all')], pass: [us('sg-web'), us('sg-rdp-v6')] },
  'ec2.sg-admin-port-ipv6': { fail: [us('sg-rdp-v6', 'sgr-rdp6')], pass: [us('sg-web'), us('sg-ssh-world')] },
  'ec2.sg-all-ports-open': { fail: [us('sg-all-open', 'sgr-all')], pass: [us('sg-web'), us('sg-ssh-world')] },
  'ec2.sg-insecure-service-open': { fail: [us('sg-mysql-world', 'sgr-mysql')], pass: [us('sg-web'), us('sg-ssh-world')] },
  'ec2.sg-default-not-restricted': { fail: [us('sg-default-a')], pass: [eu('sg-default-b')] },
  'ec2.nacl-admin-port-open': { fail: [us('acl-open')], pass: [us('acl-closed')] },
  'ec2.imdsv2-not-required': { fail: [us('i-imdsv1')], pass: [us('i-good')] },
  'ec2.ebs-default-encryption': { fail: [us(ACCOUNT)], pass: [eu(ACCOUNT)] },
  'ec2.ebs-snapshot-public': { fail: [us('snap-public')], pass: [us('snap-private')] },
  'ec2.instance-public-ip': { fail: [us('i-imdsv1')], pass: [us('i-good')] },
  'ec2.instance-admin-role': { fail: [us('i-admin')], pass: [us('i-good'), us('i-unmanaged')] },
  'ec2.vpc-flow-logs': { fail: [us('vpc-a')], pass: [eu('vpc-b')] },
  'ssm.instance-not-managed': { fail: [us('i-unmanaged')], pass: [us('i-good')] },
  'ssm.patch-noncompliant': { fail: [us('i-imdsv1')], pass: [us('i-good')] },
  'ssm.document-public': { fail: [us('PublicRunbook')], pass: [us('PrivateRunbook')] },
  'detect.guardduty-enabled': { fail: [regionsOf(BAD_REGION)], pass: [regionsOf(GOOD_REGION)] },
  'detect.inspector-enabled': { fail: [regionsOf(BAD_REGION)], pass: [regionsOf(GOOD_REGION)] },
  'detect.access-analyzer': { fail: [regionsOf(BAD_REGION)], pass: [regionsOf(GOOD_REGION)] },
};

/** Account-wide checks: every one FAILs on the `bad` variant and PASSes on the `good` one, at these resources. */
export const ACCOUNT_LEVEL: Record<string, Expected[]> = {
  'iam.root-mfa': [g(ACCOUNT)],
  'iam.root-hardware-mfa': [g(ACCOUNT)],
  'iam.root-access-keys': [g(ACCOUNT)],
  'iam.root-recent-use': [g(ACCOUNT)],
  'iam.password-policy': [g(ACCOUNT)],
  'iam.support-role': [g(ACCOUNT)],
  's3.account-public-access-block': [g(ACCOUNT)],
  // Public through its policy and ACL; the good variant's account Block Public Access neutralises both.
  's3.bucket-public': [us('planted-public-bucket')],
  'detect.cloudtrail-multi-region': [regionsOf(BAD_REGION), regionsOf(GOOD_REGION)],
};
