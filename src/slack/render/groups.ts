// One block pair per failing check (severity, title, how many resources, the first few names, its buttons),
// and a compact form for the checks that have no room for their own blocks: a line each, plus a menu that
// opens any check's full list. Every check stays visible, whatever another check's volume. Pure: button
// values (snapshot and result set ids) are computed before rendering.
import type { types } from '@slack/bolt';
import type { CheckResult } from '../../engine/types.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import { evidenceIn } from '../../i18n/message.ts';
import { MSG, SEVERITY_EMOJI } from '../messages.ts';
import { clipMrkdwn, clipText, code, escapeMrkdwn } from '../mrkdwn.ts';
import { type FindingGroup, resourceLabel } from '../results/groups.ts';
import { EXPLAIN_ACTION_ID, RESULTS_ACTIONS, showPickId } from '../ids.ts';
import { groupRefValue } from '../results/group-ref.ts';
import { GTEXT } from '../results/text.ts';
import { type Block, type Button, actions, button, plain, section } from './blocks.ts';
import { BLOCK_KIT, measureBlocks } from './limits.ts';

/** Names shown per group; the rest are behind "Show all". */
export const NAMES_PER_GROUP = 3;
const NAME_MAX = 80;
const EVIDENCE_MAX = 300;
const TITLE_MAX = 70;
const OPTION_MAX = 75;
/** Menu entries are short, so a hundred of them stay inside the message's text budget. */
const OPTION_NAME_MAX = 40;
const OPTIONS_PER_SELECT = 100;
const SECTION_MAX = 2900;

export interface GroupRenderContext {
  locale: Locale;
  /** The stored result set "Show all" opens; without one, groups have no Show all button. */
  resultSetId?: string;
  /** Each finding's own buttons (Fix…, Accept risk), computed before rendering. */
  findingButtons?: ReadonlyMap<CheckResult, readonly Button[]>;
  /** A group's own buttons by check id, computed before rendering (where a "Fix all (N)…" goes). */
  groupButtons?: ReadonlyMap<string, readonly Button[]>;
  /** Account id → name; names are shown when the results span more than one account. */
  accountNames: ReadonlyMap<string, string>;
}

export function explainButton(checkId: string, locale: Locale): Button {
  return button(t(locale, MSG.explainButton), EXPLAIN_ACTION_ID, checkId);
}

export function showAllButton(group: FindingGroup, setId: string, locale: Locale): Button {
  return button(t(locale, GTEXT.showAll(group.findings.length)), RESULTS_ACTIONS.showAll, groupRefValue({ setId, checkId: group.checkId, page: 0 }));
}

function titleText(group: FindingGroup, locale: Locale, max = TITLE_MAX): string | undefined {
  return group.title ? clipMrkdwn(escapeMrkdwn(t(locale, group.title)), max) : undefined;
}

function nameOf(result: CheckResult, ctx: GroupRenderContext): string {
  const label = resourceLabel(result);
  const account = ctx.accountNames.size > 1 ? `${ctx.accountNames.get(result.accountId) ?? result.accountId}: ` : '';
  return code(`${account}${label}`.slice(0, NAME_MAX));
}

export function groupText(group: FindingGroup, ctx: GroupRenderContext): string {
  const { locale } = ctx;
  const n = group.findings.length;
  const head = [`${SEVERITY_EMOJI[group.severity]} *${t(locale, MSG.severity(group.severity))}*`, titleText(group, locale), code(group.checkId)]
    .filter((part): part is string => part !== undefined)
    .join(' · ');
  const names = group.findings.slice(0, NAMES_PER_GROUP).map((r) => nameOf(r, ctx));
  const more = n > NAMES_PER_GROUP ? ` ${t(locale, MSG.andMore(n - NAMES_PER_GROUP))}` : '';
  const lines = [head, `*${t(locale, GTEXT.resources(n))}*: ${names.join(', ')}${more}`];
  const lone = n === 1 ? group.findings[0] : undefined;
  if (lone) lines.push(clipMrkdwn(escapeMrkdwn(evidenceIn(locale, lone)), EVIDENCE_MAX));
  return lines.join('\n');
}

/**
 * A group's buttons. A check with one finding gets that finding's own buttons (Fix… is one click away);
 * a bigger group gets "Show all (N)", Explain, then its group buttons.
 */
export function groupActions(group: FindingGroup, ctx: GroupRenderContext): Button[] {
  const explain = explainButton(group.checkId, ctx.locale);
  const only = group.findings.length === 1 ? group.findings[0] : undefined;
  const own = only ? ctx.findingButtons?.get(only) : undefined;
  if (own && own.length > 0) return [explain, ...own].slice(0, BLOCK_KIT.maxActions);
  const buttons: Button[] = [];
  if (ctx.resultSetId) buttons.push(showAllButton(group, ctx.resultSetId, ctx.locale));
  buttons.push(explain, ...(ctx.groupButtons?.get(group.checkId) ?? []));
  return buttons.slice(0, BLOCK_KIT.maxActions);
}

export function groupBlocks(group: FindingGroup, ctx: GroupRenderContext): Block[] {
  return [section(groupText(group, ctx)), actions(groupActions(group, ctx))];
}

function compactLine(group: FindingGroup, ctx: GroupRenderContext, withTitle: boolean): string {
  const title = withTitle ? titleText(group, ctx.locale, 50) : undefined;
  return [code(group.checkId), title, String(group.findings.length)].filter(Boolean).join(' · ');
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The checks without their own blocks: lines of text and a menu (per 100 checks) that opens any of them. */
export function compactGroupBlocks(groups: readonly FindingGroup[], ctx: GroupRenderContext, withTitles: boolean): Block[] {
  if (groups.length === 0) return [];
  const blocks: Block[] = [];
  let text = t(ctx.locale, GTEXT.moreChecks(groups.length));
  let severity: FindingGroup['severity'] | undefined;
  for (const group of groups) {
    // One severity heading per run of lines, rather than an emoji on each line.
    const heading = group.severity === severity ? '' : `${SEVERITY_EMOJI[group.severity]} *${t(ctx.locale, MSG.severity(group.severity))}*\n`;
    severity = group.severity;
    const line = `${heading}${compactLine(group, ctx, withTitles)}`;
    if (text.length + line.length + 1 > SECTION_MAX) {
      blocks.push(section(text));
      text = line;
    } else {
      text = `${text}\n${line}`;
    }
  }
  blocks.push(section(text));
  const { resultSetId } = ctx;
  if (resultSetId) {
    const selects: types.StaticSelect[] = chunk(groups, OPTIONS_PER_SELECT).map((part, i) => ({
      type: 'static_select',
      action_id: showPickId(i),
      placeholder: plain(t(ctx.locale, GTEXT.pickPlaceholder), 150),
      options: part.map((group) => ({
        text: plain(`${clipText(group.title ? t(ctx.locale, group.title) : group.checkId, OPTION_NAME_MAX)} (${group.findings.length})`, OPTION_MAX),
        value: groupRefValue({ setId: resultSetId, checkId: group.checkId, page: 0 }),
      })),
    }));
    blocks.push({ type: 'actions', elements: selects.slice(0, BLOCK_KIT.maxActions) });
  }
  return blocks;
}

export interface GroupLayout {
  blocks: Block[];
  /** Groups with their own blocks (the first ones, worst first). */
  expanded: number;
  /** Findings named in the blocks. */
  named: number;
}

/**
 * As many groups with their own blocks as the budget allows, worst first, and the rest in compact form;
 * the compact form always has room, because it is what gets measured first.
 */
export function layoutGroups(groups: readonly FindingGroup[], ctx: GroupRenderContext, budget: { blocks: number; text: number }): GroupLayout {
  const full = groups.map((group) => groupBlocks(group, ctx));
  const sizes = full.map((blocks) => measureBlocks(blocks));
  for (const withTitles of [true, false]) {
    for (let k = groups.length; k >= 0; k -= 1) {
      const rest = compactGroupBlocks(groups.slice(k), ctx, withTitles);
      const restSize = measureBlocks(rest);
      let blocks = restSize.blocks;
      let text = restSize.totalText;
      for (let i = 0; i < k; i += 1) {
        blocks += sizes[i]?.blocks ?? 0;
        text += sizes[i]?.totalText ?? 0;
      }
      if (blocks <= budget.blocks && text <= budget.text) {
        const named = groups.slice(0, k).reduce((sum, g) => sum + Math.min(g.findings.length, NAMES_PER_GROUP), 0);
        return { blocks: [...full.slice(0, k).flat(), ...rest], expanded: k, named };
      }
    }
  }
  // Only a catalogue of thousands of checks gets here: the compact lines alone, clipped by section().
  return { blocks: compactGroupBlocks(groups, ctx, false).slice(0, Math.max(0, budget.blocks)), expanded: 0, named: 0 };
}
