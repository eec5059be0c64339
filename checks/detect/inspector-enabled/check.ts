// Inspector.1 (EC2 scanning), per region. Where Inspector is not offered or the account is not subscribed,
// the collector leaves a note and this check emits nothing. Any status but ENABLED fails, ENABLING too:
// nothing is being scanned yet, and the next scan will pass once activation has finished.
import { inspectorStatus } from '../../../src/collectors/detect/inspector-status.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { regionResult } from '../lib/region-resource.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const inspectorEnabled = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [inspectorStatus],
  evaluate([inventory], ctx) {
    if (!inventory.available) return [];
    const region = ctx.region;
    const details = {
      ec2Status: inventory.ec2Status,
      accountStatus: inventory.accountStatus ?? null,
      ...(inventory.ec2ErrorCode ? { ec2ErrorCode: inventory.ec2ErrorCode } : {}),
    };
    if (inventory.ec2Status === 'ENABLED') {
      return regionResult(ctx, 'PASS', ctx.say('enabled', { region }), details);
    }
    return regionResult(ctx, 'FAIL', ctx.say('disabled', { region, status: inventory.ec2Status }), details);
  },
});
