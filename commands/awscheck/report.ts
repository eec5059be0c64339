// `/awscheck report [preview]`: the posture report now, posted to AWSCHECK_REPORT_CHANNEL, or shown only to
// the requester. Built by reportCommand(reports) and passed to buildApp's `subcommands`, because it needs
// the report service (store, channel), which the static subcommand table cannot hold.
import { ScanUnavailableError } from '../../src/engine/scan.ts';
import { type Localized, t } from '../../src/i18n/locale.ts';
import { REPORT_COMMAND_TEXT } from '../../src/report/messages.ts';
import type { SlackReportMessage } from '../../src/slack/delivery/report/blocks.ts';
import type { ReportService } from '../../src/report/service.ts';
import { channelText, clipText, escapeMrkdwn } from '../../src/slack/mrkdwn.ts';
import { ProgressReporter } from '../../src/slack/delivery/progress-reporter.ts';
import { context, section } from '../../src/slack/render/blocks.ts';
import { renderScanning } from '../../src/slack/render/progress.ts';
import { describeSelection } from '../../src/slack/render/scope.ts';
import type { ScanProgress } from '../../src/engine/types.ts';
import { replyWithHelp } from './reply.ts';
import type { CommandContext, Subcommand } from './types.ts';

async function answer(ctx: CommandContext, text: Localized, values: Record<string, string> = {}): Promise<void> {
  const line = t(ctx.locale, text, values);
  await ctx.reply.send({ response_type: 'ephemeral', replace_original: true, text: line, blocks: [section(line)] });
}

/** Progress through the response_url, leaving `reserve` replies for the outcome. */
function progress(ctx: CommandContext, reserve: number): ProgressReporter {
  const { locale } = ctx;
  const scope = describeSelection({}, locale);
  return new ProgressReporter(
    (snapshot: ScanProgress) => ctx.reply.send({ response_type: 'ephemeral', replace_original: true, ...renderScanning(scope, snapshot, locale) }),
    {
      ...ctx.deps.progress,
      maxUpdates: ctx.reply.remaining - reserve,
      onError: (err) => ctx.logger.warn(`awscheck: a progress update failed: ${String(err)}`),
    },
  );
}

async function preview(ctx: CommandContext, reports: ReportService<SlackReportMessage>): Promise<void> {
  await answer(ctx, REPORT_COMMAND_TEXT.previewing);
  const reporter = progress(ctx, 1);
  let built;
  try {
    built = await reports.preview(ctx.deps.scans, (p) => reporter.update(p));
  } finally {
    // Stopped before the answer, so a late progress update cannot replace it.
    await reporter.stop();
  }
  await ctx.reply.send({
    response_type: 'ephemeral',
    replace_original: true,
    text: built.message.text,
    // The preview note takes the place of one block, so the message stays within 50.
    blocks: [...built.message.blocks.slice(0, 49), context([t(ctx.locale, REPORT_COMMAND_TEXT.previewNote)])],
  });
}

async function postNow(ctx: CommandContext, reports: ReportService<SlackReportMessage>): Promise<void> {
  const channel = reports.channel;
  if (!channel) {
    await answer(ctx, REPORT_COMMAND_TEXT.noChannel);
    return;
  }
  const where = channelText(channel);
  await answer(ctx, REPORT_COMMAND_TEXT.posting, { channel: where });
  const reporter = progress(ctx, 1);
  let record;
  try {
    ({ record } = await reports.post(ctx.deps.scans, { onProgress: (p) => reporter.update(p) }));
  } finally {
    await reporter.stop();
  }
  if (record.status === 'posted') await answer(ctx, REPORT_COMMAND_TEXT.posted, { channel: where });
  else await answer(ctx, REPORT_COMMAND_TEXT.notPosted, { reason: escapeMrkdwn(record.error ?? record.status) });
}

export function reportCommand(reports: ReportService<SlackReportMessage>): Subcommand {
  return {
    name: 'report',
    help: REPORT_COMMAND_TEXT.help,
    // It runs a full scan, like /awscheck itself.
    restricted: true,
    async run(ctx) {
      const [word, ...rest] = ctx.command.words;
      if ((word !== undefined && word !== 'preview') || rest.length > 0) {
        await replyWithHelp(ctx, t(ctx.locale, REPORT_COMMAND_TEXT.usage, {
          word: escapeMrkdwn(clipText((word === 'preview' ? rest[0] : word) ?? '', 40)),
        }));
        return;
      }
      try {
        await (word === 'preview' ? preview(ctx, reports) : postNow(ctx, reports));
      } catch (err) {
        if (!(err instanceof ScanUnavailableError)) throw err;
        await answer(ctx, REPORT_COMMAND_TEXT.failed, { reason: escapeMrkdwn(err.message) });
      }
    },
  };
}
