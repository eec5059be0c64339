// The results message: score and counts, errors first, then failing findings by severity, each with an
// Explain button (and whatever buttons the remediation feature adds). Stays inside Block Kit's limits: when
// not every finding fits, it shows the top ones and a footer that says where the full list went.
import { countFailures, postureScore } from '../../engine/score.ts';
import { type AnyCheck, type CheckResult, type ScanError, type ScanReport, SEVERITIES } from '../../engine/types.ts';
import type { Locale, Localized } from '../../i18n/locale.ts';
import { MSG, SEVERITY_EMOJI, say } from '../messages.ts';
import { clipMrkdwn, code, escapeMrkdwn } from '../mrkdwn.ts';
import { type Block, type Button, actions, button, context, header, section } from './blocks.ts';
import { BLOCK_KIT, measureBlocks } from './limits.ts';
import { describeSelection } from './scope.ts';

export const EXPLAIN_ACTION_ID = 'awscheck_explain';

/** Extra buttons for one failing finding (the remediation feature adds "Fix…" and "Accept risk"). */
export type FindingActions = (result: CheckResult) => Button[];

export interface ResultsRenderOptions {
  locale: Locale;
  /** For check titles; a result of a check not in it shows its id only. */
  catalogue: readonly AnyCheck[];
  findingActions?: FindingActions;
  /** mrkdwn saying where the full list went; shown only when findings were left out. */
  overflowNote?: string;
}

export interface RenderedResults {
  /** Notification text; holds no AWS-supplied text. */
  text: string;
  blocks: Block[];
  shownFindings: number;
  totalFindings: number;
  truncated: boolean;
}

/** Characters kept back for the footer, so it always fits after the findings. */
const FOOTER_RESERVE = 700;
const EVIDENCE_MAX = 500;
const ERROR_LINES = 8;
const NOTE_MAX = 300;

export function explainButton(checkId: string, locale: Locale): Button {
  return button(say(locale, MSG.explainButton), EXPLAIN_ACTION_ID, checkId);
}

function accountLabel(accountId: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(accountId);
  return name && name !== accountId ? `${escapeMrkdwn(name)} (${escapeMrkdwn(accountId)})` : escapeMrkdwn(accountId);
}

function findingBlocks(result: CheckResult, options: ResultsRenderOptions, context_: FindingContext): Block[] {
  const title: Localized | undefined = context_.titles.get(result.checkId);
  const resource = result.subResourceId ? `${result.resourceId} / ${result.subResourceId}` : result.resourceId;
  const meta = [
    title ? `_${escapeMrkdwn(say(options.locale, title))}_` : undefined,
    code(result.checkId),
    accountLabel(result.accountId, context_.names),
    escapeMrkdwn(result.region),
    code(resource),
  ].filter((part): part is string => part !== undefined);
  const text = `${clipMrkdwn(escapeMrkdwn(result.evidence), EVIDENCE_MAX)}\n${meta.join(' · ')}`;
  const explain = explainButton(result.checkId, options.locale);
  const extra = options.findingActions?.(result) ?? [];
  // A section holds one accessory; more buttons need an actions block under it.
  if (extra.length === 0) return [section(text, explain)];
  return [section(text), actions([explain, ...extra])];
}

interface FindingContext {
  titles: ReadonlyMap<string, Localized>;
  names: ReadonlyMap<string, string>;
}

function summaryText(results: readonly CheckResult[], locale: Locale): string {
  const counts = countFailures(results);
  const bySeverity = SEVERITIES.map((s) => `${SEVERITY_EMOJI[s]} *${say(locale, MSG.severity(s))}* ${counts[s]}`).join(' · ');
  const passed = results.filter((r) => r.status === 'PASS').length;
  const muted = results.filter((r) => r.status === 'MUTED').length;
  const errors = new Set(results.filter((r) => r.status === 'ERROR').map((r) => r.checkId)).size;
  const rest = [say(locale, MSG.passedCount(passed))];
  if (muted) rest.push(say(locale, MSG.mutedCount(muted)));
  if (errors) rest.push(say(locale, MSG.errorCount(errors)));
  return `${bySeverity}\n${rest.join(' · ')}`;
}

function errorLines(report: ScanReport, names: ReadonlyMap<string, string>, locale: Locale): string[] {
  const errors: ScanError[] = report.errors.length
    ? report.errors
    : report.results
        .filter((r) => r.status === 'ERROR')
        .map((r) => ({ accountId: r.accountId, region: r.region, checkIds: [r.checkId], reason: r.evidence }));
  const lines = errors.map((e) => {
    const where = [e.accountId ? accountLabel(e.accountId, names) : undefined, e.region ? escapeMrkdwn(e.region) : undefined]
      .filter(Boolean)
      .join(' · ');
    const ids = e.checkIds ?? [];
    const checks = ids.slice(0, 5).map(code).join(', ') + (ids.length > 5 ? ` +${ids.length - 5}` : '');
    return say(locale, MSG.errorLine(where || '—', e.reason, checks));
  });
  if (lines.length <= ERROR_LINES) return lines;
  return [...lines.slice(0, ERROR_LINES), say(locale, MSG.andMore(lines.length - ERROR_LINES))];
}

function headBlocks(report: ScanReport, options: ResultsRenderOptions, names: ReadonlyMap<string, string>): Block[] {
  const { locale } = options;
  const seconds = Math.max(0, Math.round((Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000)) || 0;
  const blocks: Block[] = [
    header(say(locale, MSG.resultsHeader(postureScore(report.results)))),
    section(summaryText(report.results, locale)),
    context([
      say(locale, MSG.scope(clipMrkdwn(describeSelection(report.selection, locale), 500))),
      say(locale, MSG.scanFacts(report.accounts.length, report.regions.length, seconds)),
    ]),
  ];
  const erroredChecks = new Set(report.results.filter((r) => r.status === 'ERROR').map((r) => r.checkId)).size;
  if (erroredChecks > 0 || report.errors.length > 0) {
    // Errors first: a reader must know the picture is incomplete before reading the findings.
    const lines = errorLines(report, names, locale);
    blocks.push(section([say(locale, MSG.errorsTitle(erroredChecks)), ...lines].join('\n')));
  }
  if (report.notes.length > 0) {
    const notes = report.notes.slice(0, 3).map((n) => clipMrkdwn(escapeMrkdwn(n.message), NOTE_MAX));
    if (report.notes.length > 3) notes.push(say(locale, MSG.andMore(report.notes.length - 3)));
    blocks.push(context(notes));
  }
  return blocks;
}

export function renderResults(report: ScanReport, options: ResultsRenderOptions): RenderedResults {
  const { locale } = options;
  const names = new Map(report.accounts.map((a) => [a.accountId, a.name]));
  const findingContext: FindingContext = { titles: new Map(options.catalogue.map((c) => [c.id, c.title])), names };
  const failing = report.results.filter((r) => r.status === 'FAIL');
  const counts = countFailures(report.results);
  const errorChecks = new Set(report.results.filter((r) => r.status === 'ERROR').map((r) => r.checkId)).size;

  const blocks = headBlocks(report, options, names);
  if (failing.length === 0) blocks.push(section(say(locale, MSG.noFindings)));

  const head = measureBlocks(blocks);
  let blocksLeft = BLOCK_KIT.maxMessageBlocks - head.blocks - 1;
  let charsLeft = BLOCK_KIT.maxMessageText - head.totalText - FOOTER_RESERVE;
  let shown = 0;
  let severity: CheckResult['severity'] | undefined;
  for (const result of failing) {
    const pieces: Block[] = [];
    if (result.severity !== severity) pieces.push(section(say(locale, MSG.severityHeading(result.severity, counts[result.severity]))));
    pieces.push(...findingBlocks(result, options, findingContext));
    const size = measureBlocks(pieces);
    if (size.blocks > blocksLeft || size.totalText > charsLeft) break;
    blocks.push(...pieces);
    blocksLeft -= size.blocks;
    charsLeft -= size.totalText;
    severity = result.severity;
    shown += 1;
  }

  const truncated = shown < failing.length;
  if (truncated) {
    const note = [say(locale, MSG.truncated(shown, failing.length)), options.overflowNote].filter(Boolean).join(' ');
    blocks.push(context([clipMrkdwn(note, FOOTER_RESERVE)]));
  }
  return {
    text: say(locale, MSG.resultsFallback(postureScore(report.results), counts.critical, counts.high, errorChecks)),
    blocks,
    shownFindings: shown,
    totalFindings: failing.length,
    truncated,
  };
}
