// `/awscheck risks`: the accepted risks in force, soonest expiry first, each with a Revoke button
// (the click is checked against AWSCHECK_APPROVERS; the button's value is only the acceptance id).
import type { Locale } from '../../i18n/locale.ts';
import type { RiskAcceptance } from '../../remediation/store.ts';
import { say } from '../messages.ts';
import { clipMrkdwn, escapeMrkdwn, slackDate } from '../mrkdwn.ts';
import { REMEDIATION_ACTIONS } from '../ids.ts';
import { RTEXT } from '../remediation/text.ts';
import { type Block, button, context, header, section } from './blocks.ts';
import { findingWhere, mention } from './remediation-parts.ts';

/** Header, footer and a "more" line leave room for this many risks under the 50-block limit. */
const MAX_LISTED = 40;

export function renderRisksList(active: readonly RiskAcceptance[], waiting: number, locale: Locale): { text: string; blocks: Block[] } {
  const title = say(locale, RTEXT.risksHeader(active.length));
  const blocks: Block[] = [header(title)];
  if (active.length === 0) blocks.push(section(say(locale, RTEXT.risksEmpty)));
  for (const risk of active.slice(0, MAX_LISTED)) {
    const text = say(
      locale,
      RTEXT.riskItem(
        clipMrkdwn(escapeMrkdwn(risk.finding.evidence), 300),
        findingWhere(risk.finding, locale),
        slackDate(risk.expiresAt),
        mention(risk.decision?.by ?? risk.requestedBy),
        risk.reason.slice(0, 500),
      ),
    );
    blocks.push(section(text, button(say(locale, RTEXT.revoke), REMEDIATION_ACTIONS.revokeRisk, risk.id, 'danger')));
  }
  const notes: string[] = [];
  if (active.length > MAX_LISTED) notes.push(say(locale, RTEXT.risksMore(active.length - MAX_LISTED)));
  if (waiting > 0) notes.push(say(locale, RTEXT.risksWaiting(waiting)));
  notes.push(say(locale, RTEXT.risksFooter));
  blocks.push(context(notes));
  return { text: title, blocks };
}
