// The one-message answers (help, explain, checks, the remediation lists): private unless the command said `public`.
import { type Locale, t } from '../../src/i18n/locale.ts';
import type { Remediation } from '../../src/remediation/feature.ts';
import { RTEXT } from '../../src/slack/remediation/text.ts';
import { type Block, section } from '../../src/slack/render/blocks.ts';
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

/** What the remediation-backed lists (risks, audit) read; without it, a private sentence saying it is not set up. */
export async function remediationOrSay(ctx: CommandContext): Promise<Remediation | undefined> {
  if (ctx.deps.remediation) return ctx.deps.remediation;
  const text = t(ctx.locale, RTEXT.remediationUnavailable);
  await replyWith(ctx, { text, blocks: [section(text)] }, false);
  return undefined;
}
