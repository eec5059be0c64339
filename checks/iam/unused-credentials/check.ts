import { type AccessKeyInfo, credentialReport, type CredentialReportRow } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import type { Localized } from '../../../src/i18n/locale.ts';
import { hasKey, orAccountPass, userTarget } from '../lib/resources.ts';
import { ageDays, ageMs, DAY_MS, isoDay } from '../lib/time.ts';

/** When the credential was last used or, if never, since when it has lain unused. */
interface Idle {
  since: Date;
  used: boolean;
  text: Localized;
}

function judge(row: CredentialReportRow, credential: string, idle: Idle, ctx: EvaluateContext, extra: Record<string, unknown> = {}): ResultDraft {
  const now = ctx.clock.now();
  const limitDays = ctx.settings.thresholds.unusedCredentialDays;
  const days = ageDays(idle.since, now);
  const stale = ageMs(idle.since, now) >= limitDays * DAY_MS;
  return {
    status: stale ? 'FAIL' : 'PASS',
    ...userTarget(row),
    subResourceId: credential,
    evidence: ctx.text({
      en: `${idle.text.en}, ${days} days ago (limit ${limitDays})`,
      ja: `${idle.text.ja} (${days} 日前、上限 ${limitDays} 日)`,
    }),
    details: { credential, lastUsed: idle.used ? idle.since.toISOString() : null, countedFrom: idle.since.toISOString(), idleDays: days, limitDays, ...extra },
  };
}

function passwordResult(row: CredentialReportRow, ctx: EvaluateContext): ResultDraft {
  if (row.passwordEnabled !== true) {
    return {
      status: 'PASS',
      ...userTarget(row),
      subResourceId: 'password',
      evidence: ctx.text({ en: `${row.user} has no console password`, ja: `${row.user} にはコンソールパスワードがありません` }),
      details: { credential: 'password', passwordEnabled: false },
    };
  }
  const used = row.passwordLastUsed;
  if (used instanceof Date) {
    return judge(row, 'password', {
      since: used,
      used: true,
      text: { en: `${row.user}'s console password was last used on ${isoDay(used)}`, ja: `${row.user} のコンソールパスワードの最終使用日は ${isoDay(used)} です` },
    }, ctx);
  }
  // Never used (or no use recorded): it has been idle since it was set, or since the user was created.
  const changed = row.passwordLastChanged instanceof Date ? row.passwordLastChanged : undefined;
  const since = changed ?? row.userCreationTime;
  const from = changed
    ? { en: `since it was set on ${isoDay(since)}`, ja: `${isoDay(since)} に設定されてから` }
    : { en: `since the user was created on ${isoDay(since)}`, ja: `ユーザーが ${isoDay(since)} に作成されてから` };
  const text =
    used === 'no_information'
      ? { en: `${row.user}'s console password has no recorded use ${from.en}`, ja: `${row.user} のコンソールパスワードは${from.ja}使用記録がありません` }
      : { en: `${row.user}'s console password has never been used ${from.en}`, ja: `${row.user} のコンソールパスワードは${from.ja}一度も使用されていません` };
  return judge(row, 'password', { since, used: false, text }, ctx);
}

function keyResult(row: CredentialReportRow, key: AccessKeyInfo, ctx: EvaluateContext): ResultDraft {
  const target = { ...userTarget(row), subResourceId: key.slot };
  // The key's creation date lets a fix confirm that ListAccessKeys' key is the one this result judged.
  const keyFacts = { slot: key.slot, lastRotated: key.lastRotated?.toISOString() ?? null };
  if (!key.active) {
    return {
      status: 'PASS',
      ...target,
      evidence: ctx.text({ en: `${row.user} ${key.slot} is inactive`, ja: `${row.user} の ${key.slot} は非アクティブです` }),
      details: { credential: key.slot, active: false, ...keyFacts },
    };
  }
  if (key.lastUsedDate) {
    return judge(row, key.slot, {
      since: key.lastUsedDate,
      used: true,
      text: { en: `${row.user} ${key.slot} was last used on ${isoDay(key.lastUsedDate)}`, ja: `${row.user} の ${key.slot} の最終使用日は ${isoDay(key.lastUsedDate)} です` },
    }, ctx, keyFacts);
  }
  if (key.lastRotated) {
    return judge(row, key.slot, {
      since: key.lastRotated,
      used: false,
      text: {
        en: `${row.user} ${key.slot} has never been used since it was created on ${isoDay(key.lastRotated)}`,
        ja: `${row.user} の ${key.slot} は ${isoDay(key.lastRotated)} に作成されてから一度も使用されていません`,
      },
    }, ctx, keyFacts);
  }
  const reason = `${row.user} ${key.slot} is active but the credential report gives neither a last-used nor a creation date`;
  return {
    status: 'ERROR',
    ...target,
    evidence: ctx.text({ en: reason, ja: `${row.user} の ${key.slot} はアクティブですが、認証情報レポートに最終使用日も作成日もありません` }),
    details: { credential: key.slot, reason },
  };
}

export const unusedCredentials = defineCheck({
  id: 'iam.unused-credentials',
  service: 'iam',
  severity: 'medium',
  cis: ['1.12'],
  securityHub: ['IAM.22'],
  scope: 'global',
  needs: [credentialReport],
  title: {
    en: 'No console password or access key is left unused (default limit 45 days)',
    ja: 'コンソールパスワードやアクセスキーが未使用のまま放置されていない (既定値 45 日)',
  },
  why: {
    en: 'A credential nobody uses still works for whoever holds a copy: a former employee, an old laptop, a leaked script. Removing unused passwords and keys shrinks what an attacker can find without anyone noticing it is gone.',
    ja: '誰も使っていない認証情報でも、退職者、古いノート PC、流出したスクリプトなど、コピーを持つ人にとっては有効なままです。使われていないパスワードやキーを削除すれば、誰にも気付かれずに悪用される認証情報を減らせます。',
  },
  guide: {
    en: '1. IAM console → Users → the user → Security credentials: check "Console last sign-in" and each access key\'s "Last used".\n2. Unused access key: choose Actions → Deactivate; delete it after a few quiet days.\n3. Unused console password: Console sign-in → Manage console access → Disable access (this deletes the password; a new one must be set to re-enable).\n4. Remove users who need neither.\nCLI to deactivate a key: `aws iam update-access-key --user-name USER --access-key-id AKIA... --status Inactive`',
    ja: '1. IAM コンソール →「ユーザー」→ 対象ユーザー →「セキュリティ認証情報」で、「コンソールの最終サインイン」と各アクセスキーの「最終使用」を確認します。\n2. 使われていないアクセスキーは「アクション」→「非アクティブ化」を選び、数日問題がなければ削除します。\n3. 使われていないコンソールパスワードは「コンソールサインイン」→「コンソールアクセスを管理」→「アクセスを無効化」を選びます (パスワードは削除され、再び有効にするには新しいパスワードの設定が必要です)。\n4. どちらも不要なユーザーは削除します。\nキーを非アクティブにする CLI: `aws iam update-access-key --user-name USER --access-key-id AKIA... --status Inactive`',
  },
  evaluate([report], ctx) {
    const drafts = report.users.flatMap((row) => [
      passwordResult(row, ctx),
      ...row.accessKeys.filter(hasKey).map((key) => keyResult(row, key, ctx)),
    ]);
    return orAccountPass([...drafts, ...unreadableResults(report.unreadableUsers, ctx)], ctx, { en: 'The account has no IAM users', ja: 'このアカウントには IAM ユーザーがありません' });
  },
});
