import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanProgress } from '../../../src/engine/types.ts';
import { ProgressReporter } from '../../../src/slack/delivery/progress-reporter.ts';

const at = (done: number): ScanProgress => ({ ec2: { done, total: 17, unit: 'regions', finished: false } });

describe('ProgressReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends at most one update per gap, the newest snapshot, however often the engine reports', async () => {
    const sent: ScanProgress[] = [];
    const reporter = new ProgressReporter(async (p) => void sent.push(p), { gapsMs: [2000], maxUpdates: 10 });
    for (let i = 1; i <= 100; i += 1) {
      reporter.update(at(i % 17));
      await vi.advanceTimersByTimeAsync(50);
    }
    // 100 snapshots over 5 s: updates at 2 s and 4 s only.
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual(at(40 % 17));
    await reporter.stop();
  });

  it('spaces updates further apart and stops at its share of the response_url budget', async () => {
    const times: number[] = [];
    const began = Date.now();
    const reporter = new ProgressReporter(async () => void times.push(Date.now() - began), { maxUpdates: 3 });
    for (let i = 0; i < 600; i += 1) {
      reporter.update(at(i));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(times).toEqual([2000, 8000, 26000]);
    expect(reporter.updatesSent).toBe(3);
  });

  it('skips an update when nothing changed, and sends nothing after stop()', async () => {
    const send = vi.fn(async () => undefined);
    const reporter = new ProgressReporter(send, { gapsMs: [1000] });
    reporter.update(at(1));
    await vi.advanceTimersByTimeAsync(1000);
    reporter.update(at(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(1);
    reporter.update(at(2));
    await reporter.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('reports a failed update and keeps going', async () => {
    const errors: unknown[] = [];
    const reporter = new ProgressReporter(async () => Promise.reject(new Error('HTTP 500')), { gapsMs: [10], onError: (e) => errors.push(e) });
    reporter.update(at(1));
    await vi.advanceTimersByTimeAsync(20);
    await reporter.stop();
    expect(errors).toHaveLength(1);
  });
});
