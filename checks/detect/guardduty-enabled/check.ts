// GuardDuty.1, per region; nothing where GuardDuty is not offered or the account is not subscribed.
import { guardDutyDetectors } from '../../../src/collectors/detect/guardduty-detectors.ts';
import { defineRegionalServiceCheck } from '../lib/region-resource.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const guarddutyEnabled = defineRegionalServiceCheck({
  ...checkFolder(meta, en, ja),
  reads: guardDutyDetectors,
  judge: ({ detectors }, ctx) => {
    const region = ctx.region;
    const enabled = detectors.filter((detector) => detector.status === 'ENABLED');
    const details = { detectors: detectors.map((detector) => ({ id: detector.id, status: detector.status })) };
    if (enabled.length > 0) {
      return { status: 'PASS', evidence: ctx.say('enabled', { region, detectors: enabled.map((detector) => detector.id) }), details };
    }
    const evidence =
      detectors.length === 0
        ? ctx.say('none', { region })
        : ctx.say('suspended', { region, detectors: detectors.map((d) => `${d.id} (${d.status})`) });
    return { status: 'FAIL', evidence, details };
  },
});
