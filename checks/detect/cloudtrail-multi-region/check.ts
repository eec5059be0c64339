// CIS 3.1 / CloudTrail.1, judged per region from one account-wide trail list: a region is covered when a
// multi-region trail is logging (it records every region). CloudTrail exists in every region, so there is
// no "not available" case here. A multi-region trail whose status could not be read leaves coverage
// unknown: ERROR, unless another multi-region trail is known to be logging.
import { cloudTrailTrails } from '../../../src/collectors/detect/cloudtrail-trails.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { regionResult } from '../lib/region-resource.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const cloudtrailMultiRegion = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [cloudTrailTrails],
  evaluate([inventory], ctx) {
    const multiRegion = inventory.trails.filter((trail) => trail.multiRegion);
    const logging = multiRegion.filter((trail) => trail.logging === true);
    const unreadable = multiRegion.filter((trail) => trail.statusError !== undefined);
    const stopped = multiRegion.filter((trail) => trail.logging === false);
    const names = (trails: typeof multiRegion) => trails.map((trail) => trail.name);
    const details = {
      loggingTrails: logging.map((trail) => trail.arn),
      multiRegionTrails: multiRegion.map((trail) => ({
        name: trail.name,
        arn: trail.arn,
        homeRegion: trail.homeRegion,
        organization: trail.organization,
        logging: trail.logging ?? null,
        ...(trail.statusError !== undefined ? { statusError: trail.statusError } : {}),
      })),
    };
    const region = ctx.region;
    if (logging.length > 0) {
      return regionResult(ctx, 'PASS', ctx.say('logging', { region, trails: names(logging) }), details);
    }
    if (unreadable.length > 0) {
      const unread = unreadable.map((trail) => `${trail.name} (${trail.statusError ?? ''})`);
      const reasons = unread.join(', ');
      return regionResult(ctx, 'ERROR', ctx.say('common:notEvaluated', { reason: ctx.say('statusUnreadable', { trails: unread }) }), { ...details, reason: reasons });
    }
    return regionResult(ctx, 'FAIL', stopped.length > 0 ? ctx.say('stopped', { region, trails: names(stopped) }) : ctx.say('none', { region }), details);
  },
});
