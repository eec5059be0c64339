import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { reportResults, userTarget } from '../lib/resources.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const userConsoleMfa = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [credentialReport],
  evaluate([report], ctx) {
    const drafts = report.users.map((row) => {
      const fails = row.passwordEnabled === true && !row.mfaActive;
      const evidence = fails
        ? ctx.say('noMfa', { user: row.user })
        : row.passwordEnabled === true
          ? ctx.say('withMfa', { user: row.user })
          : ctx.say('iam:noPassword', { user: row.user });
      return {
        status: fails ? ('FAIL' as const) : ('PASS' as const),
        ...userTarget(row),
        evidence,
        details: { passwordEnabled: row.passwordEnabled, mfaActive: row.mfaActive },
      };
    });
    return reportResults(report, drafts, ctx, ctx.say('iam:noUsers'));
  },
});
