import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { activeKeyResults } from '../lib/resources.ts';
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
    return activeKeyResults(
      report,
      ctx,
      (count) => count > 1,
      (row, active) =>
        active.length ? ctx.say('activeKeys', { user: row.user, count: active.length, keys: active }) : ctx.say('noActiveKeys', { user: row.user }),
    );
  },
});
