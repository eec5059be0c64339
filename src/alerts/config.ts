// Real-time alerts: AWSCHECK_EVENTS_QUEUE_URL (the SQS queue EventBridge feeds with CloudTrail events) and
// AWSCHECK_ALERT_CHANNEL (default AWSCHECK_REPORT_CHANNEL). No queue: no alerts, and start-up says so.
import type { Environment } from '../config/environment.ts';
import { ConfigError, showValue } from '../config/errors.ts';
import { httpUrlProblem, urlProblemText } from '../config/url.ts';

export interface AlertsConfig {
  /** Unset: alerts are off. */
  queueUrl?: string;
  channel?: string;
}

/** https://sqs.<region>.amazonaws.com/<account>/<name>, or any http(s) URL for LocalStack and VPC endpoints. */
function isQueueUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && /^\/\d{12}\/[\w-]{1,80}(\.fifo)?$/.test(url.pathname);
  } catch {
    return false;
  }
}

export function alertsConfigFromEnv(env: Environment): AlertsConfig {
  const problems: string[] = [];
  const queueUrl = env.AWSCHECK_EVENTS_QUEUE_URL?.trim() || undefined;
  if (queueUrl !== undefined && httpUrlProblem(queueUrl) === 'credentials') {
    // Never echo a password from the URL back into the log.
    problems.push(urlProblemText('AWSCHECK_EVENTS_QUEUE_URL', queueUrl, 'https://sqs.us-east-1.amazonaws.com/123456789012/awscheck-events')!);
  } else if (queueUrl !== undefined && !isQueueUrl(queueUrl)) {
    problems.push(
      `AWSCHECK_EVENTS_QUEUE_URL: got ${showValue(queueUrl)}; expected the queue's URL, e.g. https://sqs.us-east-1.amazonaws.com/123456789012/awscheck-events (SQS console → the queue → Details → URL), or unset it to run without alerts.`,
    );
  }
  const explicit = env.AWSCHECK_ALERT_CHANNEL?.trim() || undefined;
  const channel = explicit ?? (env.AWSCHECK_REPORT_CHANNEL?.trim() || undefined);
  const variable = explicit ? 'AWSCHECK_ALERT_CHANNEL' : 'AWSCHECK_REPORT_CHANNEL';
  if (channel !== undefined && /[\s,<>]/.test(channel)) {
    problems.push(`${variable}: got ${showValue(channel)}; expected one channel ID such as C0123ABCD (channel details → About → Channel ID).`);
  }
  if (queueUrl !== undefined && channel === undefined) {
    problems.push(
      'AWSCHECK_ALERT_CHANNEL: not set (nor AWSCHECK_REPORT_CHANNEL), and AWSCHECK_EVENTS_QUEUE_URL needs a channel to post alerts in. Set it to a channel ID and invite the bot there with /invite @awscheck.',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...(queueUrl ? { queueUrl } : {}), ...(channel ? { channel } : {}) };
}

/** The queue's region, from its URL (sqs.<region>.amazonaws.com); undefined for a custom host. */
export function queueRegion(queueUrl: string): string | undefined {
  return /^sqs[.-]([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(new URL(queueUrl).hostname)?.[1];
}
