import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { orAccountPass, userTarget } from '../lib/resources.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const multipleActiveKeys = defineCheck({
  id: 'iam.multiple-active-keys',
  service: 'iam',
  severity: 'low',
  cis: ['1.13'],
  securityHub: [],
  scope: 'global',
  needs: [credentialReport],
  ...checkTexts(en, ja),
  evaluate([report], ctx) {
    const drafts = report.users.map((row): ResultDraft => {
      const active = row.accessKeys.filter((k) => k.active).map((k) => k.slot);
      return {
        status: active.length > 1 ? 'FAIL' : 'PASS',
        ...userTarget(row),
        evidence: ctx.text({
          en: `${row.user} has ${active.length} active access key${active.length === 1 ? '' : 's'}${active.length ? ` (${active.join(', ')})` : ''}`,
          ja: `${row.user} のアクティブなアクセスキーは ${active.length} 個です${active.length ? ` (${active.join('、')})` : ''}`,
        }),
        details: { activeKeys: active },
      };
    });
    return orAccountPass([...drafts, ...unreadableResults(report.unreadableUsers, ctx)], ctx, ctx.say('iam:noUsers'));
  },
});
