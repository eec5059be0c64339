// The fix approval request in the approval channel: the finding, who asked, the live preview, and a
// status that follows the request (waiting → applied → undo…), with the buttons each state allows. The
// same message is updated in place, so the channel shows each request's whole life in one place.
import { type Locale, t } from '../../i18n/locale.ts';
import { evidenceIn } from '../../i18n/message.ts';
import type { FixRequest } from '../../remediation/store.ts';
import { clipMrkdwn, escapeMrkdwn, slackDate } from '../mrkdwn.ts';
import { REMEDIATION_ACTIONS } from '../ids.ts';
import { RTEXT } from '../remediation/text.ts';
import { type Block, type Button, actions, button, context, header, section } from './blocks.ts';
import { type ApprovalRenderOptions, approversLine, bullets, findingWhere, mention } from './remediation-parts.ts';

const MAX_TEXT = 2900;
// Shares of the message's 11,000 characters, so the plan, the warnings, the outcome and its details
// always fit together however much AWS had to say.
const PLAN_MAX = 2500;
const WARNINGS_MAX = 1500;
const STATUS_MAX = 2000;
const DETAIL_MAX = 1200;

/** What has happened to the request, as one mrkdwn paragraph (also sent to the requester). */
export function requestStatus(request: FixRequest, locale: Locale): string {
  const m = (text: string | undefined) => escapeMrkdwn(text ?? '');
  const approvedBy = mention(request.approval?.by ?? '?');
  switch (request.state) {
    case 'requested':
      return t(locale, RTEXT.statusWaiting(slackDate(request.expiresAt)));
    case 'approved':
    case 'applying':
      return t(locale, RTEXT.statusApplying(approvedBy));
    case 'applied':
      return t(locale, RTEXT.statusApplied(approvedBy, slackDate(request.result?.at ?? request.updatedAt), m(request.result?.message)));
    case 'unchanged':
      return t(locale, RTEXT.statusUnchanged(approvedBy, m(request.result?.message)));
    case 'failed':
      return t(locale, RTEXT.statusFailed(m(request.error)));
    case 'rejected':
      return t(locale, RTEXT.statusRejected(mention(request.rejection?.by ?? '?'), request.rejection?.reason));
    case 'expired':
      return t(locale, RTEXT.statusExpired);
    case 'undo_requested':
      return [
        t(locale, RTEXT.statusApplied(approvedBy, slackDate(request.result?.at ?? request.updatedAt), m(request.result?.message))),
        t(locale, RTEXT.statusUndoRequested(mention(request.undoRequest?.by ?? '?'), slackDate(request.expiresAt))),
      ].join('\n');
    case 'undoing':
      return t(locale, RTEXT.statusUndoing(mention(request.undoApproval?.by ?? '?')));
    case 'undone':
      return t(locale, RTEXT.statusUndone(mention(request.undoApproval?.by ?? '?'), slackDate(request.undoResult?.at ?? request.updatedAt), m(request.undoResult?.message)));
  }
}

/** Extra lines under the status: the way in after SSH is closed, AWS request ids, notes. */
function outcomeDetails(request: FixRequest, locale: Locale): string[] {
  const texts: string[] = [];
  const hints = request.state === 'applied' || request.state === 'undo_requested' ? (request.result?.accessHints ?? []) : [];
  if (hints.length) texts.push(`${t(locale, RTEXT.accessHeading)}\n${bullets(hints)}`);
  if (request.undoRejection && request.state === 'applied') {
    texts.push(t(locale, RTEXT.undoRejected(mention(request.undoRejection.by), request.undoRejection.reason)));
  }
  if (request.note) texts.push(`:memo: ${escapeMrkdwn(request.note)}`);
  return texts;
}

export function requestButtons(request: FixRequest, locale: Locale): Button[] {
  const id = request.id;
  switch (request.state) {
    case 'requested':
      return [
        button(t(locale, RTEXT.approve), REMEDIATION_ACTIONS.approveFix, id, 'primary'),
        button(t(locale, RTEXT.reject), REMEDIATION_ACTIONS.rejectFix, id, 'danger'),
      ];
    case 'applied':
      return [button(t(locale, RTEXT.undo), REMEDIATION_ACTIONS.undo, id)];
    case 'undo_requested':
      return [
        button(t(locale, RTEXT.approveUndo), REMEDIATION_ACTIONS.approveUndo, id, 'primary'),
        button(t(locale, RTEXT.rejectUndo), REMEDIATION_ACTIONS.rejectUndo, id, 'danger'),
      ];
    default:
      return [];
  }
}

function requestIdsLine(request: FixRequest, locale: Locale): string | undefined {
  const ids = [...(request.result?.requestIds ?? []), ...(request.undoResult?.requestIds ?? [])];
  return ids.length ? t(locale, RTEXT.awsRequestIds(ids.map((id) => `\`${escapeMrkdwn(id)}\``).join(', '))) : undefined;
}

export function renderFixRequest(request: FixRequest, options: ApprovalRenderOptions): { text: string; blocks: Block[] } {
  const { locale } = options;
  const finding = request.finding;
  const blocks: Block[] = [
    header(t(locale, RTEXT.fixRequestHeader)),
    section(`*${escapeMrkdwn(options.fixTitle)}*\n${clipMrkdwn(escapeMrkdwn(evidenceIn(locale, finding)), 500)}\n${findingWhere(finding, locale)}`),
    section(t(locale, RTEXT.requestedBy(mention(request.requestedBy), slackDate(request.requestedAt)))),
    section(clipMrkdwn(`${t(locale, RTEXT.planHeading)}\n${bullets(request.preview.lines)}`, PLAN_MAX)),
  ];
  const replacement = (request.inputs as { replacementCidr?: unknown } | undefined)?.replacementCidr;
  if (typeof replacement === 'string' && replacement) blocks.push(context([t(locale, RTEXT.inputsLine(replacement))]));
  if (request.preview.warnings.length) {
    blocks.push(section(clipMrkdwn(`${t(locale, RTEXT.warningsHeading)}\n${bullets(request.preview.warnings)}`, WARNINGS_MAX)));
  }
  blocks.push(section(clipMrkdwn(requestStatus(request, locale), STATUS_MAX)));
  for (const text of outcomeDetails(request, locale)) blocks.push(section(clipMrkdwn(text, DETAIL_MAX)));
  const buttons = requestButtons(request, locale);
  if (buttons.length) blocks.push(actions(buttons));
  blocks.push(
    context(
      [
        approversLine(options),
        requestIdsLine(request, locale),
        t(locale, RTEXT.requestIdLine(request.id)),
      ].filter((t): t is string => t !== undefined),
    ),
  );
  return { text: t(locale, RTEXT.fixRequestFallback(options.fixTitle)), blocks };
}

/** The direct message that tells the requester how their request ended (with Undo once applied). */
export function renderRequesterUpdate(request: FixRequest, locale: Locale): { text: string; blocks: Block[] } {
  const status = t(locale, RTEXT.outcomeForRequester(requestStatus(request, locale)));
  const blocks: Block[] = [section(clipMrkdwn(`${status}\n${findingWhere(request.finding, locale)}`, MAX_TEXT))];
  for (const text of outcomeDetails(request, locale)) blocks.push(section(clipMrkdwn(text, MAX_TEXT)));
  if (request.state === 'applied') blocks.push(actions([button(t(locale, RTEXT.undo), REMEDIATION_ACTIONS.undo, request.id)]));
  return { text: status.slice(0, 300), blocks };
}
