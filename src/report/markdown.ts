// The posture report as Markdown, for `awscheck report --print` (terminals, CI logs, wiki pages).
// No message-size limits here, but lists are still capped so a 50,000-result scan prints a report, not a dump.
import { type Locale, t } from '../i18n/locale.ts';
import { SEVERITIES } from '../engine/types.ts';
import { changeLists, formatDelta, formatScore, LineWriter, riskLists, SEVERITY_ICON, type TextFormat, type TitledList } from './lines.ts';
import { SEVERITY_NAMES } from '../i18n/severity.ts';
import { REPORT_TEXT } from './messages.ts';
import type { PostureReport } from './model.ts';
import { sparkline } from './trend.ts';
import { localTime } from '../i18n/format.ts';
import { TERMS } from '../i18n/terms.ts';

export const MARKDOWN_CAPS = { errors: 50, errorResults: 50, new: 100, firstSeen: 50, resolved: 100, expiring: 50, expired: 50 } as const;

/**
 * Escapes what makes inline Markdown (emphasis, code, links, tables, HTML) so AWS names print as text.
 * Line-start syntax (#, -, >) needs nothing: every line we print starts with our own text.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|~]/g, '\\$&').replace(/</g, '&lt;');
}

const markdownFormat: TextFormat = {
  escape: escapeMarkdown,
  bold: (t) => `**${t}**`,
  code: (t) => `\`${t.replace(/`/g, "'")}\``,
  user: (id) => escapeMarkdown(id.length > 40 ? `${id.slice(0, 39)}…` : id),
};

function bulletList<T>(items: readonly T[], cap: number, line: (item: T) => string, more: (n: number) => string): string[] {
  const lines = items.slice(0, cap).map((item) => `- ${line(item)}`);
  if (items.length > cap) lines.push(`- _${more(items.length - cap)}_`);
  return lines;
}

function titledList<T>({ title, items, cap, line, more, none }: TitledList<T>, locale: Locale): string[] {
  const heading = `## ${t(locale, title, { count: items.length })}`;
  if (items.length === 0) return none ? [heading, '', t(locale, none), ''] : [];
  return [heading, '', ...bulletList(items, cap, line, (n) => t(locale, more, { count: n })), ''];
}


export function renderMarkdown(report: PostureReport, locale: Locale): string {
  const w = new LineWriter(report.scan.accounts, locale, markdownFormat);
  const more = (n: number) => t(locale, REPORT_TEXT.moreNoCsv, { count: n });
  const { diff, scan } = report;
  const out: string[] = [`# ${t(locale, REPORT_TEXT.title)} · ${report.date}`, ''];

  const accounts = scan.accounts.map((a) => (a.name && a.name !== a.accountId ? `${a.name} (${a.accountId})` : a.accountId));
  out.push(`- **${t(locale, TERMS.accounts)}:** ${escapeMarkdown(accounts.join(', ') || '-')}`);
  out.push(`- **${t(locale, TERMS.regions)}:** ${escapeMarkdown(scan.regions.join(', ') || '-')}`);
  out.push(`- ${t(locale, REPORT_TEXT.scanFinished, { time: localTime(scan.finishedAt, report.timeZone) })}`);
  out.push(
    `- ${report.baselineFinishedAt ? t(locale, REPORT_TEXT.comparedWith, { time: localTime(report.baselineFinishedAt, report.timeZone) }) : t(locale, REPORT_TEXT.noBaseline)}`,
  );
  out.push('');

  if (scan.errors.length || report.unexplainedErrors.length) {
    out.push(`## ⚠️ ${t(locale, REPORT_TEXT.errorsTitle)}`, '');
    out.push(...bulletList(scan.errors, MARKDOWN_CAPS.errors, (e) => w.scanError(e), more));
    out.push(...bulletList(report.unexplainedErrors, MARKDOWN_CAPS.errorResults, (r) => w.errorResult(r), more));
    out.push('');
  }

  const delta = formatDelta(report.score, report.previousScore);
  out.push(`## ${t(locale, TERMS.score)}: ${formatScore(report.score, locale)}`, '');
  out.push(delta ? t(locale, REPORT_TEXT.scoreChange, { delta }) : t(locale, REPORT_TEXT.scoreFirst));
  out.push('', `\`${sparkline(report.trend)}\` ${t(locale, REPORT_TEXT.trend)}`, '', `_${t(locale, REPORT_TEXT.scoreHelp)}_`, '');
  out.push(`### ${t(locale, REPORT_TEXT.failingBySeverity)}`, '');
  out.push(`| ${SEVERITIES.map((s) => `${SEVERITY_ICON[s]} ${t(locale, SEVERITY_NAMES[s])}`).join(' | ')} |`);
  out.push(`|${SEVERITIES.map(() => '---:').join('|')}|`);
  out.push(`| ${SEVERITIES.map((s) => report.failing[s]).join(' | ')} |`, '');

  out.push(...changeLists(report, w, MARKDOWN_CAPS, REPORT_TEXT.moreNoCsv).flatMap((l) => titledList(l, locale)));
  for (const [list, text] of [
    [diff.gone, REPORT_TEXT.gone],
    [diff.unknown, REPORT_TEXT.unknown],
    [diff.outOfScope, REPORT_TEXT.outOfScope],
  ] as const) {
    if (list.length) out.push(`_${t(locale, text, { count: list.length })}_`, '');
  }

  out.push(...riskLists(report, w, MARKDOWN_CAPS).flatMap((l) => titledList(l, locale)));
  if (scan.notes.length) {
    out.push(`## ${t(locale, TERMS.notes)}`, '');
    out.push(...bulletList(scan.notes, MARKDOWN_CAPS.errors, (n) => escapeMarkdown(n.message), more), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
