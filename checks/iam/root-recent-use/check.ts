import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { isUnreadable, unreadableResults } from '../../../src/engine/unreadable.ts';
import { accountTarget } from '../lib/resources.ts';
import { ageDays, ageMs, DAY_MS, isoDay } from '../lib/time.ts';

interface RootUse {
  credential: 'password' | 'access_key_1' | 'access_key_2';
  at: Date;
}

export const rootRecentUse = defineCheck({
  id: 'iam.root-recent-use',
  service: 'iam',
  severity: 'high',
  cis: ['1.7'],
  securityHub: [],
  scope: 'global',
  needs: [credentialReport],
  title: {
    en: 'Root user is not used for everyday tasks',
    ja: 'ルートユーザーを日常の作業に使用していない',
  },
  why: {
    en: 'Every use of the root user exposes the one credential that IAM policies cannot restrict. Recent root activity means a task that really needs root, someone working around IAM, or an intruder; each is worth knowing about.',
    ja: 'ルートユーザーを使うたびに、IAM ポリシーで制限できない唯一の認証情報を危険にさらします。最近の使用は、ルートが本当に必要な作業、IAM を迂回した作業、または侵入者のいずれかであり、どれも把握しておくべきです。',
  },
  guide: {
    en: '1. Find out who used the root user and why: CloudTrail console → Event history, filter User name = root.\n2. If the use was not expected, change the root password, check the root MFA device, and look for new IAM users, access keys and roles.\n3. Do daily work with IAM Identity Center users or IAM roles; keep root for the few tasks that require it.\n4. Delete any root access keys (Security credentials page of the root user).\nCLI to review: `aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root --max-results 20`',
    ja: '1. 誰がなぜルートユーザーを使ったかを確認します。CloudTrail コンソール →「イベント履歴」で「ユーザー名 = root」で絞り込みます。\n2. 想定外の使用であれば、ルートのパスワードを変更し、ルートの MFA デバイスを確認し、新しい IAM ユーザー、アクセスキー、ロールがないか調べます。\n3. 日常の作業には IAM Identity Center のユーザーか IAM ロールを使い、ルートはルートが必要な一部のタスクだけに使います。\n4. ルートのアクセスキーがあれば削除します (ルートユーザーの「セキュリティ認証情報」ページ)。\n確認用 CLI: `aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root --max-results 20`',
  },
  evaluate([report], ctx) {
    const { root } = report;
    // Reported on the account, where a readable root row's verdict would be.
    if (isUnreadable(root)) return unreadableResults([{ ...root, ...accountTarget(ctx, root.resourceArn) }], ctx);
    const now = ctx.clock.now();
    const windowDays = ctx.settings.thresholds.rootUseDays;
    const uses: RootUse[] = [];
    if (root.passwordLastUsed instanceof Date) uses.push({ credential: 'password', at: root.passwordLastUsed });
    for (const key of root.accessKeys) if (key.lastUsedDate) uses.push({ credential: key.slot, at: key.lastUsedDate });
    const recent = uses.filter((use) => ageMs(use.at, now) <= windowDays * DAY_MS);
    const describe = (list: RootUse[], lang: 'en' | 'ja'): string =>
      list
        .map((u) =>
          lang === 'en'
            ? `${u.credential} on ${isoDay(u.at)} (${ageDays(u.at, now)} days ago)`
            : `${u.credential === 'password' ? 'パスワード' : u.credential} ${isoDay(u.at)} (${ageDays(u.at, now)} 日前)`,
        )
        .join(lang === 'en' ? ', ' : '、');
    const latest = [...uses].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, 1);
    const evidence =
      recent.length > 0
        ? ctx.text({
            en: `Root user used within the last ${windowDays} days: ${describe(recent, 'en')}`,
            ja: `ルートユーザーが過去 ${windowDays} 日以内に使用されています: ${describe(recent, 'ja')}`,
          })
        : ctx.text({
            en: `Root user not used in the last ${windowDays} days (last use: ${latest.length ? describe(latest, 'en') : 'none recorded'})`,
            ja: `ルートユーザーは過去 ${windowDays} 日間使用されていません (最終使用: ${latest.length ? describe(latest, 'ja') : '記録なし'})`,
          });
    return [
      {
        status: recent.length > 0 ? 'FAIL' : 'PASS',
        ...accountTarget(ctx, root.arn),
        evidence,
        details: {
          windowDays,
          passwordLastUsed: root.passwordLastUsed instanceof Date ? root.passwordLastUsed.toISOString() : (root.passwordLastUsed ?? null),
          accessKeysLastUsed: Object.fromEntries(root.accessKeys.map((k) => [k.slot, k.lastUsedDate?.toISOString() ?? null])),
          recentUses: recent.map((u) => ({ credential: u.credential, at: u.at.toISOString(), ageDays: ageDays(u.at, now) })),
        },
      },
    ];
  },
});
