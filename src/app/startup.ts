// Start-up waits for Slack: auth.test, and in Socket Mode the connection too. An unreachable SLACK_API_URL,
// or a proxy that accepts and never answers, would otherwise keep the process in the Web API client's
// half-hour of retries with no exit and no /healthz, so start-up gets a deadline and one clear message.
import type { SlackConfig } from '../slack/config.ts';

export const DEFAULT_STARTUP_TIMEOUT_MS = 30_000;

/** Slack did not answer in time; main prints the message and exits non-zero. */
export class SlackUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlackUnreachableError';
  }
}

export function unreachableMessage(slack: SlackConfig, step: string, timeoutMs: number): string {
  // apiUrl is validated to carry no user name or password, so it can be shown.
  const where = slack.apiUrl ?? 'https://slack.com/api/';
  const variable = slack.apiUrl ? 'SLACK_API_URL' : 'network access to slack.com (firewall, HTTPS_PROXY)';
  return `Slack did not answer within ${Math.round(timeoutMs / 1000)} s (${step} at ${where}). Check ${variable}; AWSCHECK_STARTUP_TIMEOUT allows more seconds.`;
}

/** Resolves with `work`, or rejects with SlackUnreachableError once `timeoutMs` has passed. */
export async function withinDeadline<T>(work: Promise<T>, timeoutMs: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SlackUnreachableError(message())), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
