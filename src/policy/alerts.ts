// The bot's own permissions on its events queue (src/alerts), in the bot's account: declared by the poller,
// printed by `awscheck policy --alerts`, and checked against the calls the tests make.
import { QUEUE_ACTIONS } from '../alerts/queue.ts';

export function alertsActions(): string[] {
  return [...QUEUE_ACTIONS].sort();
}

/** Scoped to the queue when its URL is known (https://sqs.<region>.amazonaws.com/<account>/<name>). */
export interface QueuePolicyDocument {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: string }[];
}

export function alertsPolicy(queueUrl?: string): QueuePolicyDocument {
  const match = queueUrl ? /^https?:\/\/sqs[.-]([a-z0-9-]+)\.amazonaws\.com(\.cn)?\/(\d{12})\/([\w.-]+)$/.exec(queueUrl) : null;
  const resource = match ? `arn:${match[2] ? 'aws-cn' : 'aws'}:sqs:${match[1]!}:${match[3]!}:${match[4]!}` : '*';
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'AwscheckEventsQueue', Effect: 'Allow', Action: alertsActions(), Resource: resource }],
  };
}
