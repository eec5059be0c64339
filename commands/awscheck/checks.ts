// `/awscheck checks [SERVICE]`: the catalogue.
import { isService } from '../../src/engine/selection.ts';
import { MSG } from '../../src/slack/messages.ts';
import { renderChecksList } from '../../src/slack/render/checks-list.ts';
import { answerLocale, replyWith, replyWithHelp } from './reply.ts';
import type { Subcommand } from './types.ts';
import { t } from '../../src/i18n/locale.ts';

export const checksCommand: Subcommand = {
  name: 'checks',
  help: MSG.helpChecks,
  restricted: false,
  async run(ctx) {
    const { catalogue } = ctx.deps;
    const { locale } = ctx;
    const unknown = ctx.command.words.find((w) => !isService(w));
    if (unknown) {
      await replyWithHelp(ctx, t(locale, MSG.unknownWord(unknown)));
      return;
    }
    const services = new Set(ctx.command.words);
    const checks = services.size ? catalogue.filter((c) => services.has(c.service)) : catalogue;
    await replyWith(ctx, renderChecksList(checks, answerLocale(ctx)));
  },
};
