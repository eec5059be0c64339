// Delivers a stored report: the message to the channel, then the full CSV in its thread. The record's
// status says what happened, so a refused report can be re-posted as it was built.
import type { types, webApi } from '@slack/bolt';
import type { CheckResult, Clock } from '../engine/types.ts';
import type { Locale } from '../i18n/locale.ts';
import { resultsToCsv } from '../render/csv.ts';
import type { ReportRecord, Store } from '../store/store.ts';
import { explainPostFailure, slackErrorSummary } from './slack-errors.ts';

export interface ReportLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface PosterDeps {
  store: Store;
  slack: webApi.WebClient;
  clock: Clock;
  logger: ReportLogger;
  /** The channel's language (AWSCHECK_LOCALE), for the CSV's evidence. */
  locale: Locale;
}

export interface Attachment {
  filename: string;
  title: string;
  /** The results to attach; read from the stored scan when absent (a re-post). */
  results?: readonly CheckResult[];
  /** The trend chart, posted in the thread after the CSV; a chart that fails never fails the report. */
  chart?: () => Promise<ChartFile>;
}

export interface ChartFile {
  filename: string;
  title: string;
  altText: string;
  png: Buffer;
}

export async function postReport(deps: PosterDeps, record: ReportRecord, attachment: Attachment): Promise<ReportRecord> {
  const { store, slack, logger } = deps;
  let posted: { ts?: string; channel?: string };
  try {
    // The WebClient waits out a 429's Retry-After and retries before this rejects.
    posted = await slack.chat.postMessage({
      channel: record.channel,
      text: record.message.text,
      blocks: record.message.blocks as types.KnownBlock[],
      unfurl_links: false,
      unfurl_media: false,
    });
  } catch (err) {
    const failure = explainPostFailure(err, record.channel);
    logger.error(`awscheck report ${record.id}: ${failure.message}`);
    await store.updateReport(record.id, { status: failure.status, error: failure.message });
    return { ...record, status: failure.status, error: failure.message };
  }

  const postedAt = deps.clock.now().toISOString();
  let update: ReportRecord = { ...record, status: 'posted', postedAt };
  if (posted.ts) update.messageTs = posted.ts;
  delete update.error;
  try {
    const results = attachment.results ?? (await store.getScan(record.scanId))?.report.results;
    if (!results) throw new Error(`scan ${record.scanId} is no longer stored`);
    // files.uploadV2 needs the channel ID; chat.postMessage answers with it even when given a name.
    const file = { filename: attachment.filename, title: attachment.title, content: resultsToCsv(results, deps.locale) };
    const channelId = posted.channel ?? record.channel;
    await slack.files.uploadV2(posted.ts ? { ...file, channel_id: channelId, thread_ts: posted.ts } : { ...file, channel_id: channelId });
  } catch (err) {
    update = { ...update, error: `Posted, but the CSV could not be attached: ${slackErrorSummary(err)}` };
    logger.warn(`awscheck report ${record.id}: ${update.error}`);
  }
  if (attachment.chart) {
    try {
      const chart = await attachment.chart();
      const file = { filename: chart.filename, title: chart.title, alt_text: chart.altText, file: chart.png };
      const channelId = posted.channel ?? record.channel;
      await slack.files.uploadV2(posted.ts ? { ...file, channel_id: channelId, thread_ts: posted.ts } : { ...file, channel_id: channelId });
    } catch (err) {
      // The text sparkline in the message still shows the trend.
      const message = `Posted, but the trend chart could not be attached: ${slackErrorSummary(err)}`;
      update = { ...update, error: update.error ? `${update.error}; ${message}` : message };
      logger.warn(`awscheck report ${record.id}: ${message}`);
    }
  }
  await store.updateReport(record.id, {
    status: 'posted',
    postedAt,
    ...(update.messageTs ? { messageTs: update.messageTs } : {}),
    ...(update.error ? { error: update.error } : {}),
  });
  logger.info(`awscheck report ${record.id} posted to ${record.channel}`);
  return update;
}
