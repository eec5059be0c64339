// Where a report goes once it is built: the service decides what to post and keeps the record; the
// delivery (Slack's, in src/slack/delivery/report/) renders it for its medium and sends it.
import type { CheckResult } from '../engine/types.ts';
import type { ReportRecord, ReportStatus, StoredMessage } from '../store/store.ts';
import type { PostureReport } from './model.ts';

export interface ReportLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ChartFile {
  filename: string;
  title: string;
  altText: string;
  png: Buffer;
}

/** What goes with a posted report: the full results as CSV, then the trend chart. */
export interface Attachment {
  filename: string;
  title: string;
  /** The results to attach (for a re-post, read from the stored scan, which may be gone). */
  results: () => Promise<readonly CheckResult[]>;
  /** The trend chart; a chart that fails never fails the report. */
  chart?: () => Promise<ChartFile>;
}

/** A report that reached the channel (with what could not be attached), or why it did not. */
export type Delivered =
  | { status: 'posted'; messageTs?: string; warnings: string[] }
  | { status: Exclude<ReportStatus, 'posted'>; error: string };

/** `M`: the medium's message (Slack's blocks), kept on the report record. */
export interface ReportDelivery<M extends StoredMessage = StoredMessage> {
  /** The report as the channel will read it; stored with the report so a re-post sends it as built. */
  render(report: PostureReport): M;
  /** Posts a stored report's message, then its attachments in the message's thread. */
  post(record: ReportRecord, attachment: Attachment): Promise<Delivered>;
  /** Tells the channel the daily scan could not run, so a silent day never reads as "all fine". */
  announceFailure(channel: string, reason: string): Promise<void>;
}
