// Detection services: CloudTrail (account-wide trails, shadow copies in every region), GuardDuty,
// Inspector and IAM Access Analyzer (regional).
import type {
  ListAnalyzersCommandInput,
  ListAnalyzersCommandOutput,
} from '@aws-sdk/client-accessanalyzer';
import type {
  DescribeTrailsCommandInput,
  DescribeTrailsCommandOutput,
  GetTrailStatusCommandInput,
  GetTrailStatusCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import type {
  GetDetectorCommandInput,
  GetDetectorCommandOutput,
  ListDetectorsCommandInput,
  ListDetectorsCommandOutput,
} from '@aws-sdk/client-guardduty';
import type { BatchGetAccountStatusCommandInput, BatchGetAccountStatusCommandOutput } from '@aws-sdk/client-inspector2';
import { FakeAwsError } from '../errors.ts';
import { nextTokenPage, paginate } from '../pages.ts';
import { arns, regionOf, type Trail, type World } from '../world.ts';
import { type Handler, op } from './types.ts';

const trailArn = (world: World, trail: Trail) => arns.trail(world.accountId, trail.homeRegion, trail.name);

/** What Node raises when a service has no endpoint in the region: DNS has no such host. */
function noEndpoint(service: string, region: string): Error {
  const hostname = `${service}.${region}.amazonaws.com`;
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname, syscall: 'getaddrinfo' });
}

export const cloudTrailHandlers: Record<string, Handler> = {
  DescribeTrails: op<DescribeTrailsCommandInput, DescribeTrailsCommandOutput>((input, { world, region }) => {
    const shadows = input.includeShadowTrails !== false;
    const visible = world.trails.filter((t) => t.homeRegion === region || (shadows && t.multiRegion));
    const named = input.trailNameList?.length
      ? visible.filter((t) => input.trailNameList?.includes(t.name) || input.trailNameList?.includes(trailArn(world, t)))
      : visible;
    return {
      trailList: named.map((t) => ({
        Name: t.name,
        TrailARN: trailArn(world, t),
        HomeRegion: t.homeRegion,
        IsMultiRegionTrail: t.multiRegion,
        IsOrganizationTrail: t.organization,
        IncludeGlobalServiceEvents: t.multiRegion,
        LogFileValidationEnabled: true,
        S3BucketName: `cloudtrail-${world.accountId}`,
      })),
    };
  }),

  GetTrailStatus: op<GetTrailStatusCommandInput, GetTrailStatusCommandOutput>((input, { world, region }) => {
    // By ARN from any region the trail is visible in; by bare name only in its home region.
    const trail = world.trails.find((t) =>
      input.Name === trailArn(world, t) ? t.homeRegion === region || t.multiRegion : input.Name === t.name && t.homeRegion === region,
    );
    if (!trail) throw new FakeAwsError('TrailNotFoundException', `Unknown trail: ${input.Name ?? ''} for the user: ${world.accountId}`);
    return { IsLogging: trail.logging, ...(trail.logging ? { StartLoggingTime: new Date(0) } : { StopLoggingTime: new Date(0) }) };
  }),
};

export const guardDutyHandlers: Record<string, Handler> = {
  ListDetectors: op<ListDetectorsCommandInput, ListDetectorsCommandOutput>((input, { world, region }) => {
    const detectors = regionOf(world, region).guardDutyDetectors;
    if (!detectors) throw noEndpoint('guardduty', region);
    const page = nextTokenPage('GuardDuty:ListDetectors', detectors, input);
    return { DetectorIds: page.items.map((d) => d.id), ...page.token };
  }),

  GetDetector: op<GetDetectorCommandInput, GetDetectorCommandOutput>((input, { world, region }) => {
    const detector = regionOf(world, region).guardDutyDetectors?.find((d) => d.id === input.DetectorId);
    if (!detector) throw new FakeAwsError('BadRequestException', 'The request is rejected because the input detectorId is not owned by the current account.');
    return {
      Status: detector.status,
      ServiceRole: `arn:aws:iam::${world.accountId}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
      FindingPublishingFrequency: 'SIX_HOURS',
      CreatedAt: '2024-01-01T00:00:00.000Z',
    };
  }),
};

export const inspectorHandlers: Record<string, Handler> = {
  BatchGetAccountStatus: op<BatchGetAccountStatusCommandInput, BatchGetAccountStatusCommandOutput>((input, { world, region }) => {
    const ids = input.accountIds?.length ? input.accountIds : [world.accountId];
    const inspector = regionOf(world, region).inspector;
    const state = (status: string) => ({ status: status as never, errorCode: undefined, errorMessage: undefined });
    return {
      accounts: ids
        .filter((id) => id === world.accountId)
        .map((id) => ({
          accountId: id,
          state: state(inspector.accountStatus),
          resourceState: { ec2: state(inspector.ec2Status), ecr: state('DISABLED'), lambda: state('DISABLED') },
        })),
      failedAccounts: ids
        .filter((id) => id !== world.accountId)
        .map((id) => ({ accountId: id, errorCode: 'ACCESS_DENIED' as never, errorMessage: 'not a member of this organization' })),
    };
  }),
};

export const accessAnalyzerHandlers: Record<string, Handler> = {
  ListAnalyzers: op<ListAnalyzersCommandInput, ListAnalyzersCommandOutput>((input, { world, region }) => {
    const analyzers = regionOf(world, region).analyzers.filter((a) => !input.type || a.type === input.type);
    const page = paginate('AccessAnalyzer:ListAnalyzers', analyzers, input.maxResults, input.nextToken);
    return {
      analyzers: page.items.map((a) => ({
        arn: `arn:aws:access-analyzer:${region}:${world.accountId}:analyzer/${a.name}`,
        name: a.name,
        type: a.type,
        status: a.status,
        createdAt: new Date(0),
      })),
      ...(page.next ? { nextToken: page.next } : {}),
    };
  }),
};
