// Real-time alerts: AWSCHECK_EVENTS_QUEUE_URL (the SQS queue EventBridge feeds with CloudTrail events) and
// AWSCHECK_ALERT_CHANNEL (default AWSCHECK_REPORT_CHANNEL), read in src/config/configuration.ts.
// No queue: no alerts, and start-up says so.
export interface AlertsConfig {
  /** Unset: alerts are off. */
  queueUrl?: string;
  channel?: string;
}

/** The queue's region, from its URL (sqs.<region>.amazonaws.com); undefined for a custom host. */
export function queueRegion(queueUrl: string): string | undefined {
  return /^sqs[.-]([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(new URL(queueUrl).hostname)?.[1];
}
