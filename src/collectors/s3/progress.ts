// "12/40 buckets": a bucket counts as done when every per-bucket call the selected checks asked for has
// answered. The per-bucket collectors of one scan share the same inventory object, so it keys the tracker.
import type { BucketInventory } from './types.ts';

type Report = (done: number, total: number, unit: string) => void;

export class BucketProgress {
  private readonly pending = new Map<string, number>();
  private readonly finished: Set<string>;
  private readonly total: number;

  constructor(
    inventory: BucketInventory,
    private readonly report: Report,
  ) {
    this.total = inventory.buckets.length;
    // Buckets whose region is unknown get no per-bucket call: nothing to wait for.
    this.finished = new Set(inventory.buckets.filter((b) => b.region === undefined).map((b) => b.name));
  }

  start(bucket: string): void {
    this.pending.set(bucket, (this.pending.get(bucket) ?? 0) + 1);
    this.finished.delete(bucket);
  }

  finish(bucket: string): void {
    const left = (this.pending.get(bucket) ?? 1) - 1;
    this.pending.set(bucket, left);
    if (left > 0) return;
    this.finished.add(bucket);
    this.report(this.finished.size, this.total, 'buckets');
  }
}

const trackers = new WeakMap<BucketInventory, BucketProgress>();

export function bucketProgress(inventory: BucketInventory, report: Report): BucketProgress {
  let tracker = trackers.get(inventory);
  if (!tracker) {
    tracker = new BucketProgress(inventory, report);
    trackers.set(inventory, tracker);
  }
  return tracker;
}
