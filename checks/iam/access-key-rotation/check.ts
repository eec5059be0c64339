import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { hasKey, reportResults, userTarget } from '../lib/resources.ts';
import { ageDays, ageMs, DAY_MS, isoDay } from '../lib/time.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const accessKeyRotation = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [credentialReport],
  evaluate([report], ctx) {
    const now = ctx.clock.now();
    const maxAgeDays = ctx.settings.thresholds.accessKeyMaxAgeDays;
    const drafts: ResultDraft[] = [];
    for (const row of report.users) {
      for (const key of row.accessKeys.filter(hasKey)) {
        const base = { ...userTarget(row), subResourceId: key.slot };
        if (!key.active) {
          drafts.push({
            status: 'PASS',
            ...base,
            evidence: ctx.say('iam:keyInactive', { user: row.user, slot: key.slot }),
            details: { slot: key.slot, active: false, maxAgeDays },
          });
          continue;
        }
        if (!key.lastRotated) {
          const reason = `${row.user} ${key.slot} is active but the credential report gives no last_rotated date`;
          drafts.push({
            status: 'ERROR',
            ...base,
            evidence: ctx.say('noRotationDate', { user: row.user, slot: key.slot }),
            details: { slot: key.slot, reason },
          });
          continue;
        }
        const days = ageDays(key.lastRotated, now);
        // "Older than 90 days" means strictly more than 90 × 24 h: a key exactly 90 days old still passes.
        const tooOld = ageMs(key.lastRotated, now) > maxAgeDays * DAY_MS;
        drafts.push({
          status: tooOld ? 'FAIL' : 'PASS',
          ...base,
          evidence: tooOld
            ? ctx.say('tooOld', { user: row.user, slot: key.slot, rotated: isoDay(key.lastRotated), count: days, limit: maxAgeDays })
            : ctx.say('young', { user: row.user, slot: key.slot, count: days, limit: maxAgeDays }),
          details: { slot: key.slot, active: true, lastRotated: key.lastRotated.toISOString(), ageDays: days, maxAgeDays },
        });
      }
    }
    return reportResults(report, drafts, ctx, ctx.say('noKeys'));
  },
});
