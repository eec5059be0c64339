// "Show all (N)": one check's findings, a page at a time, in a modal with Previous / Next. Each finding has
// Explain and (when remediation is on) Fix… and Accept risk, with the same action ids as in the results
// message. Pure: the findings' buttons are computed before rendering.
import type { types } from '@slack/bolt';
import type { CheckResult } from '../../engine/types.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import { evidenceIn } from '../../i18n/message.ts';
import { MSG, SEVERITY_EMOJI } from '../messages.ts';
import { clipMrkdwn, code, escapeMrkdwn } from '../mrkdwn.ts';
import { type FindingGroup, resourceLabel } from '../results/groups.ts';
import { RESULTS_ACTIONS, RESULTS_VIEWS } from '../ids.ts';
import { type GroupRef, groupRefValue } from '../results/group-ref.ts';
import { GTEXT } from '../results/text.ts';
import { type Block, type Button, actions, button, context, plain, section } from './blocks.ts';
import { explainButton } from './groups.ts';
import { BLOCK_KIT } from './limits.ts';
import { TERMS } from '../../i18n/terms.ts';

/** Findings per page: two blocks each, well inside a modal's 100 blocks and payload size. */
export const FINDINGS_PAGE_SIZE = 20;
const EVIDENCE_MAX = 600;

export interface FindingsPage {
  /** 0-based, clamped to the pages there are. */
  page: number;
  pages: number;
  findings: CheckResult[];
}

export function pageOf(group: FindingGroup, page: number): FindingsPage {
  const pages = Math.max(1, Math.ceil(group.findings.length / FINDINGS_PAGE_SIZE));
  const at = Math.min(Math.max(0, Math.trunc(page)), pages - 1);
  return { page: at, pages, findings: group.findings.slice(at * FINDINGS_PAGE_SIZE, (at + 1) * FINDINGS_PAGE_SIZE) };
}

export interface FindingsModalOptions {
  locale: Locale;
  accountNames: ReadonlyMap<string, string>;
  findingButtons?: ReadonlyMap<CheckResult, readonly Button[]>;
}

function findingText(result: CheckResult, names: ReadonlyMap<string, string>, locale: Locale): string {
  const name = names.get(result.accountId);
  const account = name && name !== result.accountId ? `${escapeMrkdwn(name)} (${escapeMrkdwn(result.accountId)})` : escapeMrkdwn(result.accountId);
  const meta = [code(resourceLabel(result)), account, escapeMrkdwn(result.region)].join(' · ');
  return `${SEVERITY_EMOJI[result.severity]} ${clipMrkdwn(escapeMrkdwn(evidenceIn(locale, result)), EVIDENCE_MAX)}\n${meta}`;
}

function modal(blocks: Block[], locale: Locale, privateMetadata: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: RESULTS_VIEWS.findings,
    title: plain(t(locale, GTEXT.modalTitle), BLOCK_KIT.maxModalTitle),
    close: plain(t(locale, TERMS.close), BLOCK_KIT.maxModalTitle),
    private_metadata: privateMetadata,
    blocks,
  };
}

export function renderFindingsModal(group: FindingGroup, ref: GroupRef, options: FindingsModalOptions): types.ModalView {
  const { locale } = options;
  const { page, pages, findings } = pageOf(group, ref.page);
  const title = group.title ? escapeMrkdwn(t(locale, group.title)) : undefined;
  const blocks: Block[] = [
    section(
      [`${SEVERITY_EMOJI[group.severity]} *${t(locale, MSG.severity(group.severity))}*`, title ? `*${title}*` : undefined, code(group.checkId)]
        .filter(Boolean)
        .join(' · '),
    ),
    context([t(locale, GTEXT.page(page + 1, pages, group.findings.length))]),
  ];
  for (const finding of findings) {
    blocks.push(section(findingText(finding, options.accountNames, locale)));
    blocks.push(actions([explainButton(finding.checkId, locale), ...(options.findingButtons?.get(finding) ?? [])]));
  }
  const here = { setId: ref.setId, checkId: group.checkId };
  const nav: Button[] = [];
  if (page > 0) nav.push(button(t(locale, GTEXT.previous), RESULTS_ACTIONS.previousPage, groupRefValue({ ...here, page: page - 1 })));
  if (page < pages - 1) nav.push(button(t(locale, GTEXT.next), RESULTS_ACTIONS.nextPage, groupRefValue({ ...here, page: page + 1 }), 'primary'));
  if (nav.length > 0) blocks.push(actions(nav));
  return modal(blocks, locale, groupRefValue({ ...here, page }));
}

/** The same modal with one sentence instead of findings (not allowed, or the list is gone). */
export function renderFindingsNotice(text: string, locale: Locale): types.ModalView {
  return modal([section(text)], locale, '');
}
