// Which earlier scan a report compares with. Like with like: only scans of the same selection. In order:
//   1. the scan behind the last POSTED report of this name, if it was complete: "since the last report"
//      is what the channel saw, so an ad-hoc `/awscheck` in between does not swallow a fix or a regression;
//   2. else the latest complete scan of the same selection;
//   3. else the latest scan of the same selection (its failed parts count as unknown, see diff.ts).
import type { ScanSummary, Store, StoredScan } from '../store/store.ts';

export async function findBaseline(store: Store, name: string, current: ScanSummary): Promise<StoredScan | undefined> {
  const earlier = { selectionKey: current.selectionKey, finishedBefore: current.finishedAt };
  const lastPosted = await store.latestReport({ name, status: ['posted'] });
  if (lastPosted && lastPosted.scanId !== current.id) {
    const scan = await store.getScan(lastPosted.scanId);
    if (scan?.summary.complete && scan.summary.selectionKey === current.selectionKey && scan.summary.finishedAt < current.finishedAt) {
      return scan;
    }
  }
  return (await store.latestScan({ ...earlier, complete: true })) ?? (await store.latestScan(earlier));
}
