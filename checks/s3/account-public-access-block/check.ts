import { accountPublicAccessBlock as accountBpa } from '../../../src/collectors/s3/account-public-access-block.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { settingsOff } from '../lib/bucket-results.ts';
import { accountResource } from '../../lib/account.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const accountPublicAccessBlock = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [accountBpa],
  evaluate([state], ctx) {
    const off = settingsOff(state.config);
    const evidence = !state.configured
      ? ctx.say('notConfigured')
      : off.length > 0
        ? ctx.say('settingsOff', { settings: off })
        : ctx.say('allOn');
    return [
      {
        status: off.length === 0 ? 'PASS' : 'FAIL',
        ...accountResource(ctx),
        evidence,
        details: { configured: state.configured, publicAccessBlock: state.config, settingsOff: off },
      },
    ];
  },
});
