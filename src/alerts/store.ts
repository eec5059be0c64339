// What alerts remember, shared by every replica: which CloudTrail events were handled (idempotency by
// eventID) and which findings have an open alert (so a finding is alerted once while it keeps failing).
// Every write that decides who posts is conditional, so two replicas never post the same alert twice.
import type { CheckResult } from '../engine/types.ts';

export type AlertState = 'open' | 'resolved';

/** What the CloudTrail record says about the change: kept with the alert so it can be redrawn later. */
export interface ChangeSummary {
  eventId: string;
  eventName: string;
  /** e.g. `AuthorizeSecurityGroupIngress sg-0abc`. */
  change: string;
  actor: string;
  sourceIp?: string;
  time: string;
}

export interface AlertRecord {
  id: string;
  /** findingKey(finding): at most one open alert per key. */
  findingKey: string;
  state: AlertState;
  finding: CheckResult;
  /** The event that raised it. */
  eventId: string;
  change: ChangeSummary;
  channel: string;
  /** Set once the message is posted. */
  messageTs?: string;
  createdAt: string;
  resolvedAt?: string;
}

export interface NewAlert {
  id: string;
  findingKey: string;
  finding: CheckResult;
  eventId: string;
  change: ChangeSummary;
  channel: string;
  createdAt: string;
}

export interface AlertStore {
  /** Whether this eventID was handled to the end already (a redelivery, or another replica's copy). */
  eventHandled(eventId: string): Promise<boolean>;
  /** Records the event as handled; idempotent. */
  markEventHandled(eventId: string, at: string): Promise<void>;
  /**
   * Claims the alert for a finding: the record for exactly one caller while no alert for the key is open,
   * undefined for everyone else.
   */
  claimAlert(alert: NewAlert): Promise<AlertRecord | undefined>;
  /** Gives up a claim whose message could not be posted, so a later event may try again. */
  releaseAlert(id: string): Promise<void>;
  setMessage(id: string, channel: string, messageTs: string): Promise<void>;
  /** Open alerts, optionally of one account. */
  openAlerts(accountId?: string): Promise<AlertRecord[]>;
  /** Marks an open alert resolved: the record for exactly one caller, undefined if it was not open. */
  resolveAlert(id: string, at: string): Promise<AlertRecord | undefined>;
  /** Forgets handled events older than `before` (redeliveries come within days, not months). */
  pruneEvents(before: string): Promise<number>;
}
