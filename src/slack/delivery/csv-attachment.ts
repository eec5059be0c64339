// Attaches every result of a scan as a CSV file (files.uploadV2 needs a channel). Private results go to the
// requester's direct messages, so an ephemeral answer never leaks into the channel; public results go to the
// channel, or to the requester when the bot isn't a member. Returns the mrkdwn that says where it went.
import type { Logger, webApi } from '@slack/bolt';
import pLimit from 'p-limit';
import type { ScanReport } from '../../engine/types.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import { resultsToCsv } from '../../render/csv.ts';
import { openDirectMessage } from './direct-message.ts';
import { slackErrorCode } from '../errors.ts';
import { MSG } from '../messages.ts';

type FilesClient = Pick<webApi.WebClient, 'files' | 'conversations'>;

export interface CsvTarget {
  userId: string;
  channelId: string;
  public: boolean;
}

export function csvFilename(report: ScanReport): string {
  return `awscheck-${report.finishedAt.replace(/[:.]/g, '-')}.csv`;
}

/**
 * One CSV is built and uploaded at a time: when dozens of requests share one large scan, building every
 * file at once would hold all of them in memory together (gigabytes for a 100,000-result account).
 */
const oneAtATime = pLimit(1);

export function attachResultsCsv(
  client: FilesClient,
  report: ScanReport,
  target: CsvTarget,
  locale: Locale,
  logger: Pick<Logger, 'warn'>,
): Promise<string> {
  return oneAtATime(() => buildAndUpload());

  async function buildAndUpload(): Promise<string> {
    const content = resultsToCsv(report.results, locale);
    const upload = (channelId: string) =>
      client.files.uploadV2({
        channel_id: channelId,
        content,
        filename: csvFilename(report),
        title: t(locale, MSG.csvTitle),
        initial_comment: t(locale, MSG.csvComment),
      });
    if (target.public) {
      try {
        await upload(target.channelId);
        return t(locale, MSG.csvInChannel);
      } catch (err) {
        logger.warn(`awscheck: could not attach the CSV in channel ${target.channelId} (${slackErrorCode(err)}); sending it privately`);
      }
    }
    try {
      await upload(await openDirectMessage(client, target.userId));
      return t(locale, MSG.csvInDm);
    } catch (err) {
      const code = slackErrorCode(err);
      logger.warn(`awscheck: could not attach the CSV for ${target.userId} (${code})`);
      return t(locale, MSG.csvUnavailable(code));
    }
  }
}
