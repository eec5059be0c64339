// `/awscheck risks`: the accepted risks in force and when they expire, each with a Revoke button for
// approvers. Always private: reasons are internal.
import { RTEXT } from '../../src/slack/remediation/text.ts';
import { renderRisksList } from '../../src/slack/render/risks-list.ts';
import { remediationOrSay, replyWith, replyWithHelp } from './reply.ts';
import type { Subcommand } from './types.ts';
import { t } from '../../src/i18n/locale.ts';

export const risksCommand: Subcommand = {
  name: 'risks',
  help: RTEXT.risksHelp,
  restricted: true,
  async run(ctx) {
    const { locale } = ctx;
    if (ctx.command.words.length > 0) {
      await replyWithHelp(ctx, t(locale, RTEXT.risksHelp));
      return;
    }
    const remediation = await remediationOrSay(ctx);
    if (!remediation) return;
    const [active, waiting] = await Promise.all([remediation.risks.active(), remediation.risks.waiting()]);
    await replyWith(ctx, renderRisksList(active, waiting.length, locale), false);
  },
};
