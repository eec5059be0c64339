import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { hasKey, orAccountPass, userTarget } from '../lib/resources.ts';
import { ageDays, ageMs, DAY_MS, isoDay } from '../lib/time.ts';

export const accessKeyRotation = defineCheck({
  id: 'iam.access-key-rotation',
  service: 'iam',
  severity: 'medium',
  cis: ['1.14'],
  securityHub: ['IAM.3'],
  scope: 'global',
  needs: [credentialReport],
  title: {
    en: 'Active access keys are rotated within the age limit (default 90 days)',
    ja: 'アクティブなアクセスキーが期限内 (既定値 90 日) にローテーションされている',
  },
  why: {
    en: 'An access key works until someone deletes it. The older it is, the more places it has been copied to (laptops, CI settings, scripts) and the longer a leaked copy stays useful to an attacker.',
    ja: 'アクセスキーは削除されるまで有効です。古いキーほどノート PC、CI の設定、スクリプトなど多くの場所にコピーされており、漏えいしたキーが攻撃者に使われ続ける期間も長くなります。',
  },
  guide: {
    en: '1. IAM console → Users → the user → Security credentials → Create access key.\n2. Put the new key wherever the old one is used, then confirm the old key\'s "Last used" date stops moving.\n3. Make the old key Inactive, wait a few days, then delete it.\n4. Better still, replace the key with an IAM role or IAM Identity Center so there is no long-lived key to rotate.\nCLI to deactivate the old key: `aws iam update-access-key --user-name USER --access-key-id AKIA... --status Inactive`',
    ja: '1. IAM コンソール →「ユーザー」→ 対象ユーザー →「セキュリティ認証情報」→「アクセスキーを作成」を選びます。\n2. 古いキーを使っているすべての場所を新しいキーに置き換え、古いキーの「最終使用」日時が更新されなくなったことを確認します。\n3. 古いキーを「非アクティブ」にし、数日様子を見てから削除します。\n4. できれば IAM ロールや IAM Identity Center に切り替え、ローテーションが必要な長期キーそのものをなくします。\n古いキーを非アクティブにする CLI: `aws iam update-access-key --user-name USER --access-key-id AKIA... --status Inactive`',
  },
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
