import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { hasKey, reportResults, userTarget } from '../lib/resources.ts';
import { isoDay } from '../lib/time.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

/** Creating the user and its key in one console wizard or script takes seconds; two minutes leaves room. */
export const INITIAL_KEY_WINDOW_MS = 2 * 60_000;

export const initialAccessKey = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [credentialReport],
  evaluate([report], ctx) {
    const drafts: ResultDraft[] = [];
    // Only console users are in scope (CIS 1.11); programmatic-only users need their key.
    for (const row of report.users.filter((r) => r.passwordEnabled === true)) {
      for (const key of row.accessKeys.filter(hasKey)) {
        if (key.active && !key.lastRotated) {
          const reason = `${row.user} ${key.slot} is active but the credential report gives no creation date`;
          drafts.push({
            status: 'ERROR',
            ...userTarget(row),
            subResourceId: key.slot,
            evidence: ctx.say('noCreationDate', { user: row.user, slot: key.slot }),
            details: { slot: key.slot, reason },
          });
          continue;
        }
        const withUser =
          key.lastRotated !== undefined && Math.abs(key.lastRotated.getTime() - row.userCreationTime.getTime()) <= INITIAL_KEY_WINDOW_MS;
        const fails = key.active && withUser && key.lastUsedDate === undefined;
        const who = { user: row.user, slot: key.slot };
        const evidence = fails
          ? ctx.say('unusedInitial', { ...who, created: isoDay(row.userCreationTime) })
          : !key.active
            ? ctx.say('iam:keyInactive', who)
            : key.lastUsedDate
              ? ctx.say('inUse', who)
              : ctx.say('createdLater', who);
        drafts.push({
          status: fails ? 'FAIL' : 'PASS',
          ...userTarget(row),
          subResourceId: key.slot,
          evidence,
          details: {
            slot: key.slot,
            active: key.active,
            userCreationTime: row.userCreationTime.toISOString(),
            lastRotated: key.lastRotated?.toISOString() ?? null,
            lastUsedDate: key.lastUsedDate?.toISOString() ?? null,
          },
        });
      }
    }
    return reportResults(report, drafts, ctx, ctx.say('noConsoleKeys'));
  },
});
