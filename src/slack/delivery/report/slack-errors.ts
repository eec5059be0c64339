// Turns a refused report post into what the operator should do about it, and whether the report stays
// pending (re-postable once they have) or failed (something else is wrong; still re-postable).
import { webApi } from '@slack/bolt';
import type { ReportStatus } from '../../../store/store.ts';

export interface PostFailure {
  status: Exclude<ReportStatus, 'posted'>;
  /** One line naming the cause and the fix; never contains the token. */
  message: string;
}

interface SlackErrorShape {
  code?: string;
  data?: { error?: string; needed?: string };
  statusCode?: number;
  retryAfter?: number;
  message?: string;
}

const REPOST = 'The report is kept; re-post it with `awscheck report --repost` (or wait for the next scheduled report).';

export function explainPostFailure(err: unknown, channel: string): PostFailure {
  const e = (err ?? {}) as SlackErrorShape;
  if (e.code === webApi.ErrorCode.PlatformError) {
    const code = e.data?.error ?? 'unknown_error';
    switch (code) {
      case 'not_in_channel':
        return {
          status: 'pending',
          message: `Slack refused the report (not_in_channel): the bot is not a member of ${channel}. Invite it there with \`/invite @awscheck\`, or set AWSCHECK_REPORT_CHANNEL to a channel it is in. ${REPOST}`,
        };
      case 'channel_not_found':
        return {
          status: 'pending',
          message: `Slack refused the report (channel_not_found): no channel ${channel} is visible to the bot. Set AWSCHECK_REPORT_CHANNEL to the channel ID (channel details → About → Channel ID); for a private channel, also \`/invite @awscheck\`. ${REPOST}`,
        };
      case 'is_archived':
        return {
          status: 'pending',
          message: `Slack refused the report (is_archived): channel ${channel} is archived. Unarchive it or set AWSCHECK_REPORT_CHANNEL to another channel. ${REPOST}`,
        };
      case 'ratelimited':
        return { status: 'pending', message: `Slack refused the report (ratelimited) after retrying. ${REPOST}` };
      case 'missing_scope':
        return {
          status: 'failed',
          message: `Slack refused the report (missing_scope): the bot token lacks ${e.data?.needed ?? 'a scope'}. Add chat:write and files:write to the app's bot scopes and reinstall it. ${REPOST}`,
        };
      case 'invalid_auth':
      case 'not_authed':
      case 'token_revoked':
      case 'token_expired':
      case 'account_inactive':
        return {
          status: 'failed',
          message: `Slack refused the report (${code}): SLACK_BOT_TOKEN is not valid for this workspace; set it to the app's current Bot User OAuth Token (xoxb-...). ${REPOST}`,
        };
      default:
        return { status: 'failed', message: `Slack refused the report (${code}). ${REPOST}` };
    }
  }
  if (e.code === webApi.ErrorCode.RateLimitedError) {
    return { status: 'pending', message: `Slack kept rate-limiting the report (retry after ${e.retryAfter ?? '?'} s). ${REPOST}` };
  }
  if (e.code === webApi.ErrorCode.HTTPError) {
    return { status: 'pending', message: `Slack answered HTTP ${e.statusCode ?? '?'} to the report post. ${REPOST}` };
  }
  if (e.code === webApi.ErrorCode.RequestError) {
    return { status: 'pending', message: `Slack could not be reached to post the report (${firstLine(e.message)}). ${REPOST}` };
  }
  return { status: 'failed', message: `The report could not be posted: ${firstLine(e.message ?? String(err))}. ${REPOST}` };
}

/** A short cause for a secondary call (the CSV upload): the Slack error code, or the first line. */
export function slackErrorSummary(err: unknown): string {
  const e = (err ?? {}) as SlackErrorShape;
  if (e.code === webApi.ErrorCode.PlatformError) {
    const code = e.data?.error ?? 'unknown_error';
    return code === 'missing_scope' ? `missing_scope: add ${e.data?.needed ?? 'files:write'} to the app's bot scopes` : code;
  }
  return firstLine(e.message ?? String(err));
}

function firstLine(text: string | undefined): string {
  const line = (text ?? 'unknown error').split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
