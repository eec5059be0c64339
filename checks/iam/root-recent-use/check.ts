import { credentialReport } from '../../../src/collectors/iam/credential-report.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { isUnreadable, unreadableResults } from '../../../src/engine/unreadable.ts';
import type { Message } from '../../../src/i18n/message.ts';
import { accountTarget } from '../lib/resources.ts';
import { ageDays, ageMs, DAY_MS, isoDay } from '../lib/time.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

interface RootUse {
  credential: 'password' | 'access_key_1' | 'access_key_2';
  at: Date;
}

export const rootRecentUse = defineCheck({
  ...checkFolder(meta, en, ja),
  needs: [credentialReport],
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
    const describe = (list: RootUse[]): Message[] =>
      list.map((u) => {
        const when = { day: isoDay(u.at), count: ageDays(u.at, now) };
        return u.credential === 'password' ? ctx.say('passwordUse', when) : ctx.say('keyUse', { ...when, slot: u.credential });
      });
    const latest = [...uses].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, 1);
    const evidence =
      recent.length > 0
        ? ctx.say('usedRecently', { count: windowDays, uses: describe(recent) })
        : latest.length > 0
          ? ctx.say('notUsedRecently', { count: windowDays, uses: describe(latest) })
          : ctx.say('neverUsed', { count: windowDays });
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
