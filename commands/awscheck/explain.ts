// `/awscheck explain CHECK-ID`: why the check matters and the step-by-step fix.
import { MSG } from '../../src/slack/messages.ts';
import { renderExplain } from '../../src/slack/render/explain.ts';
import { answerLocale, replyWith, replyWithHelp } from './reply.ts';
import type { Subcommand } from './types.ts';
import { t } from '../../src/i18n/locale.ts';

/** Check ids that contain the word, or a word of which they contain: help for typos like `root-mfa`. */
export function suggestChecks(word: string, ids: readonly string[]): string[] {
  const tail = word.split('.').pop() ?? word;
  return ids.filter((id) => id.includes(tail) || (tail.length >= 3 && tail.includes(id.split('.').pop() ?? id))).slice(0, 3);
}

export const explainCommand: Subcommand = {
  name: 'explain',
  help: MSG.helpExplain,
  restricted: false,
  async run(ctx) {
    const { catalogue } = ctx.deps;
    const { locale } = ctx;
    const [id] = ctx.command.words;
    if (!id) {
      await replyWithHelp(ctx, t(locale, MSG.explainWhich));
      return;
    }
    const check = catalogue.find((c) => c.id === id);
    if (!check) {
      await replyWithHelp(ctx, t(locale, MSG.unknownCheck(id, suggestChecks(id, catalogue.map((c) => c.id)))));
      return;
    }
    await replyWith(ctx, renderExplain(check, answerLocale(ctx)));
  },
};
