// Delivers a report to Slack: the stored message to the channel, then the full CSV and the trend chart in
// its thread. It answers what happened; the report service keeps that on the record, so a refused
// report can be re-posted as it was built.
import type { types, webApi } from '@slack/bolt';
import { type Locale, t } from '../../../i18n/locale.ts';
import { resultsToCsv } from '../../../render/csv.ts';
import type { Attachment, Delivered, ReportDelivery } from '../../../report/delivery.ts';
import { REPORT_TEXT } from '../../../report/messages.ts';
import type { PostureReport } from '../../../report/model.ts';
import type { ReportRecord } from '../../../store/store.ts';
import { clipText, escapeMrkdwn } from '../../mrkdwn.ts';
import { renderSlackReport, type SlackReportMessage } from './blocks.ts';
import { explainPostFailure, slackErrorSummary } from './slack-errors.ts';

export class SlackReportDelivery implements ReportDelivery<SlackReportMessage> {
  constructor(
    private readonly slack: webApi.WebClient,
    private readonly locale: Locale,
  ) {}

  render(report: PostureReport): SlackReportMessage {
    return renderSlackReport(report, this.locale);
  }

  async post(record: ReportRecord, attachment: Attachment): Promise<Delivered> {
    const { slack } = this;
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
      return { status: failure.status, error: failure.message };
    }
    // files.uploadV2 needs the channel ID; chat.postMessage answers with it even when given a name.
    const channelId = posted.channel ?? record.channel;
    const place = posted.ts ? { channel_id: channelId, thread_ts: posted.ts } : { channel_id: channelId };
    const warnings: string[] = [];
    try {
      const content = resultsToCsv(await attachment.results(), this.locale);
      await slack.files.uploadV2({ filename: attachment.filename, title: attachment.title, content, ...place });
    } catch (err) {
      warnings.push(`Posted, but the CSV could not be attached: ${slackErrorSummary(err)}`);
    }
    if (attachment.chart) {
      try {
        const chart = await attachment.chart();
        await slack.files.uploadV2({ filename: chart.filename, title: chart.title, alt_text: chart.altText, file: chart.png, ...place });
      } catch (err) {
        // The text sparkline in the message still shows the trend.
        warnings.push(`Posted, but the trend chart could not be attached: ${slackErrorSummary(err)}`);
      }
    }
    return { status: 'posted', ...(posted.ts ? { messageTs: posted.ts } : {}), warnings };
  }

  async announceFailure(channel: string, reason: string): Promise<void> {
    const text = `⚠️ ${t(this.locale, REPORT_TEXT.runFailed, { reason: escapeMrkdwn(clipText(reason, 500)) })}`;
    await this.slack.chat.postMessage({ channel, text });
  }
}
