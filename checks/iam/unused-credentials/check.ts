import { type AccessKeyInfo, credentialReport, type CredentialReportRow } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { unreadableResults } from '../../../src/engine/unreadable.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import type { Localized } from '../../../src/i18n/locale.ts';
import { hasKey, orAccountPass, userTarget } from '../lib/resources.ts';
import { ageDays, ageMs, DAY_MS, isoDay } from '../lib/time.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

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
  fix: 'iam.deactivate-access-key',
  scope: 'global',
  needs: [credentialReport],
  ...checkTexts(en, ja),
  evaluate([report], ctx) {
    const drafts = report.users.flatMap((row) => [
      passwordResult(row, ctx),
      ...row.accessKeys.filter(hasKey).map((key) => keyResult(row, key, ctx)),
    ]);
    return orAccountPass([...drafts, ...unreadableResults(report.unreadableUsers, ctx)], ctx, ctx.say('iam:noUsers'));
  },
});
