import { accountSummary } from '../../../src/collectors/iam/account-summary.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { accountTarget } from '../lib/resources.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const rootAccessKeys = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [accountSummary],
  evaluate([summary], ctx) {
    const present = summary.accountAccessKeysPresent;
    return [
      {
        status: present ? 'FAIL' : 'PASS',
        ...accountTarget(ctx),
        evidence: present
          ? ctx.say('present')
          : ctx.say('absent'),
        details: { accountAccessKeysPresent: present },
      },
    ];
  },
});
