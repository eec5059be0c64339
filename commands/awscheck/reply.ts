// The one-message answers (help, explain, checks): private unless the command said `public`.
import type { Block } from '../../src/slack/render/blocks.ts';
import { renderHelp } from '../../src/slack/render/help.ts';
import type { CommandContext } from './types.ts';

export async function replyWith(ctx: CommandContext, message: { text: string; blocks: Block[] }, allowPublic = true): Promise<void> {
  const visible = allowPublic && ctx.command.public ? 'in_channel' : 'ephemeral';
  await ctx.reply.send({ response_type: visible, text: message.text, blocks: message.blocks });
}

/** The help, after a sentence saying what was not understood (mrkdwn-safe). Always private. */
export async function replyWithHelp(ctx: CommandContext, problem?: string): Promise<void> {
  await replyWith(ctx, renderHelp(ctx.subcommands, ctx.deps.locale, problem), false);
}
