// The one-message answers (help, explain, checks): private unless the command said `public`.
import type { Locale } from '../../src/i18n/locale.ts';
import type { Block } from '../../src/slack/render/blocks.ts';
import { renderHelp } from '../../src/slack/render/help.ts';
import type { CommandContext } from './types.ts';

/** What the channel reads is in its language (AWSCHECK_LOCALE); what only the requester reads, in theirs. */
export function answerLocale(ctx: CommandContext, allowPublic = true): Locale {
  return allowPublic && ctx.command.public ? ctx.deps.locale : ctx.locale;
}

export async function replyWith(ctx: CommandContext, message: { text: string; blocks: Block[] }, allowPublic = true): Promise<void> {
  const visible = allowPublic && ctx.command.public ? 'in_channel' : 'ephemeral';
  await ctx.reply.send({ response_type: visible, text: message.text, blocks: message.blocks });
}

/** The help, after a sentence saying what was not understood (mrkdwn-safe). Always private. */
export async function replyWithHelp(ctx: CommandContext, problem?: string): Promise<void> {
  await replyWith(ctx, renderHelp(ctx.subcommands, ctx.locale, problem), false);
}
