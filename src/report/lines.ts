// One line per item of the report, and the report's lists of them, shared by the Slack and markdown
// renderers; each renderer brings its own escaping, so AWS text can never turn into markup in either.
import type { CheckResult, ScanAccount, ScanError, Severity } from '../engine/types.ts';
import { type Locale, type Localized, t } from '../i18n/locale.ts';
import { evidenceIn } from '../i18n/message.ts';
import { clipText } from '../render/clip.ts';
import { SEVERITY_NAMES } from '../i18n/severity.ts';
import { REPORT_TEXT } from './messages.ts';
import type { ExpiringRisk, PostureReport } from './model.ts';
import { localDay } from '../i18n/format.ts';
import { TERMS } from '../i18n/terms.ts';

export interface TextFormat {
  /** Makes AWS- or user-supplied text inert. */
  escape(text: string): string;
  bold(text: string): string;
  code(text: string): string;
  /** A Slack user id (who accepted a risk), shown the way the medium can. */
  user(id: string): string;
}

export const SEVERITY_ICON: Record<Severity, string> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  info: '⚪',
};

/** A list of the report under its title, as both renderers show one: the title counts every item, the lines stop at `cap`. */
export interface TitledList<T> {
  title: Localized;
  items: readonly T[];
  cap: number;
  line: (item: T) => string;
  /** "…and {count} more", for the items past the cap. */
  more: Localized;
  /** Said under the title when there are no items; without it, an empty list is left out. */
  none?: Localized;
}

/** Evidence longer than this is cut: the CSV has it whole. */
const MAX_EVIDENCE = 220;
const MAX_CHECK_IDS = 4;

export class LineWriter {
  private readonly names: Map<string, string>;

  constructor(
    accounts: readonly ScanAccount[],
    private readonly locale: Locale,
    private readonly format: TextFormat,
  ) {
    this.names = new Map(accounts.map((a) => [a.accountId, a.name]));
  }

  private where(accountId: string | undefined, region: string | undefined): string {
    const account = accountId === undefined ? t(this.locale, REPORT_TEXT.allAccounts) : (this.names.get(accountId) ?? accountId);
    return this.format.escape(region === undefined ? account : `${account} · ${region}`);
  }

  private evidence(text: string): string {
    return this.format.escape(clipText(text.replace(/\s+/g, ' ').trim(), MAX_EVIDENCE));
  }

  severity(severity: Severity): string {
    return `${SEVERITY_ICON[severity]} ${this.format.bold(t(this.locale, SEVERITY_NAMES[severity]))}`;
  }

  finding(r: CheckResult): string {
    return `${this.severity(r.severity)} ${this.format.code(r.checkId)} ${this.where(r.accountId, r.region)} · ${this.evidence(evidenceIn(this.locale, r))}`;
  }

  resolved(r: CheckResult): string {
    return `✅ ${this.format.code(r.checkId)} ${this.where(r.accountId, r.region)} · ${this.evidence(evidenceIn(this.locale, r))}`;
  }

  scanError(e: ScanError): string {
    const ids = e.checkIds ?? [];
    const checks = ids.length
      ? `${ids.slice(0, MAX_CHECK_IDS).map((id) => this.format.code(id)).join(', ')}${ids.length > MAX_CHECK_IDS ? ` +${ids.length - MAX_CHECK_IDS}` : ''}: `
      : '';
    return `⚠️ ${this.where(e.accountId, e.region)} · ${checks}${this.evidence(e.reason)}`;
  }

  errorResult(r: CheckResult): string {
    return `⚠️ ${this.format.code(r.checkId)} ${this.where(r.accountId, r.region)} · ${this.format.escape(clipText(r.resourceId, 80))}: ${this.evidence(evidenceIn(this.locale, r))}`;
  }

  expiring(risk: ExpiringRisk, timeZone: string): string {
    return this.risk('⏳', REPORT_TEXT.expiry, risk, timeZone);
  }

  expired(risk: ExpiringRisk, timeZone: string): string {
    return this.risk('🔔', REPORT_TEXT.expired, risk, timeZone);
  }

  /** An accepted risk with its expiry day, who accepted it and why, in the given wording. */
  private risk(icon: string, wording: Localized, risk: ExpiringRisk, timeZone: string): string {
    const day = localDay(risk.expiresAt, timeZone);
    const detail = t(this.locale, wording, {
      time: day,
      who: this.format.user(risk.acceptedBy),
      reason: this.evidence(risk.reason),
    });
    return `${icon} ${this.format.code(risk.checkId)} ${this.where(risk.accountId, risk.region)} · ${this.evidence(evidenceIn(this.locale, risk))} (${detail})`;
  }
}

/** How many items each list shows, per renderer. */
export type ListCaps = Record<'new' | 'firstSeen' | 'resolved' | 'expired' | 'expiring', number>;

/** What changed since the last report: new and resolved always show (saying when there is none), first seen only if any. */
export function changeLists(report: PostureReport, writer: LineWriter, caps: ListCaps, more: Localized): TitledList<CheckResult>[] {
  const { diff } = report;
  const finding = (r: CheckResult) => writer.finding(r);
  return [
    { title: REPORT_TEXT.newTitle, none: REPORT_TEXT.nothingNew, items: diff.new, cap: caps.new, line: finding, more },
    { title: REPORT_TEXT.firstSeenTitle, items: diff.firstSeen, cap: caps.firstSeen, line: finding, more },
    { title: REPORT_TEXT.resolvedTitle, none: REPORT_TEXT.nothingResolved, items: diff.resolved, cap: caps.resolved, line: (r) => writer.resolved(r), more },
  ];
}

/** Accepted risks that expired since the last report, then those about to; each shows only if any. */
export function riskLists(report: PostureReport, writer: LineWriter, caps: ListCaps): TitledList<ExpiringRisk>[] {
  const { timeZone } = report;
  const more = REPORT_TEXT.moreNoCsv;
  return [
    { title: REPORT_TEXT.expiredTitle, items: report.expiredRisks, cap: caps.expired, line: (r) => writer.expired(r, timeZone), more },
    { title: REPORT_TEXT.expiringTitle, items: report.expiringRisks, cap: caps.expiring, line: (r) => writer.expiring(r, timeZone), more },
  ];
}

export function formatScore(score: number | undefined, locale: Locale): string {
  return score === undefined ? t(locale, TERMS.noScore) : score.toFixed(1);
}

/** "+1.3", "−2.0", "±0.0"; undefined when either score is missing. */
export function formatDelta(score: number | undefined, previous: number | undefined): string | undefined {
  if (score === undefined || previous === undefined) return undefined;
  const delta = Math.round((score - previous) * 10) / 10;
  if (delta === 0) return '±0.0';
  return delta > 0 ? `▲ +${delta.toFixed(1)}` : `▼ −${Math.abs(delta).toFixed(1)}`;
}
