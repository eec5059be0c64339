// Turns the engine's stream of progress snapshots into a few message updates. Snapshots that arrive between
// updates are merged (only the newest is sent), and the gaps grow (2 s, 6 s, 18 s by default) because a
// response_url takes only five replies: the updates go where they help, early, and the results still fit.
import type { ScanProgress } from '../../engine/types.ts';

export interface ProgressReporterOptions {
  /** Wait before the first update, then between updates; the last gap repeats. */
  gapsMs?: readonly number[];
  /** Most updates to send (the caller's share of the response_url budget). */
  maxUpdates?: number;
  onError?: (err: unknown) => void;
}

export const DEFAULT_PROGRESS_GAPS_MS = [2000, 6000, 18000] as const;

export class ProgressReporter {
  private readonly gaps: readonly number[];
  private readonly maxUpdates: number;
  private readonly onError: (err: unknown) => void;
  private latest?: ScanProgress;
  private lastSent = '';
  private sent = 0;
  private lastAt = Date.now();
  private timer?: NodeJS.Timeout;
  private inFlight: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly send: (progress: ScanProgress) => Promise<void>,
    options: ProgressReporterOptions = {},
  ) {
    this.gaps = options.gapsMs?.length ? options.gapsMs : DEFAULT_PROGRESS_GAPS_MS;
    this.maxUpdates = Math.max(0, options.maxUpdates ?? 3);
    this.onError = options.onError ?? (() => undefined);
  }

  /** Called for every engine snapshot; cheap. */
  update(progress: ScanProgress): void {
    this.latest = progress;
    if (this.stopped || this.timer || this.sent >= this.maxUpdates) return;
    const gap = this.gaps[Math.min(this.sent, this.gaps.length - 1)] ?? 2000;
    const wait = Math.max(0, this.lastAt + gap - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.stopped || !this.latest) return;
    const snapshot = JSON.stringify(this.latest);
    if (snapshot === this.lastSent) return;
    this.lastSent = snapshot;
    this.sent += 1;
    this.lastAt = Date.now();
    const progress = this.latest;
    this.inFlight = this.inFlight.then(() => this.send(progress)).catch(this.onError);
  }

  /** No more updates; resolves once an update already on its way has landed (so the results come after it). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  get updatesSent(): number {
    return this.sent;
  }
}
