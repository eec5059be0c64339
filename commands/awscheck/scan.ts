// `/awscheck [SERVICE|CHECK-ID…] [account=…] [region=…] [public]`: scan, show progress, then the results.
import { ScanUnavailableError } from '../../src/engine/scan.ts';
import { SelectionError } from '../../src/engine/selection.ts';
import { deliverResults, deliveryReplies } from '../../src/slack/delivery/results.ts';
import { MSG } from '../../src/slack/messages.ts';
import { ProgressReporter } from '../../src/slack/delivery/progress-reporter.ts';
import { section } from '../../src/slack/render/blocks.ts';
import { renderScanning } from '../../src/slack/render/progress.ts';
import { describeSelection } from '../../src/slack/render/scope.ts';
import { answerLocale, replyWithHelp } from './reply.ts';
import { toScanRequest } from './scan-request.ts';
import type { CommandContext, Subcommand } from './types.ts';
import { t } from '../../src/i18n/locale.ts';

async function reportFailure(ctx: CommandContext, err: unknown): Promise<void> {
  const { locale } = ctx;
  const text =
    err instanceof ScanUnavailableError
      ? t(locale, MSG.scanUnavailable(err.message))
      : err instanceof SelectionError
        ? t(locale, MSG.selectionRejected(err.message))
        : undefined;
  if (text === undefined) throw err;
  await ctx.reply.send({ response_type: 'ephemeral', replace_original: true, text, blocks: [section(text)] });
}

export const scanCommand: Subcommand = {
  name: 'scan',
  help: MSG.helpScan,
  restricted: true,
  async run(ctx) {
    const { deps, locale } = ctx;
    const parsed = toScanRequest(ctx.command, deps.catalogue, deps.settings.accounts, locale);
    if (!parsed.ok) {
      await replyWithHelp(ctx, parsed.problem);
      return;
    }
    const { selection, public: isPublic } = parsed.request;
    const scope = describeSelection(selection, locale);
    await ctx.reply.send({ response_type: 'ephemeral', ...renderScanning(scope, undefined, locale) });

    const reporter = new ProgressReporter(
      (progress) => ctx.reply.send({ response_type: 'ephemeral', replace_original: true, ...renderScanning(scope, progress, locale) }),
      {
        ...deps.progress,
        // The results must still fit in the response_url's five replies.
        maxUpdates: ctx.reply.remaining - deliveryReplies(isPublic),
        onError: (err) => ctx.logger.warn(`awscheck: a progress update failed: ${String(err)}`),
      },
    );
    let report;
    try {
      report = await deps.scans.run(selection, { onProgress: (progress) => reporter.update(progress) });
    } catch (err) {
      await reporter.stop();
      await reportFailure(ctx, err);
      return;
    }
    await reporter.stop();
    await deliverResults(report, {
      client: ctx.client,
      reply: ctx.reply,
      userId: ctx.userId,
      channelId: ctx.channelId,
      public: isPublic,
      locale: answerLocale(ctx),
      catalogue: deps.catalogue,
      ...(deps.findingActions ? { findingActions: deps.findingActions } : {}),
      ...(deps.groupActions ? { groupActions: deps.groupActions } : {}),
      ...(deps.resultSets ? { resultSets: deps.resultSets } : {}),
      logger: ctx.logger,
    });
  },
};
