// GuardDuty.1, per region. Where GuardDuty is not offered (no endpoint) or the account is not subscribed,
// the collector leaves a note and this check emits nothing: "off" would be false, "on" would be worse.
import { guardDutyDetectors } from '../../../src/collectors/detect/guardduty-detectors.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { regionResult } from '../lib/region-resource.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const guarddutyEnabled = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [guardDutyDetectors],
  evaluate([inventory], ctx) {
    if (!inventory.available) return [];
    const region = ctx.region;
    const detectors = inventory.detectors;
    const enabled = detectors.filter((detector) => detector.status === 'ENABLED');
    const details = { detectors: detectors.map((detector) => ({ id: detector.id, status: detector.status })) };
    if (enabled.length > 0) {
      const ids = enabled.map((detector) => detector.id);
      return regionResult(ctx, 'PASS', ctx.say('enabled', { region, detectors: ids }), details);
    }
    const evidence =
      detectors.length === 0
        ? ctx.say('none', { region })
        : ctx.say('suspended', { region, detectors: detectors.map((d) => `${d.id} (${d.status})`) });
    return regionResult(ctx, 'FAIL', evidence, details);
  },
});
