import { accountSummary } from '../../../src/collectors/iam/account-summary.ts';
import { isRootDevice, virtualMfaDevices } from '../../../src/collectors/iam/virtual-mfa-devices.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { accountTarget } from '../lib/resources.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const rootHardwareMfa = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [accountSummary, virtualMfaDevices],
  evaluate([summary, devices], ctx) {
    const virtual = devices.filter(isRootDevice).map((d) => d.serialNumber);
    if (!summary.accountMfaEnabled) {
      return [
        {
          status: 'FAIL',
          ...accountTarget(ctx),
          evidence: ctx.say('noMfa'),
          details: { accountMfaEnabled: false, rootVirtualMfaDevices: virtual },
        },
      ];
    }
    const isVirtual = virtual.length > 0;
    return [
      {
        status: isVirtual ? 'FAIL' : 'PASS',
        ...accountTarget(ctx),
        evidence: isVirtual
          ? ctx.say('virtual', { devices: virtual })
          : ctx.say('hardware'),
        details: { accountMfaEnabled: true, rootVirtualMfaDevices: virtual },
      },
    ];
  },
});
