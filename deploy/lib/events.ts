// The CloudTrail management events that can create a finding (issue 14), in one place: the member accounts'
// forwarding rules, the central bus's rule and the bot's own-account rule all match this pattern.
// ConsoleLogin is delivered as "AWS Console Sign In via CloudTrail", every other one as "AWS API Call via CloudTrail".
import { WATCHED_EVENT_SOURCES } from '../../src/alerts/watched-events.ts';

/** eventSource → the eventNames forwarded from it: exactly what the bot handles (src/alerts/watched-events.ts). */
export const ALERT_EVENTS: Readonly<Record<string, readonly string[]>> = WATCHED_EVENT_SOURCES;

/** Events that matter only when the root user makes them; other users' keys and logins are everyday work. */
export const ROOT_ONLY_EVENTS: readonly string[] = ['ConsoleLogin', 'CreateAccessKey'];

export const ALERT_DETAIL_TYPES: readonly string[] = ['AWS API Call via CloudTrail', 'AWS Console Sign In via CloudTrail'];

/** The EventBridge event pattern for these events. */
export function alertEventPattern(): {
  source: string[];
  detailType: string[];
  detail: Record<string, unknown>;
} {
  const sources = Object.keys(ALERT_EVENTS);
  const names = Object.values(ALERT_EVENTS).flat();
  return {
    // eventSource "s3.amazonaws.com" arrives with source "aws.s3".
    source: sources.map((s) => `aws.${s.replace('.amazonaws.com', '')}`),
    detailType: [...ALERT_DETAIL_TYPES],
    detail: {
      eventSource: sources,
      $or: [
        { eventName: names.filter((n) => !ROOT_ONLY_EVENTS.includes(n)) },
        { eventName: [...ROOT_ONLY_EVENTS], userIdentity: { type: ['Root'] } },
      ],
    },
  };
}
