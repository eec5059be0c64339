// The posture report as a Slack message. Whatever the scan's size, the message stays inside Block Kit's
// limits (50 blocks, 3,000 characters per text, 150 per header, 10 fields): lists are capped and the
// full detail travels in the attached CSV.
import { SLACK_ID } from '../../ids.ts';
import { mention } from '../../render/remediation-parts.ts';
import type { types } from '@slack/bolt';
import { SEVERITIES } from '../../../engine/types.ts';
import { type Locale, t } from '../../../i18n/locale.ts';
import { clipMrkdwn, clipText, code, escapeMrkdwn, slackDate } from '../../mrkdwn.ts';
import { changeLists, formatDelta, formatScore, LineWriter, riskLists, SEVERITY_ICON, type TextFormat, type TitledList } from '../../../report/lines.ts';
import { SEVERITY_NAMES } from '../../../i18n/severity.ts';
import { REPORT_TEXT } from '../../../report/messages.ts';
import type { PostureReport } from '../../../report/model.ts';
import { sparkline } from '../../../report/trend.ts';
import { TERMS } from '../../../i18n/terms.ts';

type Block = types.KnownBlock;

export const BLOCK_LIMITS = { blocks: 50, text: 3000, header: 150, fields: 10, fieldText: 2000, contextElements: 10 } as const;

/** How many items each list shows before "…and N more in the attached CSV". */
export const SLACK_CAPS = { errors: 8, errorResults: 5, new: 15, firstSeen: 5, resolved: 10, expiring: 10, expired: 10 } as const;
/** A list never takes more sections than this, however long its lines. */
const SECTIONS_PER_LIST = 3;

const mrkdwnFormat: TextFormat = {
  escape: escapeMrkdwn,
  bold: (t) => `*${t}*`,
  code,
  // Only a well-formed member id becomes a mention; anything else stays text.
  user: (id) => (SLACK_ID.member.test(id) ? mention(id) : escapeMrkdwn(clipText(id, 40))),
};

export interface SlackReportMessage {
  /** Notification and accessibility fallback. */
  text: string;
  blocks: Block[];
}

// verbatim: Slack must not auto-link a bare URL or parse an @-word in AWS text (tags, descriptions, names).
function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: clipMrkdwn(text, BLOCK_LIMITS.text), verbatim: true } };
}

function context(texts: readonly string[]): Block {
  return {
    type: 'context',
    elements: texts.slice(0, BLOCK_LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text: clipMrkdwn(text, BLOCK_LIMITS.text), verbatim: true })),
  };
}

/** A titled list packed into as few sections as fit, ending with how many were left out. */
function list(title: string, lines: readonly string[], total: number, more: (count: number) => string): Block[] {
  const sections: string[] = [];
  let current = `*${title}*`;
  let shown = 0;
  for (const line of lines) {
    const next = `${current}\n${line}`;
    if (next.length <= BLOCK_LIMITS.text - 100) {
      current = next;
      shown += 1;
      continue;
    }
    if (sections.length + 1 >= SECTIONS_PER_LIST) break;
    sections.push(current);
    current = line;
    shown += 1;
  }
  if (total > shown) current += `\n_${more(total - shown)}_`;
  sections.push(current);
  return sections.map(section);
}

function listOf<T>(items: readonly T[], cap: number, line: (item: T) => string): string[] {
  return items.slice(0, cap).map(line);
}

function titledList<T>({ title, items, cap, line, more, none }: TitledList<T>, locale: Locale): Block[] {
  if (items.length === 0) return none ? [section(`*${t(locale, title, { count: 0 })}*\n${t(locale, none)}`)] : [];
  return list(t(locale, title, { count: items.length }), listOf(items, cap, line), items.length, (n) => t(locale, more, { count: n }));
}

function coverage(report: PostureReport, locale: Locale): string {
  const names = report.scan.accounts.map((a) => a.name || a.accountId);
  const accounts = names.length > 5 ? `${names.slice(0, 5).join(', ')} +${names.length - 5}` : names.join(', ');
  const regions = report.scan.regions;
  const regionText = regions.length > 6 ? `${regions.length} (${regions.slice(0, 6).join(', ')}, …)` : regions.join(', ') || '-';
  return `*${t(locale, TERMS.accounts)}:* ${escapeMrkdwn(accounts || '-')}  ·  *${t(locale, TERMS.regions)}:* ${escapeMrkdwn(regionText)}`;
}

function scoreBlock(report: PostureReport, locale: Locale): Block {
  const delta = formatDelta(report.score, report.previousScore);
  const change = delta ? t(locale, REPORT_TEXT.scoreChange, { delta }) : t(locale, REPORT_TEXT.scoreFirst);
  const text =
    `*${t(locale, TERMS.score)}: ${formatScore(report.score, locale)}*  (${change})\n` +
    `\`${sparkline(report.trend)}\`  ${t(locale, REPORT_TEXT.trend)}`;
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: clipMrkdwn(text, BLOCK_LIMITS.text), verbatim: true },
    fields: SEVERITIES.map((severity) => ({
      type: 'mrkdwn' as const,
      verbatim: true,
      text: `${SEVERITY_ICON[severity]} *${t(locale, SEVERITY_NAMES[severity])}*\n${report.failing[severity]}`,
    })),
  };
}

function errorBlocks(report: PostureReport, writer: LineWriter, locale: Locale): Block[] {
  const { errors } = report.scan;
  const extra = report.unexplainedErrors;
  if (errors.length === 0 && extra.length === 0) return [];
  const lines = [...listOf(errors, SLACK_CAPS.errors, (e) => writer.scanError(e)), ...listOf(extra, SLACK_CAPS.errorResults, (r) => writer.errorResult(r))];
  return list(`⚠️ ${t(locale, REPORT_TEXT.errorsTitle)}`, lines, errors.length + extra.length, (n) =>
    t(locale, REPORT_TEXT.more, { count: n }),
  );
}

function diffBlocks(report: PostureReport, writer: LineWriter, locale: Locale): Block[] {
  const { diff } = report;
  const blocks = changeLists(report, writer, SLACK_CAPS, REPORT_TEXT.more).flatMap((l) => titledList(l, locale));
  const remarks = [
    diff.gone.length ? t(locale, REPORT_TEXT.gone, { count: diff.gone.length }) : '',
    diff.unknown.length ? t(locale, REPORT_TEXT.unknown, { count: diff.unknown.length }) : '',
    diff.outOfScope.length ? t(locale, REPORT_TEXT.outOfScope, { count: diff.outOfScope.length }) : '',
  ].filter(Boolean);
  if (remarks.length) blocks.push(context(remarks));
  return blocks;
}

export function fallbackText(report: PostureReport, locale: Locale): string {
  const text = t(locale, REPORT_TEXT.fallback, {
    date: report.date,
    score: formatScore(report.score, locale),
    fail: report.totals.fail,
    new: report.diff.new.length,
    resolved: report.diff.resolved.length,
  });
  return report.scan.errors.length || report.totals.error ? `${text}${t(locale, REPORT_TEXT.fallbackErrors)}` : text;
}

export function renderSlackReport(report: PostureReport, locale: Locale): SlackReportMessage {
  const writer = new LineWriter(report.scan.accounts, locale, mrkdwnFormat);
  const about = [
    coverage(report, locale),
    t(locale, REPORT_TEXT.scanFinished, { time: slackDate(report.scan.finishedAt) }),
    report.baselineFinishedAt
      ? t(locale, REPORT_TEXT.comparedWith, { time: slackDate(report.baselineFinishedAt) })
      : t(locale, REPORT_TEXT.noBaseline),
  ];
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clipText(`${t(locale, REPORT_TEXT.title)} · ${report.date}`, BLOCK_LIMITS.header), emoji: true },
    },
    context(about),
    // A report with errors says so first: unknown must never read as passed.
    ...errorBlocks(report, writer, locale),
    scoreBlock(report, locale),
    context([t(locale, REPORT_TEXT.scoreHelp)]),
    { type: 'divider' },
    ...diffBlocks(report, writer, locale),
  ];
  blocks.push(...riskLists(report, writer, SLACK_CAPS).flatMap((l) => titledList(l, locale)), { type: 'divider' });
  const notes = report.scan.notes.slice(0, 3).map((n) => escapeMrkdwn(clipText(n.message, 300)));
  blocks.push(context([t(locale, REPORT_TEXT.csvNote, { count: report.scan.results.length }), ...notes]));
  return { text: fallbackText(report, locale), blocks: fitBlocks(blocks) };
}

/** The last line of defence: the caps above keep well under 50 blocks, but never send more. */
function fitBlocks(blocks: Block[]): Block[] {
  return blocks.length <= BLOCK_LIMITS.blocks ? blocks : blocks.slice(0, BLOCK_LIMITS.blocks);
}
