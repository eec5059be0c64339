import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { hasKey, orAccountPass, userTarget } from '../lib/resources.ts';
import { ageDays, ageMs, DAY_MS, isoDay } from '../lib/time.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const accessKeyRotation = defineCheck({
  id: 'iam.access-key-rotation',
  service: 'iam',
  severity: 'medium',
  cis: ['1.14'],
  securityHub: ['IAM.3'],
  fix: 'iam.deactivate-access-key',
  scope: 'global',
  needs: [credentialReport],
  ...checkTexts(en, ja),
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
            evidence: ctx.text({ en: `${row.user} ${key.slot} is inactive`, ja: `${row.user} の ${key.slot} は非アクティブです` }),
            details: { slot: key.slot, active: false, maxAgeDays },
          });
          continue;
        }
        if (!key.lastRotated) {
          const reason = `${row.user} ${key.slot} is active but the credential report gives no last_rotated date`;
          drafts.push({
            status: 'ERROR',
            ...base,
            evidence: ctx.text({ en: reason, ja: `${row.user} の ${key.slot} はアクティブですが、認証情報レポートに last_rotated の日付がありません` }),
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
          evidence: ctx.text(
            tooOld
              ? {
                  en: `${row.user} ${key.slot} was created or last rotated on ${isoDay(key.lastRotated)}, ${days} days ago (limit ${maxAgeDays})`,
                  ja: `${row.user} の ${key.slot} は ${isoDay(key.lastRotated)} (${days} 日前) に作成またはローテーションされたままです (上限 ${maxAgeDays} 日)`,
                }
              : {
                  en: `${row.user} ${key.slot} is ${days} days old (limit ${maxAgeDays})`,
                  ja: `${row.user} の ${key.slot} は作成から ${days} 日です (上限 ${maxAgeDays} 日)`,
                },
          ),
          details: { slot: key.slot, active: true, lastRotated: key.lastRotated.toISOString(), ageDays: days, maxAgeDays },
        });
      }
    }
    return orAccountPass([...drafts, ...unreadableResults(report.unreadableUsers, ctx)], ctx, { en: 'No IAM user has an access key', ja: 'アクセスキーを持つ IAM ユーザーはありません' });
  },
});
