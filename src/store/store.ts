// What awscheck remembers: scans, reports, scheduler slots, and (`remediation`) fixes, risks and the audit
// trail. Methods speak in domain terms and are async, so a DynamoDB implementation can satisfy the same
// interface; no SQL leaves src/store/sqlite/.
import type { CheckResult, ScanAccount, ScanError, ScanNote, ScanReport, ScanStart } from '../engine/types.ts';
import type { AlertStore } from '../alerts/store.ts';
import type { RemediationStore } from '../remediation/store.ts';

/** A stored scan without its results: enough to pick a baseline or draw a trend. */
export interface ScanSummary {
  id: string;
  startedAt: string;
  finishedAt: string;
  /** selectionKey(report.selection): only scans with the same key are compared. */
  selectionKey: string;
  accounts: ScanAccount[];
  regions: string[];
  /** No part of the scan failed (no scan errors, no ERROR result). */
  complete: boolean;
  /** postureScore of the results; undefined when nothing could be evaluated. */
  score: number | undefined;
  resultCount: number;
  failCount: number;
  errorCount: number;
}

export interface StoredScan {
  summary: ScanSummary;
  report: ScanReport;
}

export type { ScanStart };

/** A piece of a running scan, usually one account's finished part (the engine's AccountReport). */
export interface ScanPart {
  accounts: ScanAccount[];
  regions: string[];
  results: CheckResult[];
  errors: ScanError[];
  notes: ScanNote[];
}

export interface ScanQuery {
  selectionKey?: string;
  /** Only scans that finished strictly before this ISO time. */
  finishedBefore?: string;
  /** Only scans with no failed part. */
  complete?: boolean;
}

export const REPORT_STATUSES = ['pending', 'posted', 'failed'] as const;
/**
 * pending: not delivered yet, or refused for a reason the operator can fix (bot not in the channel,
 * rate limit, network); failed: refused for another reason. Both can be re-posted.
 */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The rendered Slack message, kept so a refused report is re-posted exactly as it was built. */
export interface StoredMessage {
  text: string;
  blocks: readonly object[];
}

export interface NewReport {
  /** Which report this is, e.g. `daily`; baselines are looked up per name. */
  name: string;
  /** The scheduler slot (`daily-report:2026-11-25T00:00:00.000Z`) for scheduled runs. */
  slot?: string;
  scanId: string;
  channel: string;
  score: number | undefined;
  message: StoredMessage;
}

export interface ReportRecord extends NewReport {
  id: string;
  createdAt: string;
  status: ReportStatus;
  /** Why the last post attempt failed, with how to fix it. */
  error?: string;
  postedAt?: string;
  /** Slack's ts of the posted message. */
  messageTs?: string;
}

export interface ReportUpdate {
  status: ReportStatus;
  error?: string;
  postedAt?: string;
  messageTs?: string;
}

export interface ReportQuery {
  name?: string;
  status?: readonly ReportStatus[];
}

export interface PruneResult {
  scans: number;
  reports: number;
  slots: number;
}

export interface Store {
  /**
   * Starts a scan and returns its id. Until finishScan the scan is running: no read below sees it (not
   * getScan, latestScan, scanSummaries nor latestPerAccount), and if it never finishes (the process died)
   * it stays so until prune removes it by its start time.
   */
  beginScan(start: ScanStart): Promise<string>;
  /**
   * Adds a part to a running scan, after the parts already added (getScan returns results in that order).
   * Calls for one scan may overlap; each part is stored whole or not at all.
   */
  appendScan(id: string, part: ScanPart): Promise<void>;
  /** Ends a running scan: from now on it is read like any saved scan. Its summary comes from what was added. */
  finishScan(id: string, end: { finishedAt: string }): Promise<ScanSummary>;
  /** Persists the whole report (selection, times, accounts, regions, errors, notes, every result) in the three steps above. */
  saveScan(report: ScanReport): Promise<ScanSummary>;
  /** A finished scan; undefined for an unknown or still running one. */
  getScan(id: string): Promise<StoredScan | undefined>;
  /** The most recent scan matching the query, results included. */
  latestScan(query?: ScanQuery): Promise<StoredScan | undefined>;
  /** Summaries finished at or after `since`, oldest first (for trends). */
  scanSummaries(query: { selectionKey: string; since: string }): Promise<ScanSummary[]>;
  /**
   * For each account ever scanned, its latest scan narrowed to that account. Scans of the whole
   * catalogue are preferred over narrower ones (`/awscheck s3`) so a summary is not mistaken for all.
   */
  latestPerAccount(): Promise<ScanReport[]>;
  /** Deletes scans (finished before `before`, or started before it and never finished), reports and slots older than `before` (ISO time). */
  prune(before: string): Promise<PruneResult>;

  /**
   * Claims a scheduler slot atomically: true for exactly one caller per key, however many replicas
   * share the store.
   */
  claimSlot(key: string, owner: string, at: string): Promise<boolean>;
  /** Records that the slot's run ended (for operators reading the store; claims never expire). */
  completeSlot(key: string, at: string): Promise<void>;

  createReport(report: NewReport, at: string): Promise<ReportRecord>;
  updateReport(id: string, update: ReportUpdate): Promise<void>;
  getReport(id: string): Promise<ReportRecord | undefined>;
  latestReport(query?: ReportQuery): Promise<ReportRecord | undefined>;

  /** Fix requests, risk acceptances and the audit trail, in the same database. */
  readonly remediation: RemediationStore;

  /** Real-time alerts: handled CloudTrail events and one open alert per finding (src/alerts). */
  readonly alerts: AlertStore;

  close(): Promise<void>;
}
