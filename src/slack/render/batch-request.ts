// The "Fix all" approval request: each resource and its planned change (as its own request's live preview
// read it), what was skipped and why, a status with progress that follows the batch, and the buttons each
// batch state allows. Updated in place (chat.update) as the fixes run.
import type { types } from '@slack/bolt';
import { type Locale, t } from '../../i18n/locale.ts';
import type { FixBatch } from '../../remediation/batch.ts';
import type { FixRequest } from '../../remediation/store.ts';
import { clipMrkdwn, code, escapeMrkdwn, slackDate } from '../mrkdwn.ts';
import { REQUEST_STATE_NAMES } from '../remediation/text.ts';
import { type Block, type Button, button, context, header, plain, section } from './blocks.ts';
import { type ApprovalRenderOptions, approversLine, mention, stateName } from './remediation-parts.ts';
import { BATCH_ACTIONS } from '../ids.ts';
import { BTEXT } from '../remediation/batch/text.ts';

const SECTION_MAX = 2900;
// 50 lines of at most this much (plus a 50-character name) stay inside the message's ~11,000 characters with the rest.
const LINE_MAX = 90;
const SKIPPED_MAX = 1200;

const labelOf = (r: FixRequest) => (r.finding.subResourceId ? `${r.finding.resourceId} / ${r.finding.subResourceId}` : r.finding.resourceId);

function requestLine(request: FixRequest, locale: Locale): string {
  const plan = request.preview.lines.join('; ');
  const state = request.state === 'requested' ? '' : ` — _${stateName(REQUEST_STATE_NAMES, request.state, locale)}_`;
  return `• ${code(labelOf(request).slice(0, 50))}: ${clipMrkdwn(escapeMrkdwn(plan), LINE_MAX)}${state}`;
}

/** Lines packed into as few sections as their length allows. */
function packed(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let text = '';
  for (const line of lines) {
    if (text && text.length + line.length + 1 > SECTION_MAX) {
      blocks.push(section(text));
      text = line;
    } else text = text ? `${text}\n${line}` : line;
  }
  if (text) blocks.push(section(text));
  return blocks;
}

const count = (requests: readonly FixRequest[], states: readonly FixRequest['state'][]) => requests.filter((r) => states.includes(r.state)).length;

export function batchStatus(batch: FixBatch, requests: readonly FixRequest[], locale: Locale): string {
  const by = (id: string | undefined) => mention(id ?? '?');
  switch (batch.state) {
    case 'requested':
      return t(locale, BTEXT.waiting(slackDate(batch.expiresAt)));
    case 'running':
      return t(locale, BTEXT.running(count(requests, ['applied', 'unchanged', 'failed']), requests.length, by(batch.approval?.by)));
    case 'done':
      return t(locale, BTEXT.finished(by(batch.approval?.by)));
    case 'stopped':
      return t(locale, BTEXT.stopped(by(batch.stop?.by)));
    case 'rejected':
      return t(locale, BTEXT.rejected(by(batch.rejection?.by)));
    case 'expired':
      return t(locale, BTEXT.expired);
    case 'failed':
      return t(locale, BTEXT.failed);
    case 'undo_requested':
      return t(locale, BTEXT.undoRequested(by(batch.undoRequest?.by), slackDate(batch.expiresAt)));
    case 'undoing':
      return t(locale, BTEXT.undoing(by(batch.undoApproval?.by)));
    case 'undone':
      return t(locale, BTEXT.undone(by(batch.undoApproval?.by)));
  }
}

/** "applied 2 · not applied 1 …": every state the requests are in, with how many. */
function countsLine(requests: readonly FixRequest[], locale: Locale): string {
  const byState = new Map<string, number>();
  for (const r of requests) byState.set(r.state, (byState.get(r.state) ?? 0) + 1);
  const parts = [...byState].map(([state, n]) => `${stateName(REQUEST_STATE_NAMES, state, locale)} ${n}`);
  return t(locale, BTEXT.counts(parts.join(' · ')));
}

function batchButtons(batch: FixBatch, requests: readonly FixRequest[], locale: Locale): (Button | types.StaticSelect)[] {
  const id = batch.id;
  switch (batch.state) {
    case 'requested':
      return [button(t(locale, BTEXT.approve), BATCH_ACTIONS.approve, id, 'primary'), button(t(locale, BTEXT.reject), BATCH_ACTIONS.reject, id, 'danger')];
    case 'running':
      return [button(t(locale, BTEXT.stop), BATCH_ACTIONS.stop, id, 'danger')];
    case 'done':
    case 'stopped': {
      const applied = requests.filter((r) => r.state === 'applied');
      if (applied.length === 0) return [];
      return [
        button(t(locale, BTEXT.undoAll), BATCH_ACTIONS.undoAll, id),
        {
          type: 'static_select',
          action_id: BATCH_ACTIONS.undoOne,
          placeholder: plain(t(locale, BTEXT.undoOne), 150),
          options: applied.slice(0, 100).map((r) => ({ text: plain(labelOf(r).slice(0, 75), 75), value: r.id })),
        },
      ];
    }
    case 'undo_requested':
      return [
        button(t(locale, BTEXT.approveUndoAll), BATCH_ACTIONS.approveUndo, id, 'primary'),
        button(t(locale, BTEXT.rejectUndoAll), BATCH_ACTIONS.rejectUndo, id, 'danger'),
      ];
    default:
      return [];
  }
}

export function renderBatchRequest(batch: FixBatch, requests: readonly FixRequest[], options: ApprovalRenderOptions): { text: string; blocks: Block[] } {
  const { locale } = options;
  const title = escapeMrkdwn(options.fixTitle);
  const blocks: Block[] = [
    header(t(locale, BTEXT.header)),
    section(t(locale, BTEXT.intro(title, code(batch.checkId), requests.length))),
    section(t(locale, BTEXT.requestedBy(mention(batch.requestedBy), slackDate(batch.requestedAt)))),
    ...packed([t(locale, BTEXT.planHeading), ...requests.map((r) => requestLine(r, locale))]),
  ];
  const cidr = (batch.inputs as { replacementCidr?: unknown } | undefined)?.replacementCidr;
  if (typeof cidr === 'string' && cidr) blocks.push(context([t(locale, BTEXT.inputsLine(escapeMrkdwn(cidr)))]));
  if (batch.skipped.length) {
    const lines = batch.skipped.map((s) => `• ${code(s.label.slice(0, 80))}: ${escapeMrkdwn(s.reason)}`);
    blocks.push(section(clipMrkdwn(`${t(locale, BTEXT.skippedHeading(batch.skipped.length))}\n${lines.join('\n')}`, SKIPPED_MAX)));
  }
  const covered = batch.requestIds.length + batch.skipped.length;
  if (batch.groupSize > covered) blocks.push(context([t(locale, BTEXT.capped(covered, batch.groupSize))]));
  blocks.push(section(`${batchStatus(batch, requests, locale)}\n${countsLine(requests, locale)}`));
  const buttons = batchButtons(batch, requests, locale);
  if (buttons.length) blocks.push({ type: 'actions', elements: buttons });
  blocks.push(
    context([approversLine(options), t(locale, BTEXT.batchId(batch.id))]),
  );
  return { text: t(locale, BTEXT.fallback(options.fixTitle, requests.length)), blocks };
}
