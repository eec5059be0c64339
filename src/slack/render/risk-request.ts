// The risk acceptance request in the approval channel, updated in place as it is decided.
import { type Locale, t } from '../../i18n/locale.ts';
import { evidenceIn } from '../../i18n/message.ts';
import type { RiskAcceptance } from '../../remediation/store.ts';
import { clipMrkdwn, escapeMrkdwn, slackDate } from '../mrkdwn.ts';
import { REMEDIATION_ACTIONS } from '../ids.ts';
import { RTEXT } from '../remediation/text.ts';
import { type Block, actions, button, context, header, section } from './blocks.ts';
import { type ApproverOptions, approversLine, findingWhere, mention } from './remediation-parts.ts';

export function riskStatus(risk: RiskAcceptance, locale: Locale): string {
  switch (risk.state) {
    case 'requested':
      return t(locale, RTEXT.riskStatusWaiting(slackDate(risk.requestExpiresAt)));
    case 'accepted':
      return t(locale, RTEXT.riskStatusAccepted(mention(risk.decision?.by ?? risk.requestedBy)));
    case 'rejected':
      return t(locale, RTEXT.riskStatusRejected(mention(risk.decision?.by ?? '?'), risk.decision?.reason));
    case 'expired':
      return t(locale, RTEXT.riskStatusExpired);
    case 'revoked':
      return t(locale, RTEXT.riskStatusRevoked(mention(risk.revocation?.by ?? '?')));
  }
}

export function renderRiskRequest(
  risk: RiskAcceptance,
  options: ApproverOptions,
): { text: string; blocks: Block[] } {
  const { locale } = options;
  const blocks: Block[] = [
    header(t(locale, RTEXT.riskRequestHeader)),
    section(`${clipMrkdwn(escapeMrkdwn(evidenceIn(locale, risk.finding)), 500)}\n${findingWhere(risk.finding, locale)}`),
    section(t(locale, RTEXT.requestedBy(mention(risk.requestedBy), slackDate(risk.requestedAt)))),
    section(clipMrkdwn(`${t(locale, RTEXT.riskReason(risk.reason))}\n${t(locale, RTEXT.riskUntil(slackDate(risk.expiresAt)))}`, 2900)),
    section(riskStatus(risk, locale)),
  ];
  if (risk.state === 'requested') {
    blocks.push(
      actions([
        button(t(locale, RTEXT.approve), REMEDIATION_ACTIONS.approveRisk, risk.id, 'primary'),
        button(t(locale, RTEXT.reject), REMEDIATION_ACTIONS.rejectRisk, risk.id, 'danger'),
      ]),
    );
  }
  blocks.push(context([approversLine(options), t(locale, RTEXT.requestIdLine(risk.id))]));
  return { text: t(locale, RTEXT.riskRequestFallback), blocks };
}

/** The direct message telling the requester how their acceptance was decided. */
export function renderRiskUpdate(risk: RiskAcceptance, locale: Locale): { text: string; blocks: Block[] } {
  const text = t(locale, RTEXT.riskOutcome(riskStatus(risk, locale)));
  return { text: text.slice(0, 300), blocks: [section(clipMrkdwn(`${text}\n${findingWhere(risk.finding, locale)}`, 2900))] };
}
