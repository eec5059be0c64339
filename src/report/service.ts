// The report's life: scan → save → prune → build against the baseline → store → deliver. The scheduler,
// `/awscheck report` and `awscheck report --post` all go through here, so they produce the same report.
// Rendering and posting belong to the injected delivery (Slack's, in src/slack/delivery/report/).
import { type Clock, type ScanProgress, type ScanReport, type ScanSelection, systemClock } from '../engine/types.ts';
import { type Locale, t } from '../i18n/locale.ts';
import { daysBefore } from '../time/units.ts';
import type { ScanRecorder } from '../store/recorder.ts';
import type { ReportRecord, Store, StoredMessage, StoredScan } from '../store/store.ts';
import { CHART_DAYS, renderTrendPng } from './chart.ts';
import { chartHistory } from './chart-data.ts';
import { CHART_TEXT } from './chart-text.ts';
import type { Attachment, ChartFile, ReportDelivery, ReportLogger } from './delivery.ts';
import { REPORT_TEXT } from './messages.ts';
import type { ExpiringRisk, PostureReport } from './model.ts';
import { prepareReport } from './prepare.ts';
import { localDay } from '../i18n/format.ts';

/** The scheduled report's name: baselines and "the last report" are looked up by it. */
export const DAILY_REPORT = 'daily';
/** The daily report covers everything configured: all checks, accounts and regions. */
export const DAILY_SELECTION: ScanSelection = {};

/** What runs scans: the app's ScanService, or a CLI adapter around the engine. */
export interface ScanRunner {
  run(selection: ScanSelection, options?: { onProgress?: (progress: ScanProgress) => void }): Promise<ScanReport>;
}

export interface ReportServiceOptions<M extends StoredMessage = StoredMessage> {
  store: Store;
  /** Saves each scan once, even when the ScanService's completion listener saves it too. */
  recorder: ScanRecorder;
  /** Renders and posts reports (SlackReportDelivery in the bot and the CLI). */
  delivery: ReportDelivery<M>;
  /** AWSCHECK_REPORT_CHANNEL; posting needs it, previews do not. */
  channel?: string;
  timeZone: string;
  locale: Locale;
  retentionDays: number;
  clock?: Clock;
  logger: ReportLogger;
  /** Accepted risks near expiry, from the accepted-risk store; without it, MUTED results are used. */
  expiringRisks?: (now: Date) => Promise<ExpiringRisk[]>;
  /** Accepted risks whose acceptance ended after `since` (the last posted report) and by `now`. */
  expiredRisks?: (since: Date | undefined, now: Date) => Promise<ExpiringRisk[]>;
}

export interface PostOptions {
  /** The scheduler slot this run fills (stored with the report). */
  slot?: string;
  /** Report on this stored scan instead of running a new one. */
  scanId?: string;
  onProgress?: (progress: ScanProgress) => void;
}

export interface PostedReport {
  /** The stored report: posted, or pending/failed with the reason. */
  record: ReportRecord;
  report: PostureReport;
}

export class NoReportChannelError extends Error {
  constructor() {
    super('AWSCHECK_REPORT_CHANNEL is not set: set it to the ID of the channel that gets the report (channel details → About → Channel ID) and invite the bot there with /invite @awscheck.');
    this.name = 'NoReportChannelError';
  }
}

/** `M`: the message the delivery renders (a preview shows it as is). */
export class ReportService<M extends StoredMessage = StoredMessage> {
  private readonly clock: Clock;

  constructor(private readonly options: ReportServiceOptions<M>) {
    this.clock = options.clock ?? systemClock;
  }

  get channel(): string | undefined {
    return this.options.channel;
  }

  /** Runs the daily selection and saves it. */
  async freshScan(scans: ScanRunner, onProgress?: (progress: ScanProgress) => void): Promise<StoredScan> {
    const report = await scans.run(DAILY_SELECTION, onProgress ? { onProgress } : {});
    return { summary: await this.options.recorder.save(report), report };
  }

  /**
   * Builds the report without storing or posting it, for a scan in memory, a stored scan's id, or by
   * default the latest stored full scan.
   */
  async compose(scan?: StoredScan | string): Promise<PostureReport> {
    const now = this.clock.now();
    return prepareReport(this.options.store, {
      name: DAILY_REPORT,
      now,
      timeZone: this.options.timeZone,
      ...(typeof scan === 'string' ? { scanId: scan } : scan ? { current: scan } : {}),
      ...(this.options.expiringRisks ? { expiringRisks: await this.options.expiringRisks(now) } : {}),
      ...(this.options.expiredRisks ? { expiredRisks: await this.options.expiredRisks(await this.lastPosted(), now) } : {}),
    });
  }

  /** When the last report people saw was made: "expired since the last report" counts from there. */
  private async lastPosted(): Promise<Date | undefined> {
    const last = await this.options.store.latestReport({ name: DAILY_REPORT, status: ['posted'] });
    return last ? new Date(last.createdAt) : undefined;
  }

  /** A fresh scan's report, rendered by the delivery but neither stored as a report nor posted. */
  async preview(scans: ScanRunner, onProgress?: (progress: ScanProgress) => void): Promise<{ report: PostureReport; message: M }> {
    const report = await this.compose(await this.freshScan(scans, onProgress));
    return { report, message: this.options.delivery.render(report) };
  }

  /**
   * The daily run: scans through `scans` (or, without it, reports on the latest stored scan), prunes,
   * builds, stores and posts. The stored record says whether it was posted, or why not (already logged).
   * If the scan cannot run at all, the channel is told so and the error is rethrown.
   */
  async post(scans: ScanRunner | undefined, options: PostOptions = {}): Promise<PostedReport> {
    const channel = this.options.channel;
    if (!channel) throw new NoReportChannelError();
    const { store, delivery, logger } = this.options;
    let scan: StoredScan | string | undefined = options.scanId;
    if (scan === undefined && scans) {
      try {
        scan = await this.freshScan(scans, options.onProgress);
      } catch (err) {
        await this.announceFailure(channel, err);
        throw err;
      }
    }
    const pruned = await store.prune(daysBefore(this.clock.now(), this.options.retentionDays));
    if (pruned.scans || pruned.reports) {
      logger.info(`awscheck: pruned ${pruned.scans} scans and ${pruned.reports} reports older than ${this.options.retentionDays} days`);
    }
    const report = await this.compose(scan);
    const record = await store.createReport(
      {
        name: DAILY_REPORT,
        ...(options.slot ? { slot: options.slot } : {}),
        scanId: report.scanId,
        channel,
        score: report.score,
        message: delivery.render(report),
      },
      this.clock.now().toISOString(),
    );
    const posted = await this.deliver(record, {
      ...this.attachment(report.date),
      results: async () => report.scan.results,
      chart: () => this.chartFile(report),
    });
    return { record: posted, report };
  }

  /** Re-posts a kept report (default: the latest one not posted) as it was built. */
  async repost(reportId?: string): Promise<ReportRecord | undefined> {
    const { store } = this.options;
    const record = reportId
      ? await store.getReport(reportId)
      : await store.latestReport({ name: DAILY_REPORT, status: ['pending', 'failed'] });
    if (!record) return undefined;
    const day = localDay(record.createdAt, this.options.timeZone);
    return this.deliver(record, {
      ...this.attachment(day),
      results: async () => {
        const scan = await store.getScan(record.scanId);
        if (!scan) throw new Error(`scan ${record.scanId} is no longer stored`);
        return scan.report.results;
      },
      chart: async () => {
        const scan = await store.getScan(record.scanId);
        if (!scan) throw new Error(`scan ${record.scanId} is no longer stored`);
        // The chart as of the report's day, like the message it goes with.
        const days = await chartHistory(store, { scanId: record.scanId, scan: scan.report, now: new Date(record.createdAt), timeZone: this.options.timeZone });
        return this.chartFileOf(renderTrendPng(days, this.options.locale), day);
      },
    });
  }

  /** The 30-day trend chart (PNG) for a report, drawn from the stored history. */
  async chart(report: PostureReport): Promise<Buffer> {
    const days = await chartHistory(this.options.store, {
      scanId: report.scanId,
      scan: report.scan,
      now: new Date(report.generatedAt),
      timeZone: report.timeZone,
    });
    return renderTrendPng(days, this.options.locale);
  }

  private async chartFile(report: PostureReport): Promise<ChartFile> {
    return this.chartFileOf(await this.chart(report), report.date);
  }

  private chartFileOf(png: Buffer, day: string): ChartFile {
    const { locale } = this.options;
    return {
      filename: `awscheck-trend-${day}.png`,
      title: t(locale, CHART_TEXT.fileTitle, { date: day }),
      altText: t(locale, CHART_TEXT.altText, { days: CHART_DAYS }),
      png,
    };
  }

  /** Posts through the delivery and keeps on the record what happened: posted (with what could not be attached), or why not. */
  private async deliver(record: ReportRecord, attachment: Attachment): Promise<ReportRecord> {
    const { store, logger } = this.options;
    const delivered = await this.options.delivery.post(record, attachment);
    if (delivered.status !== 'posted') {
      logger.error(`awscheck report ${record.id}: ${delivered.error}`);
      await store.updateReport(record.id, { status: delivered.status, error: delivered.error });
      return { ...record, status: delivered.status, error: delivered.error };
    }
    for (const warning of delivered.warnings) logger.warn(`awscheck report ${record.id}: ${warning}`);
    const { error: _previous, ...rest } = record;
    const error = delivered.warnings.length ? delivered.warnings.join('; ') : undefined;
    const update = {
      status: 'posted' as const,
      postedAt: this.clock.now().toISOString(),
      ...(delivered.messageTs ? { messageTs: delivered.messageTs } : {}),
      ...(error ? { error } : {}),
    };
    await store.updateReport(record.id, update);
    logger.info(`awscheck report ${record.id} posted to ${record.channel}`);
    return { ...rest, ...update };
  }

  private attachment(day: string): { filename: string; title: string } {
    return { filename: `awscheck-${day}.csv`, title: t(this.options.locale, REPORT_TEXT.csvTitle, { date: day }) };
  }

  /** A scan that could not run still tells the channel, so a silent day never reads as "all fine". */
  private async announceFailure(channel: string, err: unknown): Promise<void> {
    try {
      await this.options.delivery.announceFailure(channel, (err as Error).message ?? String(err));
    } catch (postErr) {
      this.options.logger.error(`awscheck: could not tell ${channel} that the report failed: ${(postErr as Error).message}`);
    }
  }
}
