// The Web API client reports are posted with. Slack's 429 answers are waited out (Retry-After) and
// retried by the client itself; network failures are retried a few times, not for half an hour.
import { webApi } from '@slack/bolt';

export interface ReportSlackClientOptions {
  /** A fake Web API in tests (`http://127.0.0.1:PORT/api/`). */
  slackApiUrl?: string;
  retryConfig?: webApi.RetryOptions;
}

export const REPORT_RETRY: webApi.RetryOptions = { retries: 4, factor: 2, minTimeout: 1000, maxTimeout: 30_000 };

export function createReportSlackClient(token: string, options: ReportSlackClientOptions = {}): webApi.WebClient {
  return new webApi.WebClient(token, {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    retryConfig: options.retryConfig ?? REPORT_RETRY,
    rejectRateLimitedCalls: false,
    logLevel: webApi.LogLevel.ERROR,
  });
}
