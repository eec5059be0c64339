// A scan engine the test finishes by hand, for ScanService's coordination tests: each scan waits in
// `pending` until the test finishes or fails it, so the test decides what is still running when.
import type { ScanOptions } from '../../src/engine/scan.ts';
import type { ScanEngine } from '../../src/app/scan-service.ts';
import type { ScanReport, ScanSelection } from '../../src/engine/types.ts';
import { beforeEach, vi } from 'vitest';

export interface PendingScan {
  selection: ScanSelection;
  options: ScanOptions;
  finish(value: ScanReport): void;
  fail(err: Error): void;
}

/** The engine and its waiting scans, emptied before each test of the enclosing suite. */
export function useHandFinishedScans(): { scan: ReturnType<typeof vi.fn<ScanEngine>>; pending: PendingScan[] } {
  const pending: PendingScan[] = [];
  const scan = vi.fn<ScanEngine>();
  beforeEach(() => {
    pending.length = 0;
    scan.mockReset();
    scan.mockImplementation(
      (selection, _deps, options = {}) => new Promise<ScanReport>((resolve, reject) => pending.push({ selection, options, finish: resolve, fail: reject })),
    );
  });
  return { scan, pending };
}

/** Lets the promises already settled run their callbacks. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
