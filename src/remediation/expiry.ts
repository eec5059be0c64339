// The housekeeping that time alone triggers: approval requests past their deadline expire (and do nothing),
// in-flight requests whose lease has expired (their owner died or stalled) are settled by reading AWS,
// the accepted-risk cache is reloaded (other replicas may have changed it), and old snapshots go.
import type { Clock } from '../engine/types.ts';
import { type ReconcileOptions, type ReconcileReport, reconcileInFlight } from './reconcile.ts';
import type { RiskService } from './risks.ts';
import type { RemediationService } from './service.ts';
import type { FixRequest, RemediationStore, RiskAcceptance } from './store.ts';
import { DAY_MS, MINUTE_MS } from '../time/units.ts';

/** Buttons on messages older than this lead nowhere: their snapshots are deleted. */
export const SNAPSHOT_RETENTION_MS = 30 * DAY_MS;
/** How often the bot sweeps while it runs. */
export const SWEEP_INTERVAL_MS = MINUTE_MS;

export interface SweepReport {
  /** Fix requests that changed state (expired, or settled after a crash). */
  requests: FixRequest[];
  risks: RiskAcceptance[];
  unreadable: ReconcileReport['unreadable'];
}

export interface SweeperOptions {
  store: RemediationStore;
  fixes: RemediationService;
  risks: RiskService;
  reconcile: ReconcileOptions;
  clock: Clock;
}

export class Sweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepReport> | undefined;

  constructor(private readonly options: SweeperOptions) {}

  /** One pass. Work in flight under a live lease (this process's or another replica's) is left alone. */
  sweep(): Promise<SweepReport> {
    // One pass at a time: a slow AWS read must not let two passes reconcile the same request.
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<SweepReport> {
    const { fixes, risks, store, clock } = this.options;
    const expired = await fixes.expireDue();
    const reconciled = await reconcileInFlight(this.options.reconcile);
    const riskChanges = await risks.expireDue();
    await risks.refresh();
    await store.pruneSnapshots(new Date(clock.now().getTime() - SNAPSHOT_RETENTION_MS).toISOString());
    return { requests: [...expired, ...reconciled.settled], risks: riskChanges, unreadable: reconciled.unreadable };
  }

  /** Sweeps every `intervalMs` until stop(). */
  start(onReport: (report: SweepReport) => Promise<void>, onError: (err: unknown) => void, intervalMs = SWEEP_INTERVAL_MS): void {
    this.stop();
    this.timer = setInterval(() => {
      this.sweep()
        .then(onReport)
        .catch(onError);
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Resolves when a pass in progress has finished (shutdown, tests). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}
