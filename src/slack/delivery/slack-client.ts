// The process's one Web API client: Bolt's `app.client` in the bot (built with slackClientOptions), a
// standalone one in the CLI. Slack's 429 answers are waited out (Retry-After) and retried by the client
// itself; network failures are retried a few times, not for half an hour, so a report or a reply fails
// with a reason instead of hanging.
import { webApi } from '@slack/bolt';

export interface SlackClientOptions {
  /** SLACK_API_URL: a fake Web API in tests (`http://127.0.0.1:PORT/api/`). */
  slackApiUrl?: string;
  retryConfig?: webApi.RetryOptions;
}

export const SLACK_RETRY: webApi.RetryOptions = { retries: 4, factor: 2, minTimeout: 1000, maxTimeout: 30_000 };

/** The options Bolt builds `app.client` with, and the CLI its client. */
export function slackClientOptions(options: SlackClientOptions = {}): webApi.WebClientOptions {
  return {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    retryConfig: options.retryConfig ?? SLACK_RETRY,
    rejectRateLimitedCalls: false,
  };
}

/** A client for a process without Bolt (the CLI): quiet except for errors. */
export function createSlackClient(token: string, options: SlackClientOptions = {}): webApi.WebClient {
  return new webApi.WebClient(token, { ...slackClientOptions(options), logLevel: webApi.LogLevel.ERROR });
}
