// One message, handled: parse it, look the change up in the table, re-read the live resource through the
// same collectors and checks (narrowed to it, in the event's account and region), then post an alert for
// each finding that now FAILs and has no open alert, and redraw the alerts of findings that no longer fail.
// The event is a hint, never the truth: only what the re-read finds is posted.
import { randomUUID } from 'node:crypto';
import { describeAwsError } from '../aws/errors.ts';
import { scan, type ScanDeps, type ScanOptions } from '../engine/scan.ts';
import { type AnyCheck, type CheckResult, type Clock, GLOBAL_REGION, type ScanReport, type ScanSelection, systemClock } from '../engine/types.ts';
import type { Settings } from '../config/schema.ts';
import { count, type Locale } from '../i18n/locale.ts';
import type { Button } from '../slack/render/blocks.ts';
import { findingKey } from '../store/finding-key.ts';
import { actorOf, type ChangeEvent, parseMessage } from './events.ts';
import { type AlertStatus, renderAlert } from './render.ts';
import type { AlertRecord, AlertStore, ChangeSummary } from './store.ts';
import { type ChangeTarget, lookupChange } from './watched-events.ts';

/** A claim this old without a posted message was abandoned (posting takes seconds, not minutes). */
const ABANDONED_CLAIM_MS = 10 * 60_000;

/** What the poller does with the message: delete it, leave it for redelivery, or treat it as poison. */
export type Outcome =
  | { kind: 'done'; note: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'malformed'; reason: string };

/** Where alerts are posted and redrawn (the bot's WebClient in production). */
export interface AlertPoster {
  post(channel: string, message: { text: string; blocks: object[] }): Promise<{ channel: string; ts: string }>;
  update(channel: string, ts: string, message: { text: string; blocks: object[] }): Promise<void>;
}

export interface AlertLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface AlertServiceOptions {
  settings: Settings;
  checks: readonly AnyCheck[];
  store: AlertStore;
  poster: AlertPoster;
  channel: string;
  locale: Locale;
  /** Accepted risks: a muted finding never alerts. */
  mute?: ScanOptions['mute'];
  /** Fix… / Accept risk (the remediation feature's finding actions, snapshots included). */
  findingActions?: (finding: CheckResult) => Button[];
  /** clock, env, instrument for the re-read (tests and benchmarks). */
  scanDeps?: Omit<Partial<ScanDeps>, 'settings' | 'checks'>;
  clock?: Clock;
  logger: AlertLogger;
}

function summarize(event: ChangeEvent, target: ChangeTarget): ChangeSummary {
  const { record } = event;
  return {
    eventId: record.eventID,
    eventName: record.eventName,
    change: target.change,
    actor: actorOf(record),
    ...(record.sourceIPAddress ? { sourceIp: record.sourceIPAddress } : {}),
    time: event.time,
  };
}

export class AlertService {
  private readonly clock: Clock;

  constructor(private readonly options: AlertServiceOptions) {
    this.clock = options.clock ?? systemClock;
  }

  async handle(body: string | undefined, signal?: AbortSignal): Promise<Outcome> {
    const parsed = parseMessage(body);
    if (parsed.kind === 'malformed') return parsed;
    const { event } = parsed;
    const { store, settings } = this.options;
    const eventId = event.record.eventID;
    if (await store.eventHandled(eventId)) return { kind: 'done', note: `event ${eventId} was handled already` };
    const lookup = lookupChange(event);
    if (lookup.kind !== 'target') return lookup.kind === 'ignored' ? { kind: 'done', note: lookup.reason } : lookup;
    const { target } = lookup;
    // An empty check list would select the whole catalogue: a catalogue without these checks has nothing to re-read.
    if (!target.checks.some((id) => this.options.checks.some((c) => c.id === id))) {
      return { kind: 'done', note: `none of ${target.checks.join(', ')} is in the catalogue` };
    }
    if (settings.accounts.length > 0 && !settings.accounts.some((a) => a.id === event.accountId)) {
      // Likely a member account missing from awscheck.yml: say so, since its changes go unwatched.
      this.options.logger.warn(`awscheck: alerts: ignoring ${event.record.eventName} in account ${event.accountId}, which is not in the configured accounts (awscheck.yml accounts)`);
      return { kind: 'done', note: `account ${event.accountId} is not in the configured accounts` };
    }

    let report: ScanReport;
    try {
      report = await this.reRead(event, target, signal);
    } catch (err) {
      return { kind: 'retry', reason: `could not re-read: ${describeAwsError(err)}` };
    }
    if (!report.accounts.some((a) => a.accountId === event.accountId)) {
      return { kind: 'done', note: `the credentials reach account ${report.accounts.map((a) => a.accountId).join(', ')}, not ${event.accountId}` };
    }
    const results = report.results.filter((r) => r.accountId === event.accountId);
    const change = summarize(event, target);
    const failures: string[] = [];
    for (const finding of results.filter((r) => r.status === 'FAIL')) {
      const posted = await this.alert(finding, change).catch((err: unknown) => (err as Error).message);
      if (typeof posted === 'string') failures.push(posted);
    }
    await this.resolveCovered(event.accountId, results, (alert) => this.inScope(alert.finding, event, target), 'event');
    const errors = results.filter((r) => r.status === 'ERROR');
    if (errors.length > 0) {
      return { kind: 'retry', reason: `the re-read failed for ${errors.map((e) => e.checkId).join(', ')}: ${errors[0]!.evidence.slice(0, 200)}` };
    }
    if (failures.length > 0) return { kind: 'retry', reason: `an alert could not be posted: ${failures[0]!}` };
    await store.markEventHandled(eventId, this.clock.now().toISOString());
    const fails = results.filter((r) => r.status === 'FAIL').length;
    return { kind: 'done', note: `${event.record.eventName}: ${count('en', fails, { one: 'failing finding', other: 'failing findings' })} after the change` };
  }

  /** The same scan as `/awscheck`, narrowed: the event's checks, account, region and resource. */
  private reRead(event: ChangeEvent, target: ChangeTarget, signal?: AbortSignal): Promise<ScanReport> {
    const { settings, checks } = this.options;
    const known = new Set(checks.map((c) => c.id));
    const selection: ScanSelection = {
      checks: target.checks.filter((id) => known.has(id)),
      ...(settings.accounts.length > 0 ? { accounts: [event.accountId] } : {}),
      ...(target.accountWide ? {} : { regions: [event.region] }),
    };
    return scan(
      selection,
      { ...this.options.scanDeps, settings, checks },
      {
        ...(this.options.mute ? { mute: this.options.mute } : {}),
        ...(signal ? { signal } : {}),
        focus: { ...(target.accountWide ? {} : { region: event.region }), ...(target.resourceIds ? { resourceIds: target.resourceIds } : {}) },
      },
    );
  }

  private inScope(finding: CheckResult, event: ChangeEvent, target: ChangeTarget): boolean {
    return (
      target.checks.includes(finding.checkId) &&
      finding.accountId === event.accountId &&
      (target.accountWide === true || finding.region === event.region || finding.region === GLOBAL_REGION) &&
      (!target.resourceIds || target.resourceIds.includes(finding.resourceId))
    );
  }

  /** Posts the alert unless one is open for the finding; throws when Slack refuses (the claim is given back). */
  private async alert(finding: CheckResult, change: ChangeSummary): Promise<boolean> {
    const { store, channel, locale } = this.options;
    const key = findingKey(finding);
    const claim = () =>
      store.claimAlert({ id: randomUUID(), findingKey: key, finding, eventId: change.eventId, change, channel, createdAt: this.clock.now().toISOString() });
    let claimed = await claim();
    if (!claimed) {
      // A replica that died between claiming and posting leaves a claim without a message: take it over.
      const stale = (await store.openAlerts(finding.accountId)).find(
        (a) => a.findingKey === key && !a.messageTs && this.clock.now().getTime() - Date.parse(a.createdAt) > ABANDONED_CLAIM_MS,
      );
      if (!stale) return false;
      await store.releaseAlert(stale.id);
      claimed = await claim();
      if (!claimed) return false;
    }
    try {
      const message = renderAlert({
        finding,
        change,
        locale,
        status: { kind: 'open' },
        ...this.titleOf(finding.checkId),
        extraButtons: this.options.findingActions?.(finding) ?? [],
      });
      const posted = await this.options.poster.post(channel, message);
      await store.setMessage(claimed.id, posted.channel, posted.ts);
      return true;
    } catch (err) {
      await store.releaseAlert(claimed.id);
      throw err;
    }
  }

  private titleOf(checkId: string) {
    const check = this.options.checks.find((c) => c.id === checkId);
    return check ? { title: check.title } : {};
  }

  /**
   * Redraws, as resolved, the open alerts `covers` says the results speak for, when the results no longer
   * hold their finding as FAIL and could read it (no ERROR for the same check and place).
   */
  private async resolveCovered(
    accountId: string,
    results: readonly CheckResult[],
    covers: (alert: AlertRecord) => boolean,
    by: 'event' | 'scan',
  ): Promise<void> {
    // MUTED is still failing (a risk someone accepted), not fixed: its alert is left as it is.
    const failing = new Set(results.filter((r) => r.status === 'FAIL' || r.status === 'MUTED').map(findingKey));
    const unread = new Set(results.filter((r) => r.status === 'ERROR').map((r) => `${r.checkId}@${r.region}`));
    for (const alert of await this.options.store.openAlerts(accountId)) {
      if (!covers(alert) || failing.has(alert.findingKey)) continue;
      const f = alert.finding;
      if (unread.has(`${f.checkId}@${f.region}`) || unread.has(`${f.checkId}@${GLOBAL_REGION}`)) continue;
      await this.redrawResolved(alert, by);
    }
  }

  private async redrawResolved(alert: AlertRecord, by: 'event' | 'scan'): Promise<void> {
    const at = this.clock.now().toISOString();
    const resolved = await this.options.store.resolveAlert(alert.id, at);
    // Another replica won the update, or the message was never posted: nothing to redraw here.
    if (!resolved?.messageTs) return;
    const status: AlertStatus = { kind: 'resolved', at, by };
    const message = renderAlert({ finding: resolved.finding, change: resolved.change, locale: this.options.locale, status, ...this.titleOf(resolved.finding.checkId) });
    try {
      await this.options.poster.update(resolved.channel, resolved.messageTs, message);
    } catch (err) {
      this.options.logger.warn(`awscheck: alerts: could not mark alert ${resolved.id} resolved in Slack: ${(err as Error).message}`);
    }
  }

  /** A finished scan (/awscheck, the daily report) that reads an alerted finding as fixed resolves its alert. */
  async resolveFromScan(report: ScanReport): Promise<void> {
    for (const { accountId } of report.accounts) {
      const results = report.results.filter((r) => r.accountId === accountId);
      // Only where the scan really looked: the check ran in that account and region (any non-ERROR result).
      const looked = new Set(results.filter((r) => r.status !== 'ERROR').map((r) => `${r.checkId}@${r.region}`));
      await this.resolveCovered(accountId, results, (alert) => looked.has(`${alert.finding.checkId}@${alert.finding.region}`), 'scan');
    }
  }
}
