// The results message: score and counts, errors first, then every failing check as one group, worst first
// (severity, title, how many resources, the first few names, its buttons). Checks that have no room for
// their own blocks still get a line each and a menu entry, so no check hides behind another's volume. A
// scan of one check lists its findings one by one instead, as far as they fit. Pure: the buttons' ids
// (finding snapshots, the result set) are computed before rendering.
import { countFailures, postureScore } from '../../engine/score.ts';
import { type AnyCheck, type CheckResult, type ScanError, type ScanReport, SEVERITIES } from '../../engine/types.ts';
import { type Locale, type Localized, t } from '../../i18n/locale.ts';
import { evidenceIn } from '../../i18n/message.ts';
import { MSG, SEVERITY_EMOJI } from '../messages.ts';
import { clipMrkdwn, code, escapeMrkdwn } from '../mrkdwn.ts';
import { type FindingGroup, groupFailures, resourceLabel } from '../results/groups.ts';
import { GTEXT } from '../results/text.ts';
import { type Block, type Button, actions, context, header, section } from './blocks.ts';
import { explainButton, type GroupRenderContext, layoutGroups, showAllButton } from './groups.ts';
import { BLOCK_KIT, measureBlocks } from './limits.ts';
import { describeSelection } from './scope.ts';

export { explainButton } from './groups.ts';

/**
 * Extra buttons for one failing finding (the remediation feature adds "Fix…" and "Accept risk"), labelled in
 * `locale` (the reader's) or, without it, in the channel's language.
 */
export type FindingActions = (result: CheckResult, locale?: Locale) => Button[];

export interface ResultsRenderOptions {
  locale: Locale;
  /** For check titles; a result of a check not in it shows its id only. */
  catalogue: readonly AnyCheck[];
  /** Each finding's extra buttons, computed before rendering (see findingsWithButtons). */
  findingButtons?: ReadonlyMap<CheckResult, readonly Button[]>;
  /** A group's extra buttons by check id, computed before rendering. */
  groupButtons?: ReadonlyMap<string, readonly Button[]>;
  /** The stored result set behind "Show all"; without it there are no Show all buttons. */
  resultSetId?: string;
  /** mrkdwn saying where the full list went; shown only when findings were left out. */
  overflowNote?: string;
}

export interface RenderedResults {
  /** Notification text; holds no AWS-supplied text. */
  text: string;
  blocks: Block[];
  /** Findings shown or named in the message. */
  shownFindings: number;
  totalFindings: number;
  /** Failing checks (groups); every one is in the message. */
  groups: number;
  truncated: boolean;
}

/** Characters kept back for the footer, so it always fits after the findings. */
const FOOTER_RESERVE = 700;
const EVIDENCE_MAX = 500;
const ERROR_LINES = 8;
const NOTE_MAX = 300;
/** Findings listed one by one when the results hold a single failing check. */
const DETAILED_MAX = 25;

function accountLabel(accountId: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(accountId);
  return name && name !== accountId ? `${escapeMrkdwn(name)} (${escapeMrkdwn(accountId)})` : escapeMrkdwn(accountId);
}

/**
 * The findings whose own buttons the message may show, so a caller can compute them (and store their
 * snapshots) before rendering: the lone finding of each one-finding check, or the first findings of a
 * single failing check.
 */
export function findingsWithButtons(report: ScanReport, catalogue: readonly AnyCheck[]): CheckResult[] {
  const groups = groupFailures(report.results, catalogue);
  if (groups.length === 1) return (groups[0]?.findings ?? []).slice(0, DETAILED_MAX);
  return groups.filter((g) => g.findings.length === 1).flatMap((g) => g.findings);
}

interface FindingContext {
  titles: ReadonlyMap<string, Localized>;
  names: ReadonlyMap<string, string>;
}

function findingBlocks(result: CheckResult, options: ResultsRenderOptions, context_: FindingContext): Block[] {
  const title: Localized | undefined = context_.titles.get(result.checkId);
  const meta = [
    title ? `_${escapeMrkdwn(t(options.locale, title))}_` : undefined,
    code(result.checkId),
    accountLabel(result.accountId, context_.names),
    escapeMrkdwn(result.region),
    code(resourceLabel(result)),
  ].filter((part): part is string => part !== undefined);
  const text = `${clipMrkdwn(escapeMrkdwn(evidenceIn(options.locale, result)), EVIDENCE_MAX)}\n${meta.join(' · ')}`;
  const explain = explainButton(result.checkId, options.locale);
  const extra = options.findingButtons?.get(result) ?? [];
  // A section holds one accessory; more buttons need an actions block under it.
  if (extra.length === 0) return [section(text, explain)];
  return [section(text), actions([explain, ...extra])];
}

function summaryText(results: readonly CheckResult[], locale: Locale): string {
  const counts = countFailures(results);
  const bySeverity = SEVERITIES.map((s) => `${SEVERITY_EMOJI[s]} *${t(locale, MSG.severity(s))}* ${counts[s]}`).join(' · ');
  const passed = results.filter((r) => r.status === 'PASS').length;
  const muted = results.filter((r) => r.status === 'MUTED').length;
  const errors = new Set(results.filter((r) => r.status === 'ERROR').map((r) => r.checkId)).size;
  const rest = [t(locale, MSG.passedCount(passed))];
  if (muted) rest.push(t(locale, MSG.mutedCount(muted)));
  if (errors) rest.push(t(locale, MSG.errorCount(errors)));
  return `${bySeverity}\n${rest.join(' · ')}`;
}

function errorLines(report: ScanReport, names: ReadonlyMap<string, string>, locale: Locale): string[] {
  const errors: ScanError[] = report.errors.length
    ? report.errors
    : report.results
        .filter((r) => r.status === 'ERROR')
        .map((r) => ({ accountId: r.accountId, region: r.region, checkIds: [r.checkId], reason: evidenceIn(locale, r) }));
  const lines = errors.map((e) => {
    const where = [e.accountId ? accountLabel(e.accountId, names) : undefined, e.region ? escapeMrkdwn(e.region) : undefined]
      .filter(Boolean)
      .join(' · ');
    const ids = e.checkIds ?? [];
    const checks = ids.slice(0, 5).map(code).join(', ') + (ids.length > 5 ? ` +${ids.length - 5}` : '');
    return t(locale, MSG.errorLine(where || '—', e.reason, checks));
  });
  if (lines.length <= ERROR_LINES) return lines;
  return [...lines.slice(0, ERROR_LINES), t(locale, MSG.andMore(lines.length - ERROR_LINES))];
}

function headBlocks(report: ScanReport, options: ResultsRenderOptions, names: ReadonlyMap<string, string>): Block[] {
  const { locale } = options;
  const seconds = Math.max(0, Math.round((Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000)) || 0;
  const blocks: Block[] = [
    header(t(locale, MSG.resultsHeader(postureScore(report.results)))),
    section(summaryText(report.results, locale)),
    context([
      t(locale, MSG.scope(clipMrkdwn(describeSelection(report.selection, locale), 500))),
      t(locale, MSG.scanFacts(report.accounts.length, report.regions.length, seconds)),
    ]),
  ];
  const erroredChecks = new Set(report.results.filter((r) => r.status === 'ERROR').map((r) => r.checkId)).size;
  if (erroredChecks > 0 || report.errors.length > 0) {
    // Errors first: a reader must know the picture is incomplete before reading the findings.
    const lines = errorLines(report, names, locale);
    blocks.push(section([t(locale, MSG.errorsTitle(erroredChecks)), ...lines].join('\n')));
  }
  if (report.notes.length > 0) {
    const notes = report.notes.slice(0, 3).map((n) => clipMrkdwn(escapeMrkdwn(n.message), NOTE_MAX));
    if (report.notes.length > 3) notes.push(t(locale, MSG.andMore(report.notes.length - 3)));
    blocks.push(context(notes));
  }
  return blocks;
}

interface Body {
  blocks: Block[];
  shown: number;
  footer?: string;
}

/** One failing check: its group buttons, then its findings one by one, as many as fit. */
function singleCheck(group: FindingGroup, options: ResultsRenderOptions, findingContext: FindingContext, room: { blocks: number; text: number }): Body {
  const { locale } = options;
  const blocks: Block[] = [];
  const groupRow: Button[] = [
    ...(options.resultSetId && group.findings.length > 1 ? [showAllButton(group, options.resultSetId, locale)] : []),
    ...(options.groupButtons?.get(group.checkId) ?? []),
  ];
  if (groupRow.length > 0) blocks.push(actions(groupRow));
  const start = measureBlocks(blocks);
  let blocksLeft = room.blocks - start.blocks;
  let charsLeft = room.text - start.totalText;
  const counts = countFailures(group.findings);
  let shown = 0;
  let severity: CheckResult['severity'] | undefined;
  for (const result of group.findings) {
    const pieces: Block[] = [];
    if (result.severity !== severity) pieces.push(section(t(locale, MSG.severityHeading(result.severity, counts[result.severity]))));
    pieces.push(...findingBlocks(result, options, findingContext));
    const size = measureBlocks(pieces);
    if (size.blocks > blocksLeft || size.totalText > charsLeft) break;
    blocks.push(...pieces);
    blocksLeft -= size.blocks;
    charsLeft -= size.totalText;
    severity = result.severity;
    shown += 1;
  }
  return { blocks, shown, footer: t(locale, MSG.truncated(shown, group.findings.length)) };
}

export function renderResults(report: ScanReport, options: ResultsRenderOptions): RenderedResults {
  const { locale } = options;
  const names = new Map(report.accounts.map((a) => [a.accountId, a.name]));
  const findingContext: FindingContext = { titles: new Map(options.catalogue.map((c) => [c.id, c.title])), names };
  const groups = groupFailures(report.results, options.catalogue);
  const total = groups.reduce((sum, g) => sum + g.findings.length, 0);
  const counts = countFailures(report.results);
  const errorChecks = new Set(report.results.filter((r) => r.status === 'ERROR').map((r) => r.checkId)).size;

  const blocks = headBlocks(report, options, names);
  if (groups.length === 0) blocks.push(section(t(locale, MSG.noFindings)));

  const head = measureBlocks(blocks);
  const room = { blocks: BLOCK_KIT.maxMessageBlocks - head.blocks - 1, text: BLOCK_KIT.maxMessageText - head.totalText - FOOTER_RESERVE };
  let body: Body = { blocks: [], shown: 0 };
  const [only] = groups;
  if (groups.length === 1 && only) {
    body = singleCheck(only, options, findingContext, room);
  } else if (groups.length > 1) {
    const ctx: GroupRenderContext = {
      locale,
      accountNames: names,
      ...(options.resultSetId ? { resultSetId: options.resultSetId } : {}),
      ...(options.findingButtons ? { findingButtons: options.findingButtons } : {}),
      ...(options.groupButtons ? { groupButtons: options.groupButtons } : {}),
    };
    const layout = layoutGroups(groups, ctx, room);
    body = { blocks: layout.blocks, shown: layout.named, footer: t(locale, GTEXT.groupsFooter(groups.length, total)) };
  }
  blocks.push(...body.blocks);

  const truncated = body.shown < total;
  if (truncated) {
    const note = [body.footer, options.overflowNote].filter(Boolean).join(' ');
    blocks.push(context([clipMrkdwn(note, FOOTER_RESERVE)]));
  }
  return {
    text: t(locale, MSG.resultsFallback(postureScore(report.results), counts.critical, counts.high, errorChecks)),
    blocks,
    shownFindings: body.shown,
    totalFindings: total,
    groups: groups.length,
    truncated,
  };
}
