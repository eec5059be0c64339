// The fewest AWS calls the whole catalogue needs for an account, and the longest chain of calls that must
// happen one after another, both from the account's sizes and each API's largest page size. A scan can't
// do better than this however it is written: the benchmark compares what it actually did against it.
import { minimumPages } from '../test/fake-aws/pages.ts';
import { enabledRegions, regionOf, type World } from '../test/fake-aws/world.ts';

export interface CallPlan {
  /** Minimum calls by `Service:Operation`. */
  byOperation: Map<string, number>;
  total: number;
  /** Calls on the longest dependent chain (each waits for the previous answer). */
  criticalPathCalls: number;
}

/**
 * What the catalogue of CHECKS.md must read, per account:
 * - engine: GetCallerIdentity (whose account is this) and DescribeRegions (which regions are enabled),
 *   one each, before anything regional can start;
 * - IAM, once: GetAccountSummary, GetAccountPasswordPolicy, GenerateCredentialReport + GetCredentialReport
 *   (one report serves every per-user check: no per-user calls), GetAccountAuthorizationDetails (users,
 *   groups, roles, customer policies with documents), ListVirtualMFADevices, ListServerCertificates;
 * - S3, once: ListBuckets (with MaxBuckets, so it carries each bucket's region and GetBucketLocation is not
 *   needed) and S3 Control GetPublicAccessBlock; then per bucket, in its region, the seven reads the S3 rows
 *   name: GetPublicAccessBlock, GetBucketPolicyStatus, GetBucketAcl, GetBucketPolicy, GetBucketVersioning,
 *   GetBucketLogging, GetBucketOwnershipControls;
 * - CloudTrail, once: DescribeTrails (shadow trails included) and GetTrailStatus per multi-region trail;
 * - per enabled region: the EC2 listings (security groups, their rules, network interfaces, instances,
 *   network ACLs, VPCs, flow logs), GetEbsEncryptionByDefault, DescribeSnapshots twice (the account's own
 *   snapshots for a PASS each, and those restorable by all for the FAILs: one listing cannot say both),
 *   SSM DescribeInstanceInformation, ListResourceComplianceSummaries, ListDocuments(Owner=Self) plus
 *   DescribeDocumentPermission per document, GuardDuty ListDetectors plus GetDetector per detector,
 *   Inspector BatchGetAccountStatus, Access Analyzer ListAnalyzers.
 * Every listing counts ceil(items / largest page size), and at least one call even when empty.
 */
export function minimumCalls(world: World): CallPlan {
  const byOperation = new Map<string, number>();
  const add = (key: string, calls: number) => byOperation.set(key, (byOperation.get(key) ?? 0) + calls);
  const { iam } = world;

  add('STS:GetCallerIdentity', 1);
  add('EC2:DescribeRegions', 1);

  add('IAM:GetAccountSummary', 1);
  add('IAM:GetAccountPasswordPolicy', 1);
  add('IAM:GenerateCredentialReport', 1 + iam.credentialReportStartedCalls);
  add('IAM:GetCredentialReport', 1);
  const authItems = iam.users.length + iam.groups.length + iam.roles.length + iam.policies.length;
  const authPages = minimumPages('IAM:GetAccountAuthorizationDetails', authItems);
  add('IAM:GetAccountAuthorizationDetails', authPages);
  const mfaPages = minimumPages('IAM:ListVirtualMFADevices', iam.virtualMfaDevices.length);
  add('IAM:ListVirtualMFADevices', mfaPages);
  const certPages = minimumPages('IAM:ListServerCertificates', iam.serverCertificates.length);
  add('IAM:ListServerCertificates', certPages);

  const regions = enabledRegions(world);
  const scanned = new Set(regions);
  const buckets = world.buckets.filter((b) => scanned.has(b.region));
  const bucketPages = minimumPages('S3:ListBuckets', world.buckets.length);
  add('S3:ListBuckets', bucketPages);
  add('S3Control:GetPublicAccessBlock', 1);
  for (const operation of [
    'GetPublicAccessBlock',
    'GetBucketPolicyStatus',
    'GetBucketAcl',
    'GetBucketPolicy',
    'GetBucketVersioning',
    'GetBucketLogging',
    'GetBucketOwnershipControls',
  ]) {
    add(`S3:${operation}`, buckets.length);
  }

  const multiRegionTrails = world.trails.filter((t) => t.multiRegion).length;
  add('CloudTrail:DescribeTrails', 1);
  add('CloudTrail:GetTrailStatus', multiRegionTrails);

  // Chains that start once the regions are known (the engine waits for DescribeRegions).
  const chains = [
    2 + iam.credentialReportStartedCalls, // Generate (until COMPLETE) → Get
    authPages,
    mfaPages,
    certPages,
    bucketPages + (buckets.length > 0 ? 1 : 0), // the per-bucket reads follow the listing
    1 + (multiRegionTrails > 0 ? 1 : 0),
  ];

  for (const region of regions) {
    const rw = regionOf(world, region);
    const rules = rw.securityGroups.reduce((sum, g) => sum + g.rules.length, 0);
    const page = (key: string, count: number) => {
      const calls = minimumPages(key, count);
      add(key, calls);
      return calls;
    };
    const groups = page('EC2:DescribeSecurityGroups', rw.securityGroups.length);
    const rulePages = page('EC2:DescribeSecurityGroupRules', rules);
    const interfaces = page('EC2:DescribeNetworkInterfaces', rw.networkInterfaces.length);
    const instances = page('EC2:DescribeInstances', rw.instances.filter((i) => i.state !== 'terminated' && i.state !== 'shutting-down').length);
    const acls = page('EC2:DescribeNetworkAcls', rw.networkAcls.length);
    const vpcs = page('EC2:DescribeVpcs', rw.vpcs.length);
    const flowLogs = page('EC2:DescribeFlowLogs', rw.flowLogs.length);
    add('EC2:GetEbsEncryptionByDefault', 1);
    const publicSnapshots = minimumPages('EC2:DescribeSnapshots', rw.snapshots.filter((s) => s.public).length);
    const ownSnapshots = minimumPages('EC2:DescribeSnapshots', rw.snapshots.length);
    add('EC2:DescribeSnapshots', publicSnapshots + ownSnapshots);
    const managed = page('SSM:DescribeInstanceInformation', rw.managedInstances.length);
    const patch = page('SSM:ListResourceComplianceSummaries', rw.patchCompliance.length);
    const documents = page('SSM:ListDocuments', rw.documents.length);
    const permissionPages = rw.documents.map((d) => minimumPages('SSM:DescribeDocumentPermission', d.sharedWith.length));
    add('SSM:DescribeDocumentPermission', permissionPages.reduce((sum, n) => sum + n, 0));
    const detectors = rw.guardDutyDetectors?.length ?? 0;
    const detectorPages = page('GuardDuty:ListDetectors', detectors);
    add('GuardDuty:GetDetector', detectors);
    add('Inspector2:BatchGetAccountStatus', 1);
    const analyzers = page('AccessAnalyzer:ListAnalyzers', rw.analyzers.length);
    chains.push(
      groups + rulePages, // rules are listed after the groups they belong to
      interfaces,
      instances,
      acls,
      vpcs,
      flowLogs,
      publicSnapshots + ownSnapshots,
      managed,
      patch,
      documents + Math.max(0, ...permissionPages),
      detectorPages + (detectors > 0 ? 1 : 0),
      analyzers,
    );
  }

  const total = [...byOperation.values()].reduce((sum, n) => sum + n, 0);
  return { byOperation, total, criticalPathCalls: 2 + Math.max(...chains) };
}
