// Runs scans for the Slack app with one scan per account at a time.
//
// How requests combine (single flight):
// - A request that a running (or queued) scan already covers joins it: same accounts or fewer, the same
//   region selection, and a subset of its checks. It waits for that scan's report and gets the part it asked
//   for; `/awscheck s3` during a full scan of the same accounts costs AWS nothing extra.
// - Any other request that shares an account with a running scan waits for it to finish, then runs. Two
//   scans never read the same account at once (AWS API rate limits are per account and region).
// - Scans of disjoint accounts run side by side.
// onComplete listeners (the history store) see each scan that actually ran, once.
//
// With a recorder (the bot with its history store), each scan streams into the store account by account
// and keeps no results in memory while it runs; when it ends, its report is read back from the store for
// the requests waiting on it and the listeners, and dropped once they are done with it.
import type { ScanDeps, ScanOptions } from '../engine/scan.ts';
import { selectAccounts, selectChecks } from '../engine/selection.ts';
import type { ScanProgress, ScanReport, ScanSelection } from '../engine/types.ts';
import type { ScanRecorder } from '../store/recorder.ts';

export type CompleteListener = (report: ScanReport) => void | Promise<void>;

/** What runs one scan: the engine's `scan` in production, a scan the test finishes by hand in tests. */
export type ScanEngine = (selection: ScanSelection, deps: ScanDeps, options: ScanOptions) => Promise<ScanReport>;

export interface ScanServiceOptions {
  /** The engine's `scan` (src/engine/scan.ts). */
  scan: ScanEngine;
  /** The catalogue and settings requests are planned against, passed on to every scan. */
  deps: ScanDeps;
  mute?: ScanOptions['mute'];
  /** Streams every scan into the history store as it runs (see the top of this file). */
  recorder?: ScanRecorder;
  /** Where a failing onComplete listener is reported; console.error otherwise. */
  onListenerError?: (err: unknown) => void;
}

export interface RunOptions {
  onProgress?: (progress: ScanProgress) => void;
}

/** What a selection resolves to, for comparing requests. */
interface Plan {
  selection: ScanSelection;
  checkIds: ReadonlySet<string>;
  /** Account ids, or the caller's own account when none are configured. */
  accounts: ReadonlySet<string>;
  /** Sorted region list, '' for "all enabled regions" (for an organization, then its account selection). */
  regions: string;
  configured: boolean;
}

interface Flight {
  plan: Plan;
  report: Promise<ScanReport>;
  listeners: Set<(progress: ScanProgress) => void>;
  last?: ScanProgress;
}

const CALLER = '(caller)';
const ORGANIZATION = '(organization)';

function isSubset<T>(small: ReadonlySet<T>, big: ReadonlySet<T>): boolean {
  for (const item of small) if (!big.has(item)) return false;
  return true;
}

function overlaps<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const item of a) if (b.has(item)) return true;
  return false;
}

/** The part of a covering scan's report that `plan` asked for. */
function narrow(report: ScanReport, from: Plan, plan: Plan): ScanReport {
  const same = isSubset(from.checkIds, plan.checkIds) && isSubset(from.accounts, plan.accounts);
  if (same) return report;
  const accountOk = (id: string | undefined) => !plan.configured || id === undefined || plan.accounts.has(id);
  return {
    ...report,
    accounts: report.accounts.filter((a) => accountOk(a.accountId)),
    results: report.results.filter((r) => plan.checkIds.has(r.checkId) && accountOk(r.accountId)),
    errors: report.errors
      .filter((e) => accountOk(e.accountId))
      .map((e) => (e.checkIds ? { ...e, checkIds: e.checkIds.filter((id) => plan.checkIds.has(id)) } : e))
      .filter((e) => !e.checkIds || e.checkIds.length > 0),
    notes: report.notes.filter((n) => accountOk(n.accountId)),
    selection: plan.selection,
  };
}

export class ScanService {
  private readonly scan: ScanEngine;
  private readonly deps: ScanDeps;
  private readonly mute: ScanOptions['mute'];
  private readonly recorder: ScanRecorder | undefined;
  private readonly onListenerError: (err: unknown) => void;
  private readonly flights: Flight[] = [];
  private readonly completeListeners: CompleteListener[] = [];
  private readonly latest = new Map<string, ScanReport>();

  constructor(options: ScanServiceOptions) {
    this.scan = options.scan;
    this.deps = options.deps;
    this.mute = options.mute;
    this.recorder = options.recorder;
    this.onListenerError = options.onListenerError ?? ((err) => console.error('awscheck: a scan listener failed:', err));
  }

  /** Called with every finished scan (e.g. to save it); a failing listener never fails the scan. */
  onComplete(listener: CompleteListener): void {
    this.completeListeners.push(listener);
  }

  /** Throws SelectionError for an unknown service, check or account, before anything runs. */
  private plan(selection: ScanSelection): Plan {
    const checkIds = new Set(selectChecks(this.deps.checks, selection).map((c) => c.id));
    const { settings } = this.deps;
    // An organization's accounts are known only once listed: every organization scan shares one key, so two
    // never run at once, and a request joins only a scan with the same account selection.
    const organization = settings.organization !== undefined;
    const configured = !organization && settings.accounts.length > 0;
    const accounts = configured
      ? new Set(selectAccounts(settings.accounts, selection.accounts).map((a) => a.id))
      : new Set([organization ? ORGANIZATION : CALLER]);
    const accountKey = organization ? `|${[...new Set(selection.accounts ?? [])].sort().join(',')}` : '';
    const regions = `${[...new Set(selection.regions ?? [])].sort().join(',')}${accountKey}`;
    return { selection, checkIds, accounts, regions, configured };
  }

  async run(selection: ScanSelection, options: RunOptions = {}): Promise<ScanReport> {
    const plan = this.plan(selection);
    const covering = this.flights.find(
      (f) => f.plan.regions === plan.regions && isSubset(plan.accounts, f.plan.accounts) && isSubset(plan.checkIds, f.plan.checkIds),
    );
    if (covering) return this.join(covering, plan, options);

    const blockers = this.flights.filter((f) => overlaps(f.plan.accounts, plan.accounts)).map((f) => f.report.catch(() => undefined));
    const flight: Flight = {
      plan,
      listeners: new Set(),
      report: this.start(selection, blockers, (progress) => {
        flight.last = progress;
        for (const listener of flight.listeners) listener(progress);
      }),
    };
    this.flights.push(flight);
    void flight.report.then(
      (report) => {
        this.forget(flight);
        this.remember(report);
        this.notify(report);
      },
      () => this.forget(flight),
    );
    return this.join(flight, plan, options);
  }

  private async start(
    selection: ScanSelection,
    blockers: readonly Promise<unknown>[],
    onProgress: (progress: ScanProgress) => void,
  ): Promise<ScanReport> {
    await Promise.all(blockers);
    const options: ScanOptions = { onProgress, ...(this.mute ? { mute: this.mute } : {}) };
    if (!this.recorder) return this.scan(selection, this.deps, options);
    const stored = await this.recorder.stream((streaming) => this.scan(selection, this.deps, { ...options, ...streaming }));
    return stored.report;
  }

  private join(flight: Flight, plan: Plan, options: RunOptions): Promise<ScanReport> {
    const listener = options.onProgress;
    if (listener) {
      flight.listeners.add(listener);
      if (flight.last) listener(flight.last);
    }
    return flight.report.then(
      (report) => {
        if (listener) flight.listeners.delete(listener);
        return narrow(report, flight.plan, plan);
      },
      (err: unknown) => {
        if (listener) flight.listeners.delete(listener);
        throw err;
      },
    );
  }

  private forget(flight: Flight): void {
    const index = this.flights.indexOf(flight);
    if (index >= 0) this.flights.splice(index, 1);
  }

  private remember(report: ScanReport): void {
    // With a store, App Home reads the history; holding every account's latest report here is what streaming avoids.
    if (this.recorder) return;
    for (const account of report.accounts) this.latest.set(account.accountId, report);
  }

  private notify(report: ScanReport): void {
    for (const listener of this.completeListeners) {
      try {
        void Promise.resolve(listener(report)).catch(this.onListenerError);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }

  /** The newest report per account, from this process's memory (App Home's fallback without a store; empty with a recorder). */
  latestPerAccount(): ScanReport[] {
    return [...new Set(this.latest.values())];
  }

  /** Scans running or waiting now. */
  get running(): number {
    return this.flights.length;
  }
}
