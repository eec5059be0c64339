// The remediation modals: a fix's optional inputs, a risk acceptance's reason and expiry, a rejection's
// reason. private_metadata holds only an opaque id; the submitter is body.user.id.
import type { types } from '@slack/bolt';
import type { CheckResult } from '../../engine/types.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import { evidenceIn } from '../../i18n/message.ts';
import { DEFAULT_RISK_DAYS, MAX_REASON_LENGTH, MAX_RISK_DAYS } from '../../remediation/risks.ts';
import { clipMrkdwn, escapeMrkdwn } from '../mrkdwn.ts';
import { BATCH_VIEWS, REMEDIATION_VIEWS, type RejectKind } from '../ids.ts';
import { BTEXT } from '../remediation/batch/text.ts';
import { RTEXT } from '../remediation/text.ts';
import { plain, section } from './blocks.ts';
import { BLOCK_KIT } from './limits.ts';
import { findingWhere } from './remediation-parts.ts';

/** Block and action ids of the inputs, for reading view.state.values and for field errors. */
export const FIELDS = {
  replacementCidr: 'replacement_cidr',
  reason: 'reason',
  days: 'days',
  rejectReason: 'reject_reason',
} as const;

function modal(callbackId: string, title: string, submit: string, metadata: string, blocks: types.KnownBlock[], locale: Locale): types.ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: metadata,
    title: plain(title, BLOCK_KIT.maxModalTitle),
    submit: plain(submit, BLOCK_KIT.maxModalTitle),
    close: plain(t(locale, RTEXT.cancel), BLOCK_KIT.maxModalTitle),
    blocks,
  };
}

/** The modal's max_length for a fix input; submissions are checked again (a crafted one can exceed it). */
export const MAX_INPUT_LENGTH = 64;

/** The optional replacement source of a security group fix, one or many. */
function replacementInput(locale: Locale): types.InputBlock {
  return {
    type: 'input',
    block_id: FIELDS.replacementCidr,
    optional: true,
    label: plain(t(locale, RTEXT.replacementLabel), 2000),
    hint: plain(t(locale, RTEXT.replacementHint), 2000),
    element: { type: 'plain_text_input', action_id: FIELDS.replacementCidr, max_length: MAX_INPUT_LENGTH, placeholder: plain('203.0.113.0/24', 150) },
  };
}

export function renderFixInputsModal(snapshotId: string, finding: CheckResult, fixTitle: string, locale: Locale): types.ModalView {
  return modal(REMEDIATION_VIEWS.fixInputs, t(locale, RTEXT.fixModalTitle), t(locale, RTEXT.fixModalSubmit), snapshotId, [
    section(`${t(locale, RTEXT.fixModalIntro(escapeMrkdwn(fixTitle)))}\n\n${clipMrkdwn(escapeMrkdwn(evidenceIn(locale, finding)), 500)}\n${findingWhere(finding, locale)}`),
    replacementInput(locale),
  ], locale);
}

/** "Fix all" with inputs (private_metadata: the group's SET|CHECK|0): one replacement for every rule. */
export function renderFixAllInputsModal(groupRef: string, fixTitle: string, n: number, locale: Locale): types.ModalView {
  return modal(BATCH_VIEWS.inputs, t(locale, BTEXT.inputsTitle), t(locale, RTEXT.fixModalSubmit), groupRef, [
    section(t(locale, BTEXT.inputsIntro(escapeMrkdwn(fixTitle), n))),
    replacementInput(locale),
  ], locale);
}

export function renderAcceptRiskModal(snapshotId: string, finding: CheckResult, selfAccept: boolean, locale: Locale): types.ModalView {
  return modal(REMEDIATION_VIEWS.acceptRisk, t(locale, RTEXT.riskModalTitle), t(locale, RTEXT.riskModalSubmit), snapshotId, [
    section(t(locale, RTEXT.riskModalIntro(`${clipMrkdwn(escapeMrkdwn(evidenceIn(locale, finding)), 500)}\n${findingWhere(finding, locale)}`, selfAccept))),
    {
      type: 'input',
      block_id: FIELDS.reason,
      label: plain(t(locale, RTEXT.riskReasonLabel), 2000),
      hint: plain(t(locale, RTEXT.riskReasonHint), 2000),
      element: { type: 'plain_text_input', action_id: FIELDS.reason, multiline: true, max_length: MAX_REASON_LENGTH },
    },
    {
      type: 'input',
      block_id: FIELDS.days,
      label: plain(t(locale, RTEXT.riskDaysLabel), 2000),
      hint: plain(t(locale, RTEXT.riskDaysHint), 2000),
      element: {
        type: 'number_input',
        action_id: FIELDS.days,
        is_decimal_allowed: false,
        min_value: '1',
        max_value: String(MAX_RISK_DAYS),
        initial_value: String(DEFAULT_RISK_DAYS),
      },
    },
  ], locale);
}

export function renderRejectModal(kind: RejectKind, id: string, locale: Locale): types.ModalView {
  return modal(REMEDIATION_VIEWS.reject, t(locale, RTEXT.rejectModalTitle), t(locale, RTEXT.rejectModalSubmit), JSON.stringify({ kind, id }), [
    section(t(locale, RTEXT.rejectModalIntro)),
    {
      type: 'input',
      block_id: FIELDS.rejectReason,
      optional: true,
      label: plain(t(locale, RTEXT.rejectReasonLabel), 2000),
      element: { type: 'plain_text_input', action_id: FIELDS.rejectReason, multiline: true, max_length: MAX_REASON_LENGTH },
    },
  ], locale);
}
