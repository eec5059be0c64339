// The fake AWS account: plain data that the fake's handlers turn into SDK answers. Shapes follow what
// the account owner sets up (a user has keys, a bucket has a policy), not any one API's response, so one
// world serves every API that reads the same thing (IAM users feed both the credential report and
// GetAccountAuthorizationDetails).

export type OptInStatus = 'opt-in-not-required' | 'opted-in' | 'not-opted-in';

export interface AccessKey {
  id: string;
  active: boolean;
  createdAt: Date;
  lastUsed?: { at: Date; region: string; service: string };
}

export interface PolicyStatementDoc {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDoc {
  Version: string;
  Statement: PolicyStatementDoc[];
}

export interface InlinePolicy {
  name: string;
  document: PolicyDoc;
}

export interface IamUser {
  name: string;
  createdAt: Date;
  /** Console password; absent = no login profile. `lastUsed` absent = never used. */
  password?: { lastUsed?: Date; lastChangedAt: Date };
  mfa: boolean;
  /** At most two, as IAM allows. */
  keys: AccessKey[];
  groups: string[];
  /** Managed policy ARNs attached to the user directly. */
  attachedPolicyArns: string[];
  inlinePolicies: InlinePolicy[];
}

export interface IamGroup {
  name: string;
  attachedPolicyArns: string[];
  inlinePolicies: InlinePolicy[];
}

export interface IamRole {
  name: string;
  attachedPolicyArns: string[];
  inlinePolicies: InlinePolicy[];
  /** Names of the instance profiles that hold this role. */
  instanceProfiles: string[];
}

/** A customer-managed policy (its attachment count is derived from users, groups and roles). */
export interface ManagedPolicy {
  name: string;
  document: PolicyDoc;
}

export interface RootUser {
  createdAt: Date;
  mfa: boolean;
  passwordLastUsed?: Date;
  keys: AccessKey[];
}

export interface PasswordPolicyConfig {
  MinimumPasswordLength: number;
  PasswordReusePrevention?: number;
  RequireSymbols?: boolean;
  RequireNumbers?: boolean;
  RequireUppercaseCharacters?: boolean;
  RequireLowercaseCharacters?: boolean;
  MaxPasswordAge?: number;
}

export interface VirtualMfaDevice {
  serialNumber: string;
  /** The user (`user/<name>`) or `root` it is assigned to. */
  assignedTo: string;
  enabledAt: Date;
}

export interface ServerCertificate {
  name: string;
  id: string;
  uploadedAt: Date;
  expiresAt: Date;
}

export interface IamWorld {
  root: RootUser;
  users: IamUser[];
  groups: IamGroup[];
  roles: IamRole[];
  policies: ManagedPolicy[];
  /** null: no password policy was ever set (GetAccountPasswordPolicy answers NoSuchEntity). */
  passwordPolicy: PasswordPolicyConfig | null;
  virtualMfaDevices: VirtualMfaDevice[];
  serverCertificates: ServerCertificate[];
  /** How many GenerateCredentialReport calls answer STARTED before COMPLETE (0: a fresh report exists). */
  credentialReportStartedCalls: number;
}

export interface PublicAccessBlock {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

export interface AclGrant {
  grantee: { type: 'CanonicalUser'; id: string } | { type: 'Group'; uri: string };
  permission: 'FULL_CONTROL' | 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP';
}

export interface Bucket {
  name: string;
  region: string;
  createdAt: Date;
  policy?: PolicyDoc;
  /** Extra grants besides the owner's FULL_CONTROL. */
  aclGrants: AclGrant[];
  publicAccessBlock?: PublicAccessBlock;
  versioning?: 'Enabled' | 'Suspended';
  mfaDelete: boolean;
  logging?: { targetBucket: string; targetPrefix: string };
  objectOwnership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';
}

export interface Trail {
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  organization: boolean;
  logging: boolean;
}

export interface Vpc {
  id: string;
  cidr: string;
  isDefault: boolean;
  name?: string;
}

export interface SecurityGroupRule {
  id: string;
  egress: boolean;
  /** `tcp`, `udp`, `icmp`, `-1` … as AWS reports it. */
  protocol: string;
  fromPort?: number;
  toPort?: number;
  cidrIpv4?: string;
  cidrIpv6?: string;
  prefixListId?: string;
  referencedGroupId?: string;
  description?: string;
}

export interface SecurityGroup {
  id: string;
  name: string;
  vpcId: string;
  description: string;
  /** Groups shared from another account are listed by DescribeSecurityGroups only without an owner filter. */
  ownerId?: string;
  rules: SecurityGroupRule[];
}

export interface NetworkAclEntry {
  ruleNumber: number;
  /** `-1`, or a protocol number as a string (`6` tcp). */
  protocol: string;
  action: 'allow' | 'deny';
  egress: boolean;
  cidr?: string;
  ipv6Cidr?: string;
  fromPort?: number;
  toPort?: number;
}

export interface NetworkAcl {
  id: string;
  vpcId: string;
  isDefault: boolean;
  subnetIds: string[];
  entries: NetworkAclEntry[];
  name?: string;
}

export interface FlowLog {
  id: string;
  resourceId: string;
  status: 'ACTIVE';
  trafficType: 'ACCEPT' | 'REJECT' | 'ALL';
  deliverLogsStatus: 'SUCCESS' | 'FAILED';
}

export type InstanceState = 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';

export interface Instance {
  id: string;
  name?: string;
  state: InstanceState;
  httpTokens: 'optional' | 'required';
  httpEndpoint: 'enabled' | 'disabled';
  publicIp?: string;
  /** Instance profile name (its ARN is derived). */
  instanceProfile?: string;
  vpcId: string;
  subnetId: string;
  securityGroupIds: string[];
  platform: string;
}

export interface NetworkInterface {
  id: string;
  /** `interface` for instances; load balancers, NAT gateways etc. have their own. */
  type: string;
  instanceId?: string;
  groupIds: string[];
}

export interface Snapshot {
  id: string;
  volumeId: string;
  sizeGiB: number;
  encrypted: boolean;
  public: boolean;
  startedAt: Date;
  name?: string;
}

export interface ManagedInstance {
  instanceId: string;
  pingStatus: 'Online' | 'ConnectionLost' | 'Inactive';
  lastPingAt: Date;
  platformType: 'Linux' | 'Windows';
  platformName: string;
  agentVersion: string;
}

export interface PatchCompliance {
  instanceId: string;
  status: 'COMPLIANT' | 'NON_COMPLIANT';
  missing: { critical: number; high: number; medium: number; low: number };
  compliantCount: number;
  executedAt: Date;
}

export interface SsmDocument {
  name: string;
  type: 'Command' | 'Automation' | 'Session';
  version: string;
  /** Account ids the document is shared with; `all` = public. */
  sharedWith: string[];
}

export interface RegionWorld {
  vpcs: Vpc[];
  securityGroups: SecurityGroup[];
  networkAcls: NetworkAcl[];
  flowLogs: FlowLog[];
  instances: Instance[];
  networkInterfaces: NetworkInterface[];
  ebsEncryptionByDefault: boolean;
  snapshots: Snapshot[];
  managedInstances: ManagedInstance[];
  patchCompliance: PatchCompliance[];
  documents: SsmDocument[];
  /** undefined: GuardDuty has no endpoint in the region. */
  guardDutyDetectors?: { id: string; status: 'ENABLED' | 'DISABLED' }[];
  inspector: { accountStatus: string; ec2Status: string };
  analyzers: { name: string; type: 'ACCOUNT' | 'ORGANIZATION' | 'ACCOUNT_UNUSED_ACCESS'; status: 'ACTIVE' | 'CREATING' | 'DISABLED' | 'FAILED' }[];
}

export interface World {
  accountId: string;
  /** DescribeRegions(AllRegions) answers these. */
  regions: { name: string; optInStatus: OptInStatus }[];
  iam: IamWorld;
  /** undefined: account-level Block Public Access was never configured. */
  accountPublicAccessBlock?: PublicAccessBlock;
  buckets: Bucket[];
  trails: Trail[];
  /** Per enabled region; a region missing here answers as an empty one. */
  regional: Record<string, RegionWorld>;
}

export function emptyRegion(): RegionWorld {
  return {
    vpcs: [],
    securityGroups: [],
    networkAcls: [],
    flowLogs: [],
    instances: [],
    networkInterfaces: [],
    ebsEncryptionByDefault: false,
    snapshots: [],
    managedInstances: [],
    patchCompliance: [],
    documents: [],
    guardDutyDetectors: [],
    inspector: { accountStatus: 'DISABLED', ec2Status: 'DISABLED' },
    analyzers: [],
  };
}

export const ALL_ON: PublicAccessBlock = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

export const ALL_USERS_URI = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const AUTHENTICATED_USERS_URI = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

export const arns = {
  user: (accountId: string, name: string) => `arn:aws:iam::${accountId}:user/${name}`,
  group: (accountId: string, name: string) => `arn:aws:iam::${accountId}:group/${name}`,
  role: (accountId: string, name: string) => `arn:aws:iam::${accountId}:role/${name}`,
  policy: (accountId: string, name: string) => `arn:aws:iam::${accountId}:policy/${name}`,
  instanceProfile: (accountId: string, name: string) => `arn:aws:iam::${accountId}:instance-profile/${name}`,
  root: (accountId: string) => `arn:aws:iam::${accountId}:root`,
  awsManaged: (name: string) => `arn:aws:iam::aws:policy/${name}`,
  trail: (accountId: string, region: string, name: string) => `arn:aws:cloudtrail:${region}:${accountId}:trail/${name}`,
};

/** Every managed policy ARN attached anywhere, with how many users, groups and roles hold it. */
export function attachmentCounts(iam: IamWorld): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (arn: string) => counts.set(arn, (counts.get(arn) ?? 0) + 1);
  for (const holder of [...iam.users, ...iam.groups, ...iam.roles]) holder.attachedPolicyArns.forEach(add);
  return counts;
}

export function regionOf(world: World, region: string): RegionWorld {
  return world.regional[region] ?? emptyRegion();
}

export function enabledRegions(world: World): string[] {
  return world.regions.filter((r) => r.optInStatus !== 'not-opted-in').map((r) => r.name);
}
