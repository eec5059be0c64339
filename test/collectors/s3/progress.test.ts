import { describe, expect, it } from 'vitest';
import { bucketProgress } from '../../../src/collectors/s3/progress.ts';
import type { BucketInventory } from '../../../src/collectors/s3/types.ts';

describe('bucket progress', () => {
  it('counts a bucket done once every call for it answered, and an unlocatable bucket done from the start', () => {
    const inventory: BucketInventory = {
      buckets: [
        { name: 'a', arn: 'arn:aws:s3:::a', region: 'eu-west-1' },
        { name: 'b', arn: 'arn:aws:s3:::b', region: 'us-east-1' },
        { name: 'lost', arn: 'arn:aws:s3:::lost', regionError: 'AccessDenied' },
      ],
    };
    const reports: [number, number, string][] = [];
    const tracker = bucketProgress(inventory, (...args) => reports.push(args));
    // A second collector of the same scan shares the tracker.
    expect(bucketProgress(inventory, () => undefined)).toBe(tracker);
    // Two collectors each ask for both located buckets.
    for (const name of ['a', 'b', 'a', 'b']) tracker.start(name);
    tracker.finish('a');
    expect(reports).toEqual([]);
    tracker.finish('a');
    tracker.finish('b');
    tracker.finish('b');
    expect(reports).toEqual([
      [2, 3, 'buckets'],
      [3, 3, 'buckets'],
    ]);
  });
});
