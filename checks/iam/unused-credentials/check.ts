import { type AccessKeyInfo, credentialReport, type CredentialReportRow } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import type { Message } from '../../../src/i18n/message.ts';
import { hasKey, reportResults, userTarget } from '../lib/resources.ts';
import { ageDays, ageMs, DAY_MS, isoDay } from '../lib/time.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

/** When the credential was last used or, if never, since when it has lain unused. */
interface Idle {
  since: Date;
  used: boolean;
  /** What was last done with it: "alice access_key_1 was last used on 2026-10-10". */
  text: Message;
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
    evidence: ctx.say('idle', { what: idle.text, count: days, limit: limitDays }),
    details: { credential, lastUsed: idle.used ? idle.since.toISOString() : null, countedFrom: idle.since.toISOString(), idleDays: days, limitDays, ...extra },
  };
}

function passwordResult(row: CredentialReportRow, ctx: EvaluateContext): ResultDraft {
  if (row.passwordEnabled !== true) {
    return {
      status: 'PASS',
      ...userTarget(row),
      subResourceId: 'password',
      evidence: ctx.say('iam:noPassword', { user: row.user }),
      details: { credential: 'password', passwordEnabled: false },
    };
  }
  const used = row.passwordLastUsed;
  if (used instanceof Date) {
    return judge(row, 'password', {
      since: used,
      used: true,
      text: ctx.say('passwordUsed', { user: row.user, day: isoDay(used) }),
    }, ctx);
  }
  // Never used (or no use recorded): it has been idle since it was set, or since the user was created.
  const changed = row.passwordLastChanged instanceof Date ? row.passwordLastChanged : undefined;
  const since = changed ?? row.userCreationTime;
  const from = changed ? ctx.say('sinceSet', { day: isoDay(since) }) : ctx.say('sinceUserCreated', { day: isoDay(since) });
  const text =
    used === 'no_information' ? ctx.say('passwordNoRecord', { user: row.user, from }) : ctx.say('passwordNeverUsed', { user: row.user, from });
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
      evidence: ctx.say('iam:keyInactive', { user: row.user, slot: key.slot }),
      details: { credential: key.slot, active: false, ...keyFacts },
    };
  }
  // Idle since its last use or, never used, since it was created.
  const since = key.lastUsedDate ?? key.lastRotated;
  if (since) {
    const used = key.lastUsedDate !== undefined;
    const said = { user: row.user, slot: key.slot, day: isoDay(since) };
    return judge(row, key.slot, { since, used, text: used ? ctx.say('keyUsed', said) : ctx.say('keyNeverUsed', said) }, ctx, keyFacts);
  }
  const reason = `${row.user} ${key.slot} is active but the credential report gives neither a last-used nor a creation date`;
  return {
    status: 'ERROR',
    ...target,
    evidence: ctx.say('noDates', { user: row.user, slot: key.slot }),
    details: { credential: key.slot, reason },
  };
}

export const unusedCredentials = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [credentialReport],
  evaluate([report], ctx) {
    const drafts = report.users.flatMap((row) => [
      passwordResult(row, ctx),
      ...row.accessKeys.filter(hasKey).map((key) => keyResult(row, key, ctx)),
    ]);
    return reportResults(report, drafts, ctx, ctx.say('iam:noUsers'));
  },
});
