// `/awscheck risks`: the accepted risks in force, soonest expiry first, each with a Revoke button
// (the click is checked against AWSCHECK_APPROVERS; the button's value is only the acceptance id).
import { type Locale, t } from '../../i18n/locale.ts';
import { evidenceIn } from '../../i18n/message.ts';
import type { RiskAcceptance } from '../../remediation/store.ts';
import { clipMrkdwn, escapeMrkdwn, slackDate } from '../mrkdwn.ts';
import { REMEDIATION_ACTIONS } from '../ids.ts';
import { RTEXT } from '../remediation/text.ts';
import { type Block, button, context, header, section } from './blocks.ts';
import { findingWhere, mention } from './remediation-parts.ts';

/** Header, footer and a "more" line leave room for this many risks under the 50-block limit. */
const MAX_LISTED = 40;

export function renderRisksList(active: readonly RiskAcceptance[], waiting: number, locale: Locale): { text: string; blocks: Block[] } {
  const title = t(locale, RTEXT.risksHeader(active.length));
  const blocks: Block[] = [header(title)];
  if (active.length === 0) blocks.push(section(t(locale, RTEXT.risksEmpty)));
  for (const risk of active.slice(0, MAX_LISTED)) {
    const text = t(
      locale,
      RTEXT.riskItem(
        clipMrkdwn(escapeMrkdwn(evidenceIn(locale, risk.finding)), 300),
        findingWhere(risk.finding, locale),
        slackDate(risk.expiresAt),
        mention(risk.decision?.by ?? risk.requestedBy),
        risk.reason.slice(0, 500),
      ));
    blocks.push(section(text, button(t(locale, RTEXT.revoke), REMEDIATION_ACTIONS.revokeRisk, risk.id, 'danger')));
  }
  const notes: string[] = [];
  if (active.length > MAX_LISTED) notes.push(t(locale, RTEXT.risksMore(active.length - MAX_LISTED)));
  if (waiting > 0) notes.push(t(locale, RTEXT.risksWaiting(waiting)));
  notes.push(t(locale, RTEXT.risksFooter));
  blocks.push(context(notes));
  return { text: title, blocks };
}
