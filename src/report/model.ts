// The posture report as data: what every renderer (Slack blocks, markdown) shows. Pure: built from a
// scan, its baseline and the score history, with no I/O.
import { countFailures, postureScore, type SeverityCounts } from '../engine/score.ts';
import type { CheckResult, ScanReport } from '../engine/types.ts';
import type { RiskAcceptance } from '../remediation/store.ts';
import type { Message } from '../i18n/message.ts';
import { Coverage } from './coverage.ts';
import { diffFindings, type FindingDiff } from './diff.ts';
import { localDay } from '../i18n/format.ts';
import type { TrendPoint } from './trend.ts';
import { DAY_MS } from '../time/units.ts';

export const EXPIRY_WINDOW_DAYS = 7;

/** An accepted risk whose expiry is near: after it, the finding is FAIL again. */
export interface ExpiringRisk {
  checkId: string;
  severity: CheckResult['severity'];
  accountId: string;
  region: string;
  resourceId: string;
  subResourceId?: string;
  evidence: string;
  /** The finding's evidence, language-neutral, when it was stored with one. */
  message?: Message;
  reason: string;
  acceptedBy: string;
  expiresAt: string;
}

export interface ReportBaseline {
  scanId: string;
  report: ScanReport;
  score: number | undefined;
}

export interface ReportInput {
  /** Which report, e.g. `daily`. */
  name: string;
  /** The stored scan the report is about. */
  scanId: string;
  scan: ScanReport;
  baseline?: ReportBaseline;
  /** Scores of the last days, oldest first. */
  trend: TrendPoint[];
  now: Date;
  timeZone: string;
  /**
   * Accepted risks expiring soon, from the accepted-risk store. Without it they are read from this scan's
   * MUTED results, which carry their acceptance.
   */
  expiringRisks?: ExpiringRisk[];
  /** Accepted risks that expired since the last report: their findings fail again. */
  expiredRisks?: ExpiringRisk[];
}

export interface PostureReport {
  name: string;
  generatedAt: string;
  /** The report's calendar day in its time zone, YYYY-MM-DD. */
  date: string;
  timeZone: string;
  scanId: string;
  scan: ScanReport;
  score: number | undefined;
  /** The baseline's score; undefined for a first report. */
  previousScore: number | undefined;
  baselineFinishedAt?: string;
  failing: SeverityCounts;
  totals: { pass: number; fail: number; error: number; muted: number };
  /** ERROR results no scan error explains (a check could not read one resource). */
  unexplainedErrors: CheckResult[];
  diff: FindingDiff;
  expiringRisks: ExpiringRisk[];
  /** Acceptances that ran out since the last report, so their findings count as FAIL again. */
  expiredRisks: ExpiringRisk[];
  trend: TrendPoint[];
}

/** An accepted risk from the acceptance store, as the report lists it. */
export function toExpiringRisk(risk: RiskAcceptance): ExpiringRisk {
  const f = risk.finding;
  return {
    checkId: f.checkId,
    severity: f.severity,
    accountId: f.accountId,
    region: f.region,
    resourceId: f.resourceId,
    ...(f.subResourceId !== undefined ? { subResourceId: f.subResourceId } : {}),
    evidence: f.evidence,
    ...(f.message ? { message: f.message } : {}),
    reason: risk.reason,
    acceptedBy: risk.decision?.by ?? risk.requestedBy,
    expiresAt: risk.expiresAt,
  };
}

export function expiringFromResults(results: readonly CheckResult[], now: Date, days = EXPIRY_WINDOW_DAYS): ExpiringRisk[] {
  const limit = now.getTime() + days * DAY_MS;
  const risks: ExpiringRisk[] = [];
  for (const r of results) {
    if (r.status !== 'MUTED' || !r.muted) continue;
    const expires = Date.parse(r.muted.expiresAt);
    if (!(expires <= limit)) continue;
    risks.push({
      checkId: r.checkId,
      severity: r.severity,
      accountId: r.accountId,
      region: r.region,
      resourceId: r.resourceId,
      ...(r.subResourceId !== undefined ? { subResourceId: r.subResourceId } : {}),
      evidence: r.evidence,
      ...(r.message ? { message: r.message } : {}),
      reason: r.muted.reason,
      acceptedBy: r.muted.acceptedBy,
      expiresAt: r.muted.expiresAt,
    });
  }
  return risks.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}

export function buildReport(input: ReportInput): PostureReport {
  const { scan } = input;
  const totals = { pass: 0, fail: 0, error: 0, muted: 0 };
  const errors: CheckResult[] = [];
  for (const r of scan.results) {
    if (r.status === 'PASS') totals.pass += 1;
    else if (r.status === 'FAIL') totals.fail += 1;
    else if (r.status === 'MUTED') totals.muted += 1;
    else {
      totals.error += 1;
      errors.push(r);
    }
  }
  const coverage = new Coverage(scan);
  return {
    name: input.name,
    generatedAt: input.now.toISOString(),
    date: localDay(input.now, input.timeZone),
    timeZone: input.timeZone,
    scanId: input.scanId,
    scan,
    score: postureScore(scan.results),
    previousScore: input.baseline?.score,
    ...(input.baseline ? { baselineFinishedAt: input.baseline.report.finishedAt } : {}),
    failing: countFailures(scan.results),
    totals,
    unexplainedErrors: errors.filter((r) => !coverage.placeFailed(r)),
    diff: diffFindings(scan, input.baseline?.report),
    expiringRisks: input.expiringRisks ?? expiringFromResults(scan.results, input.now),
    expiredRisks: [...(input.expiredRisks ?? [])].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)),
    trend: input.trend,
  };
}
