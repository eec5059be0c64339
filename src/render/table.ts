// The terminal view of a scan: errors first, then failing findings grouped by severity.
import { countFailures, postureScore } from '../engine/score.ts';
import { SEVERITIES, type CheckResult, type ScanReport } from '../engine/types.ts';
import { type Locale, t } from '../i18n/locale.ts';
import { evidenceIn } from '../i18n/message.ts';
import { CLI_TEXT, SEVERITY_LABEL, STATUS_LABEL } from './messages.ts';
import { TERMS } from '../i18n/terms.ts';

/** Terminal control characters from AWS data (tags, descriptions) must not reach the terminal. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

function line(r: CheckResult, locale: Locale): string {
  const where = `${r.accountId} ${r.region}`;
  const resource = r.subResourceId ? `${r.resourceId} ${r.subResourceId}` : r.resourceId;
  return `  ${r.checkId.padEnd(34)} ${where.padEnd(28)} ${plain(resource)}\n      ${plain(evidenceIn(locale, r))}`;
}

export function renderTable(report: ScanReport, locale: Locale): string {
  const out: string[] = [];
  const score = postureScore(report.results);
  const counts = countFailures(report.results);
  out.push(`${t(locale, CLI_TEXT.title)}  ${report.startedAt} → ${report.finishedAt}`);
  out.push(`${t(locale, TERMS.accounts)}: ${report.accounts.map((a) => `${a.name} (${a.accountId})`).join(', ') || t(locale, CLI_TEXT.none)}`);
  out.push(`${t(locale, TERMS.regions)}: ${report.regions.join(', ') || t(locale, CLI_TEXT.none)}`);

  const errors = report.results.filter((r) => r.status === 'ERROR');
  if (errors.length > 0) {
    out.push('', `!! ${t(locale, CLI_TEXT.errorsFirst)}`);
    for (const r of errors) out.push(line(r, locale));
  }

  const passed = report.results.filter((r) => r.status === 'PASS').length;
  const muted = report.results.filter((r) => r.status === 'MUTED').length;
  out.push(
    '',
    `${t(locale, TERMS.score)}: ${score === undefined ? t(locale, TERMS.noScore) : `${score}/100`}`,
    `${t(locale, CLI_TEXT.failing)}: ${SEVERITIES.map((s) => `${t(locale, SEVERITY_LABEL[s])} ${counts[s]}`).join(' · ')} | ${t(locale, CLI_TEXT.passed)} ${passed} | ${t(locale, CLI_TEXT.muted)} ${muted}`,
  );

  const failing = report.results.filter((r) => r.status === 'FAIL');
  if (failing.length === 0) out.push('', t(locale, CLI_TEXT.allClear));
  for (const severity of SEVERITIES) {
    const group = failing.filter((r) => r.severity === severity);
    if (group.length === 0) continue;
    out.push('', `[${t(locale, SEVERITY_LABEL[severity]).toUpperCase()}] ${t(locale, STATUS_LABEL.FAIL)} × ${group.length}`);
    for (const r of group) out.push(line(r, locale));
  }
  if (report.notes.length > 0) {
    out.push('', `${t(locale, TERMS.notes)}:`);
    for (const n of report.notes) out.push(`  - ${[n.accountId, n.region].filter(Boolean).join(' ')}${n.accountId || n.region ? ': ' : ''}${plain(n.message)}`);
  }
  return `${out.join('\n')}\n`;
}
