import { accountSummary } from '../../../src/collectors/iam/account-summary.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { accountTarget } from '../lib/resources.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const rootAccessKeys = defineCheck({
  id: 'iam.root-access-keys',
  service: 'iam',
  severity: 'critical',
  cis: ['1.4'],
  securityHub: ['IAM.4'],
  scope: 'global',
  needs: [accountSummary],
  ...checkTexts(en, ja),
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
