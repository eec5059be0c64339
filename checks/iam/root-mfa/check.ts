import { accountSummary } from '../../../src/collectors/iam/account-summary.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { GLOBAL_REGION } from '../../../src/engine/types.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const rootMfa = defineCheck({
  id: 'iam.root-mfa',
  service: 'iam',
  severity: 'critical',
  cis: ['1.5'],
  securityHub: ['IAM.9'],
  scope: 'global',
  needs: [accountSummary],
  ...checkTexts(en, ja),
  evaluate([summary], ctx) {
    return [
      {
        status: summary.accountMfaEnabled ? 'PASS' : 'FAIL',
        region: GLOBAL_REGION,
        resourceType: 'AWS::::Account',
        resourceId: ctx.accountId,
        resourceArn: `arn:aws:iam::${ctx.accountId}:root`,
        evidence: summary.accountMfaEnabled
          ? ctx.say('enabled')
          : ctx.say('missing'),
        details: { accountMfaEnabled: summary.accountMfaEnabled },
      },
    ];
  },
});
