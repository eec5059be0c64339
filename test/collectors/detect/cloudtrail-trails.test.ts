import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { cloudTrailTrails } from '../../../src/collectors/detect/cloudtrail-trails.ts';
import { awsError, collectContext } from './context.ts';

const cloudtrail = mockClient(CloudTrailClient);
afterEach(() => cloudtrail.reset());

const ORG_TRAIL = 'arn:aws:cloudtrail:eu-west-1:999988887777:trail/org-trail';
const MAIN_TRAIL = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/main';
const LOCAL_TRAIL = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/local-only';

function describeAnswer() {
  cloudtrail.on(DescribeTrailsCommand).resolves({
    trailList: [
      { Name: 'org-trail', TrailARN: ORG_TRAIL, HomeRegion: 'eu-west-1', IsMultiRegionTrail: true, IsOrganizationTrail: true },
      { Name: 'main', TrailARN: MAIN_TRAIL, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: false },
      { Name: 'local-only', TrailARN: LOCAL_TRAIL, HomeRegion: 'us-east-1', IsMultiRegionTrail: false },
    ],
  });
}

/** Records which region each GetTrailStatus went to, answering per trail ARN. */
function statusAnswers(answers: Record<string, boolean | Error>): string[] {
  const sentTo: string[] = [];
  cloudtrail.on(GetTrailStatusCommand).callsFake(async (input: { Name: string }, getClient) => {
    const region = await getClient().config.region();
    sentTo.push(`${input.Name}@${region}`);
    const answer = answers[input.Name];
    if (answer instanceof Error) throw answer;
    if (answer === undefined) throw awsError('TrailNotFoundException', `no trail ${input.Name}`);
    return { IsLogging: answer };
  });
  return sentTo;
}

describe('cloudTrailTrails', () => {
  it('lists trails once in the home region with shadow trails, and reads each multi-region trail in its home region', async () => {
    const sentTo: string[] = [];
    cloudtrail.on(DescribeTrailsCommand).callsFake(async (_input, getClient) => {
      sentTo.push(await getClient().config.region());
      return {
        trailList: [
          { Name: 'org-trail', TrailARN: ORG_TRAIL, HomeRegion: 'eu-west-1', IsMultiRegionTrail: true, IsOrganizationTrail: true },
          { Name: 'local-only', TrailARN: LOCAL_TRAIL, HomeRegion: 'us-east-1', IsMultiRegionTrail: false },
        ],
      };
    });
    const statusSentTo = statusAnswers({ [ORG_TRAIL]: true });
    const { ctx, destroy } = collectContext('global', { regions: ['us-east-1', 'eu-west-1', 'ap-northeast-1'] });

    const inventory = await cloudTrailTrails.collect(ctx);

    expect(sentTo).toEqual(['us-east-1']);
    expect(cloudtrail.commandCalls(DescribeTrailsCommand)[0]?.args[0].input).toEqual({ includeShadowTrails: true });
    // The ARN, in the trail's own home region; the single-region trail costs no call.
    expect(statusSentTo).toEqual([`${ORG_TRAIL}@eu-west-1`]);
    expect(inventory.trails).toEqual([
      { name: 'org-trail', arn: ORG_TRAIL, homeRegion: 'eu-west-1', multiRegion: true, organization: true, logging: true },
      { name: 'local-only', arn: LOCAL_TRAIL, homeRegion: 'us-east-1', multiRegion: false, organization: false },
    ]);
    destroy();
  });

  it('keeps an unreadable trail status as an error beside the trails it could read', async () => {
    describeAnswer();
    statusAnswers({ [ORG_TRAIL]: awsError('AccessDeniedException', 'not authorized to perform cloudtrail:GetTrailStatus'), [MAIN_TRAIL]: false });
    const { ctx, destroy } = collectContext('global');

    const inventory = await cloudTrailTrails.collect(ctx);

    const orgTrail = inventory.trails.find((t) => t.arn === ORG_TRAIL);
    expect(orgTrail).not.toHaveProperty('logging');
    expect(orgTrail).toMatchObject({
      statusError: 'AccessDeniedException: not authorized to perform cloudtrail:GetTrailStatus',
    });
    expect(inventory.trails.find((t) => t.arn === MAIN_TRAIL)).toMatchObject({ logging: false });
    expect(cloudtrail.commandCalls(GetTrailStatusCommand)).toHaveLength(2);
    destroy();
  });

  it('answers an account without trails with an empty list', async () => {
    cloudtrail.on(DescribeTrailsCommand).resolves({});
    const { ctx, destroy } = collectContext('global');
    await expect(cloudTrailTrails.collect(ctx)).resolves.toEqual({ trails: [] });
    expect(cloudtrail.commandCalls(GetTrailStatusCommand)).toHaveLength(0);
    destroy();
  });

  it('fails when the trail list cannot be read', async () => {
    cloudtrail.on(DescribeTrailsCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform cloudtrail:DescribeTrails'));
    const { ctx, destroy } = collectContext('global');
    await expect(cloudTrailTrails.collect(ctx)).rejects.toThrow('cloudtrail:DescribeTrails');
    destroy();
  });

  it('fails on a trail it cannot identify rather than guessing', async () => {
    cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [{ Name: 'nameless-arn', IsMultiRegionTrail: true }] });
    const { ctx, destroy } = collectContext('global');
    await expect(cloudTrailTrails.collect(ctx)).rejects.toThrow('without TrailARN');
    destroy();
  });
});
