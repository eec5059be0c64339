// Saves every finished scan exactly once, whichever comes first: the scan service's completion event
// or a caller (the daily run) that needs the stored scan's id.
import type { ScanReport } from '../engine/types.ts';
import { selectionKey } from './selection-key.ts';
import type { ScanSummary, Store } from './store.ts';

/** Anything that announces finished scans, e.g. the app's ScanService. */
export interface ScanCompletions {
  onComplete(listener: (report: ScanReport) => unknown): unknown;
}

export interface RecorderLogger {
  error(message: string): void;
}

/** Recent saves remembered; a caller asks for its scan's id right after the scan, never days later. */
const REMEMBERED = 64;

/**
 * The same scan may arrive as different objects (the scan service hands a joined request a copy of the
 * shared scan), so scans are matched by what identifies one: times, selection and accounts.
 */
function identity(report: ScanReport): string {
  return JSON.stringify([report.startedAt, report.finishedAt, selectionKey(report.selection), report.accounts.map((a) => a.accountId)]);
}

export class ScanRecorder {
  private readonly saved = new Map<string, Promise<ScanSummary>>();

  constructor(
    private readonly store: Store,
    private readonly logger: RecorderLogger = console,
  ) {}

  /** Saves each scan the source completes; a failed save is logged, never thrown into the scan. */
  attach(source: ScanCompletions): void {
    source.onComplete((report) =>
      this.save(report).catch((err: unknown) => {
        this.logger.error(`awscheck: could not save the scan to the store: ${(err as Error).message}`);
      }),
    );
  }

  /** Saves the scan once and returns its stored summary. */
  save(report: ScanReport): Promise<ScanSummary> {
    const key = identity(report);
    let pending = this.saved.get(key);
    if (!pending) {
      pending = this.store.saveScan(report);
      this.saved.set(key, pending);
      if (this.saved.size > REMEMBERED) this.saved.delete(this.saved.keys().next().value as string);
    }
    return pending;
  }
}
