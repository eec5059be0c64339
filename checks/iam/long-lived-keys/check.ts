import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { activeKeyResults } from '../lib/resources.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const longLivedKeys = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [credentialReport],
  evaluate([report], ctx) {
    return activeKeyResults(
      report,
      ctx,
      (count) => count > 0,
      (row, active) =>
        active.length > 0 ? ctx.say('holdsKeys', { user: row.user, count: active.length, keys: active }) : ctx.say('holdsNone', { user: row.user }),
    );
  },
});
