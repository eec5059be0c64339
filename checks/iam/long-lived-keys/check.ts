import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { activeKeySlots, reportResults, userTarget } from '../lib/resources.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const longLivedKeys = defineCheck({
  id: 'iam.long-lived-keys',
  service: 'iam',
  severity: 'info',
  cis: [],
  securityHub: [],
  scope: 'global',
  needs: [credentialReport],
  ...checkTexts(en, ja),
  evaluate([report], ctx) {
    const drafts = report.users.map((row): ResultDraft => {
      const active = activeKeySlots(row);
      return {
        status: active.length > 0 ? 'FAIL' : 'PASS',
        ...userTarget(row),
        evidence:
          active.length > 0
            ? ctx.say('holdsKeys', { user: row.user, count: active.length, keys: active })
            : ctx.say('holdsNone', { user: row.user }),
        details: { activeKeys: active },
      };
    });
    return reportResults(report, drafts, ctx, ctx.say('iam:noUsers'));
  },
});
