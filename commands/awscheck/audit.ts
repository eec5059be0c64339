
import { code } from '../../src/slack/mrkdwn.ts';
import { RTEXT } from '../../src/slack/remediation/text.ts';
import { renderAuditList } from '../../src/slack/render/audit-list.ts';
import { remediationOrSay, replyWith, replyWithHelp } from './reply.ts';
import type { Subcommand } from './types.ts';
import { t } from '../../src/i18n/locale.ts';

export const DEFAULT_AUDIT_ENTRIES = 10;
export const MAX_AUDIT_ENTRIES = 50;

export const auditCommand: Subcommand = {
  name: 'audit',
  help: RTEXT.auditHelp,
  restricted: true,
  async run(ctx) {
    const { locale } = ctx;
    const [word, ...rest] = ctx.command.words;
    const count = word === undefined ? DEFAULT_AUDIT_ENTRIES : /^\d+$/.test(word) ? Number(word) : NaN;
    if (rest.length > 0 || !(count >= 1 && count <= MAX_AUDIT_ENTRIES)) {
      await replyWithHelp(ctx, t(locale, RTEXT.auditUsage(code((rest[0] ?? word ?? '').slice(0, 40)))));
      return;
    }
    const remediation = await remediationOrSay(ctx);
    if (!remediation) return;
    await replyWith(ctx, renderAuditList(await remediation.audit.events(count), locale), false);
  },
};
