import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { orAccountPass, userTarget } from '../lib/resources.ts';
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
      const active = row.accessKeys.filter((k) => k.active).map((k) => k.slot);
      return {
        status: active.length > 0 ? 'FAIL' : 'PASS',
        ...userTarget(row),
        evidence:
          active.length > 0
            ? ctx.text({
                en: `${row.user} holds ${active.length} active long-lived access key${active.length === 1 ? '' : 's'} (${active.join(', ')}); prefer IAM Identity Center or roles`,
                ja: `${row.user} は有効な長期アクセスキーを ${active.length} 個持っています (${active.join('、')})。IAM Identity Center やロールの利用を推奨します`,
              })
            : ctx.text({ en: `${row.user} holds no active access key`, ja: `${row.user} はアクティブなアクセスキーを持っていません` }),
        details: { activeKeys: active },
      };
    });
    return orAccountPass([...drafts, ...unreadableResults(report.unreadableUsers, ctx)], ctx, ctx.say('iam:noUsers'));
  },
});
