// Saves every finished scan exactly once, whichever comes first: the scan service's completion event
// or a caller (the daily run) that needs the stored scan's id. A scan run through record() streams into the
// store account by account instead, and is then known here as saved.
import type { ScanOptions } from '../engine/scan.ts';
import { compareResults } from '../engine/sort.ts';
import type { ScanReport } from '../engine/types.ts';
import { partOf } from './scan-parts.ts';
import { selectionKey } from './selection-key.ts';
import type { ScanSummary, Store, StoredScan } from './store.ts';

/** The scan options that stream one scan into the store, and how to end it. */
export interface Recording {
  /** Spread into scan()'s options: results leave memory as each account finishes. */
  options: Required<Pick<ScanOptions, 'onStart' | 'onAccount' | 'keepResults'>>;
  /**
   * Finishes the stored scan with the engine's report (which holds no results) and reads it back whole,
   * results in the engine's order, for whoever needs them all now (Slack's results, the daily report).
   */
  finish(report: ScanReport): Promise<StoredScan>;
}

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

  /**
   * Streams one scan into the store: begun when its accounts are planned, one part per account as it
   * finishes (memory holds one account's results at a time, not the organization's), finished at the end.
   * A scan that fails or whose process dies stays unfinished: no read sees it and retention removes it.
   */
  record(): Recording {
    let id: Promise<string> | undefined;
    const started = () => {
      if (!id) throw new Error('the scan sent a part before it started');
      return id;
    };
    return {
      options: {
        keepResults: false,
        onStart: async (start) => {
          id = this.store.beginScan(start);
          await id;
        },
        onAccount: async (part) => this.store.appendScan(await started(), partOf(part)),
      },
      finish: async (report) => {
        const scanId = await started();
        const summary = this.store.finishScan(scanId, { finishedAt: report.finishedAt });
        const stored = await this.store.getScan((await summary).id);
        if (!stored) throw new Error(`scan ${scanId} was finished but is not in the store`);
        // Parts arrive as accounts finish; the report reads as one scan, worst first, as the engine sorts it.
        stored.report.results.sort(compareResults);
        this.remember(identity(stored.report), summary);
        return stored;
      },
    };
  }

  /** Runs one scan with record()'s options (`run` calls scan() with them) and finishes it in the store. */
  async stream(run: (options: Recording['options']) => Promise<ScanReport>): Promise<StoredScan> {
    const recording = this.record();
    return recording.finish(await run(recording.options));
  }

  private remember(key: string, pending: Promise<ScanSummary>): void {
    this.saved.set(key, pending);
    if (this.saved.size > REMEMBERED) this.saved.delete(this.saved.keys().next().value as string);
  }

  /** Saves the scan once and returns its stored summary. */
  save(report: ScanReport): Promise<ScanSummary> {
    const key = identity(report);
    let pending = this.saved.get(key);
    if (!pending) {
      pending = this.store.saveScan(report);
      this.remember(key, pending);
    }
    return pending;
  }
}
