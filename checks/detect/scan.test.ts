// The detection checks through the real engine: two regions, one where a service is missing, one where
// a permission is missing; and the commands sent are exactly the declared IAM actions, sent once each.
import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectChecks } from './index.ts';
import { DETECT_COMMAND_ACTIONS } from '../../src/collectors/detect/actions.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { scan } from '../../src/engine/scan.ts';
import type { AnyCollector } from '../../src/engine/types.ts';
import { awsError, dnsNotFound } from '../../test/collectors/detect/context.ts';

const ACCOUNT = '111122223333';
const TRAIL = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/main`;

const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const cloudtrail = mockClient(CloudTrailClient);
const guardduty = mockClient(GuardDutyClient);
const inspector = mockClient(Inspector2Client);
const analyzer = mockClient(AccessAnalyzerClient);
const detectionMocks = { CloudTrailClient: cloudtrail, GuardDutyClient: guardduty, Inspector2Client: inspector, AccessAnalyzerClient: analyzer };

const regionOf = (getClient: () => { config: { region: () => Promise<string> } }) => getClient().config.region();

beforeEach(() => {
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
  ec2.on(DescribeRegionsCommand).resolves({
    Regions: [
      { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'ap-southeast-5', OptInStatus: 'opted-in' },
      { RegionName: 'af-south-1', OptInStatus: 'not-opted-in' },
    ],
  });
  cloudtrail.on(DescribeTrailsCommand).resolves({
    trailList: [{ Name: 'main', TrailARN: TRAIL, HomeRegion: 'eu-west-1', IsMultiRegionTrail: true }],
  });
  cloudtrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
  guardduty.on(ListDetectorsCommand).callsFake(async (_input, getClient) => {
    if ((await regionOf(getClient)) === 'ap-southeast-5') throw awsError('AccessDeniedException', 'not authorized to perform guardduty:ListDetectors');
    return { DetectorIds: ['d-eu'] };
  });
  guardduty.on(GetDetectorCommand).resolves({ Status: 'ENABLED', ServiceRole: 'role' });
  inspector.on(BatchGetAccountStatusCommand).callsFake(async (_input, getClient) => {
    if ((await regionOf(getClient)) === 'ap-southeast-5') throw dnsNotFound('inspector2.ap-southeast-5.amazonaws.com');
    const disabled = { status: 'DISABLED', errorCode: undefined, errorMessage: undefined };
    return { accounts: [{ accountId: ACCOUNT, state: disabled, resourceState: { ec2: disabled, ecr: disabled } }] };
  });
  analyzer.on(ListAnalyzersCommand).callsFake(async (input: { nextToken?: string }, getClient) => {
    const region = await regionOf(getClient);
    const arn = `arn:aws:access-analyzer:${region}:${ACCOUNT}:analyzer`;
    const createdAt = new Date('2026-01-01T00:00:00Z');
    if (region === 'ap-southeast-5') return { analyzers: [{ arn: `${arn}/ext`, name: 'ext', type: 'ACCOUNT', status: 'ACTIVE', createdAt }] };
    if (!input.nextToken) return { analyzers: [{ arn: `${arn}/unused`, name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE', createdAt }], nextToken: 'p2' };
    return { analyzers: [] };
  });
});

afterEach(() => {
  for (const mock of [sts, ec2, ...Object.values(detectionMocks)]) mock.reset();
});

describe('detection checks in a scan', () => {
  it('reports per region: a note where a service is missing, ERROR only where access is denied', async () => {
    const report = await scan({}, { settings: defaultSettings(), checks: detectChecks });

    expect(report.regions).toEqual(['ap-southeast-5', 'eu-west-1']);
    expect(report.results.map((r) => [r.checkId, r.region, r.status]).sort()).toEqual(
      [
        ['detect.access-analyzer', 'ap-southeast-5', 'PASS'],
        ['detect.access-analyzer', 'eu-west-1', 'FAIL'],
        ['detect.cloudtrail-multi-region', 'ap-southeast-5', 'PASS'],
        ['detect.cloudtrail-multi-region', 'eu-west-1', 'PASS'],
        ['detect.guardduty-enabled', 'ap-southeast-5', 'ERROR'],
        ['detect.guardduty-enabled', 'eu-west-1', 'PASS'],
        // No Inspector result at all in ap-southeast-5: neither PASS nor FAIL where it doesn't exist.
        ['detect.inspector-enabled', 'eu-west-1', 'FAIL'],
      ].sort(),
    );
    const denied = report.results.find((r) => r.status === 'ERROR');
    expect(denied?.evidence).toContain('AccessDeniedException');
    expect(report.errors).toMatchObject([{ accountId: ACCOUNT, region: 'ap-southeast-5', checkIds: ['detect.guardduty-enabled'] }]);
    expect(report.notes).toEqual([
      {
        accountId: ACCOUNT,
        region: 'ap-southeast-5',
        message: 'Amazon Inspector is not available in ap-southeast-5 (it has no endpoint in ap-southeast-5); its check was skipped there.',
      },
    ]);
    for (const result of report.results.filter((r) => r.status !== 'ERROR')) {
      expect(result).toMatchObject({ accountId: ACCOUNT, resourceType: 'AWS::::Account', resourceId: `${ACCOUNT}/${result.region}` });
    }
  });

  it('sends the fewest calls: one trail listing and one status per multi-region trail for the whole account', async () => {
    await scan({}, { settings: defaultSettings(), checks: detectChecks });

    expect(cloudtrail.commandCalls(DescribeTrailsCommand)).toHaveLength(1);
    expect(cloudtrail.commandCalls(GetTrailStatusCommand)).toHaveLength(1);
    expect(guardduty.commandCalls(ListDetectorsCommand)).toHaveLength(2);
    expect(guardduty.commandCalls(GetDetectorCommand)).toHaveLength(1);
    expect(inspector.commandCalls(BatchGetAccountStatusCommand)).toHaveLength(2);
    // eu-west-1 has two pages, ap-southeast-5 one.
    expect(analyzer.commandCalls(ListAnalyzersCommand)).toHaveLength(3);
  });

  it('declares exactly the IAM actions of the commands it sends', async () => {
    await scan({}, { settings: defaultSettings(), checks: detectChecks });

    const sent = new Set<string>();
    for (const [client, mock] of Object.entries(detectionMocks)) {
      const table: Record<string, string> = DETECT_COMMAND_ACTIONS[client as keyof typeof DETECT_COMMAND_ACTIONS];
      for (const call of mock.calls()) {
        const command = (call.args[0] as object).constructor.name.replace(/Command$/, '');
        const action = table[command];
        expect(action, `${client} ${command} has no IAM action in DETECT_COMMAND_ACTIONS`).toBeDefined();
        sent.add(action!);
      }
    }
    const declared = new Set(detectChecks.flatMap((check) => (check.needs as readonly AnyCollector[]).flatMap((c) => [...c.actions])));
    expect([...sent].sort()).toEqual([...declared].sort());
    expect([...declared].sort()).toEqual([
      'access-analyzer:ListAnalyzers',
      'cloudtrail:DescribeTrails',
      'cloudtrail:GetTrailStatus',
      'guardduty:GetDetector',
      'guardduty:ListDetectors',
      'inspector2:BatchGetAccountStatus',
    ]);
  });

  it('turns an unreadable trail list into ERROR for every region', async () => {
    cloudtrail.on(DescribeTrailsCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform cloudtrail:DescribeTrails'));
    const report = await scan({ checks: ['detect.cloudtrail-multi-region'] }, { settings: defaultSettings(), checks: detectChecks });
    expect(report.results.map((r) => [r.region, r.status])).toEqual([
      ['ap-southeast-5', 'ERROR'],
      ['eu-west-1', 'ERROR'],
    ]);
    expect(cloudtrail.commandCalls(DescribeTrailsCommand)).toHaveLength(1);
  });
});
