// The chart's 30 days from the store: the last scan of each day with the report's selection, its score from
// the summary and its failing counts by severity from the scan itself (one stored scan read at a time, so
// memory holds one scan, not thirty). The report's own scan is already in memory and is not read back.
import { countFailures, postureScore } from '../engine/score.ts';
import type { ScanReport } from '../engine/types.ts';
import { selectionKey } from '../store/selection-key.ts';
import type { Store } from '../store/store.ts';
import { CHART_DAYS, type ChartDay, chartDays } from './chart.ts';
import { localDay } from '../i18n/format.ts';
import { daysBefore } from '../time/units.ts';

export interface ChartHistoryOptions {
  /** The report's scan: its id in the store and its report. */
  scanId: string;
  scan: ScanReport;
  now: Date;
  timeZone: string;
  days?: number;
}

export async function chartHistory(store: Pick<Store, 'scanSummaries' | 'getScan'>, options: ChartHistoryOptions): Promise<ChartDay[]> {
  const days = options.days ?? CHART_DAYS;
  const since = daysBefore(options.now, days + 1);
  const summaries = await store.scanSummaries({ selectionKey: selectionKey(options.scan.selection), since });
  // Only each day's last scan is drawn, so only those are read.
  const lastOfDay = new Map<string, (typeof summaries)[number]>();
  for (const summary of summaries) lastOfDay.set(localDay(new Date(summary.finishedAt), options.timeZone), summary);
  const points = [];
  for (const summary of lastOfDay.values()) {
    const report = summary.id === options.scanId ? options.scan : (await store.getScan(summary.id))?.report;
    if (!report) continue;
    points.push({ finishedAt: summary.finishedAt, score: summary.score, failing: countFailures(report.results) });
  }
  if (!summaries.some((s) => s.id === options.scanId)) {
    // A scan not stored under the report's selection (a preview) still shows as today's point.
    points.push({ finishedAt: options.scan.finishedAt, score: postureScore(options.scan.results), failing: countFailures(options.scan.results) });
  }
  return chartDays(points, options.now, options.timeZone, days);
}
