// The account's CloudTrail trails, once per scan. A multi-region trail shows up as a shadow trail in every
// region, so one DescribeTrails (includeShadowTrails) in the home region lists all of them; each one's
// logging status is then read once, in its own home region, instead of once per scanned region.
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import { describeAwsError } from '../../aws/errors.ts';
import { defineCollector } from '../../engine/define.ts';
import type { CollectContext } from '../../engine/types.ts';
import { sendOptions } from '../sdk.ts';

export interface CloudTrailTrail {
  name: string;
  arn: string;
  homeRegion: string;
  multiRegion: boolean;
  organization: boolean;
  /** GetTrailStatus IsLogging; read for multi-region trails only (single-region ones never cover the account). */
  logging?: boolean;
  /** Why the logging status could not be read: the trail's coverage is then unknown, not absent. */
  statusError?: string;
}

export interface CloudTrailTrails {
  trails: CloudTrailTrail[];
}

function describeTrail(trail: Trail): Omit<CloudTrailTrail, 'logging' | 'statusError'> {
  if (!trail.TrailARN || !trail.Name || !trail.HomeRegion) {
    throw new Error('DescribeTrails answered a trail without TrailARN, Name or HomeRegion');
  }
  return {
    name: trail.Name,
    arn: trail.TrailARN,
    homeRegion: trail.HomeRegion,
    multiRegion: trail.IsMultiRegionTrail === true,
    organization: trail.IsOrganizationTrail === true,
  };
}

async function withStatus(ctx: CollectContext, trail: CloudTrailTrail): Promise<CloudTrailTrail> {
  try {
    // The ARN, not the name: a shadow or organization trail is only found by its ARN outside its home.
    const status = await ctx.session
      .client(CloudTrailClient, trail.homeRegion)
      .send(new GetTrailStatusCommand({ Name: trail.arn }), sendOptions(ctx));
    if (status.IsLogging === undefined) throw new Error('GetTrailStatus answered without IsLogging');
    return { ...trail, logging: status.IsLogging };
  } catch (err) {
    // One unreadable trail must not hide another trail that is logging; the check decides what it means.
    return { ...trail, statusError: describeAwsError(err, ctx.settings.locale) };
  }
}

export const cloudTrailTrails = defineCollector<CloudTrailTrails>({
  id: 'detect.cloudtrail-trails',
  scope: 'global',
  actions: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus'],
  async collect(ctx) {
    // DescribeTrails has no pagination: it returns every trail visible in the region in one answer.
    const answer = await ctx.session
      .client(CloudTrailClient, ctx.session.homeRegion)
      .send(new DescribeTrailsCommand({ includeShadowTrails: true }), sendOptions(ctx));
    const byArn = new Map<string, CloudTrailTrail>();
    for (const trail of answer.trailList ?? []) {
      const described = describeTrail(trail);
      byArn.set(described.arn, described);
    }
    const trails = await Promise.all(
      [...byArn.values()].map((trail) => (trail.multiRegion ? withStatus(ctx, trail) : Promise.resolve(trail))),
    );
    return { trails };
  },
});
