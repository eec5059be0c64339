// Inspector.1 (EC2 scanning), per region; nothing where Inspector is not offered or the account is not
// subscribed. Any status but ENABLED fails, ENABLING too: nothing is being scanned yet, and the next scan
// will pass once activation has finished.
import { inspectorStatus } from '../../../src/collectors/detect/inspector-status.ts';
import { defineRegionalServiceCheck } from '../lib/region-resource.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const inspectorEnabled = defineRegionalServiceCheck({
  ...checkFolder(meta, en, ja),
  reads: inspectorStatus,
  judge: (inventory, ctx) => {
    const region = ctx.region;
    const details = {
      ec2Status: inventory.ec2Status,
      accountStatus: inventory.accountStatus ?? null,
      ...(inventory.ec2ErrorCode ? { ec2ErrorCode: inventory.ec2ErrorCode } : {}),
    };
    return inventory.ec2Status === 'ENABLED'
      ? { status: 'PASS', evidence: ctx.say('enabled', { region }), details }
      : { status: 'FAIL', evidence: ctx.say('disabled', { region, status: inventory.ec2Status }), details };
  },
});
