// Sends a finished scan to whoever asked: the results replace the progress message (private), or go to the
// channel (public). If the response_url no longer answers (older than 30 minutes, or used up), the results
// go to the requester's direct messages instead.
import type { Logger, RespondArguments, webApi } from '@slack/bolt';
import type { AnyCheck, ScanReport } from '../../engine/types.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import { attachResultsCsv } from './csv-attachment.ts';
import { openDirectMessage } from './direct-message.ts';
import { slackErrorCode } from '../errors.ts';
import { MSG } from '../messages.ts';
import { section } from '../render/blocks.ts';
import { type FindingActions, renderResults } from '../render/results.ts';
import type { ResponseUrl } from './response-url.ts';
import { type GroupActions, prepareResults } from '../results/prepare.ts';
import type { ResultSets } from '../results/result-sets.ts';

export interface DeliveryTarget {
  client: Pick<webApi.WebClient, 'files' | 'conversations' | 'chat'>;
  reply: ResponseUrl;
  userId: string;
  channelId: string;
  public: boolean;
  locale: Locale;
  catalogue: readonly AnyCheck[];
  findingActions?: FindingActions;
  /** Buttons for a whole group (where "Fix all (N)…" plugs in). */
  groupActions?: GroupActions;
  /** Where "Show all" finds the findings; without it the groups have no Show all button. */
  resultSets?: ResultSets;
  logger: Pick<Logger, 'warn'>;
}

/** response_url replies this needs at the end: the results, plus (public) the note that replaces the progress. */
export function deliveryReplies(isPublic: boolean): number {
  return isPublic ? 2 : 1;
}

export async function deliverResults(report: ScanReport, target: DeliveryTarget): Promise<void> {
  const { locale } = target;
  const prepared = await prepareResults(report, {
    locale,
    catalogue: target.catalogue,
    ...(target.findingActions ? { findingActions: target.findingActions } : {}),
    ...(target.groupActions ? { groupActions: target.groupActions } : {}),
    ...(target.resultSets ? { resultSets: target.resultSets } : {}),
  });
  const base = { locale, catalogue: target.catalogue, ...prepared };
  let rendered = renderResults(report, base);
  if (rendered.truncated) {
    const overflowNote = await attachResultsCsv(target.client, report, target, locale, target.logger);
    rendered = renderResults(report, { ...base, overflowNote });
  }
  const message: RespondArguments = target.public
    ? { response_type: 'in_channel', replace_original: false, text: rendered.text, blocks: rendered.blocks }
    : { response_type: 'ephemeral', replace_original: true, text: rendered.text, blocks: rendered.blocks };
  try {
    if (target.public) {
      // Replace the private progress message first, so "original" can only mean that message.
      await target.reply.send({ response_type: 'ephemeral', replace_original: true, text: t(locale, MSG.resultsPosted) });
    }
    await target.reply.send(message);
  } catch (err) {
    target.logger.warn(`awscheck: the response_url refused the results (${slackErrorCode(err)}); sending them by direct message`);
    const channel = await openDirectMessage(target.client, target.userId);
    await target.client.chat.postMessage({
      channel,
      text: rendered.text,
      blocks: [section(t(locale, MSG.dmFallback)), ...rendered.blocks.slice(0, 49)],
    });
  }
}
