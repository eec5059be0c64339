// What follows a decision (approve, reject, revoke), whoever made it: the clicker hears why nothing
// happened, or the approval request is redrawn and the requester is told the outcome.
import type { Refusal } from '../../remediation/approvals.ts';
import type { RiskDecisionResult } from '../../remediation/risks.ts';
import type { DecisionResult } from '../../remediation/service.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import { REQUEST_STATE_NAMES, RISK_STATE_NAMES, RTEXT } from './text.ts';
import { stateName } from '../render/remediation-parts.ts';
import { type Clicker, type RemediationDeps, refreshFixRequest, refreshRiskRequest, tellRequester, tellRiskRequester } from './replies.ts';

function refusalText(refusal: Refusal, locale: Locale): string {
  return t(locale, refusal === 'own-request' ? RTEXT.ownRequest : RTEXT.notApprover);
}

export async function announceFixDecision(deps: RemediationDeps, clicker: Clicker, result: DecisionResult): Promise<void> {
  const { locale } = clicker;
  const { reply } = clicker;
  switch (result.kind) {
    case 'not-found':
      return reply(t(locale, RTEXT.requestGone));
    case 'refused':
      return reply(refusalText(result.refusal, locale));
    case 'not-waiting':
      return reply(t(locale, RTEXT.notWaiting(stateName(REQUEST_STATE_NAMES, result.request.state, locale))));
    case 'expired':
      await refreshFixRequest(clicker.client, deps, result.request);
      return reply(t(locale, RTEXT.expired));
    case 'done':
      await refreshFixRequest(clicker.client, deps, result.request);
      await tellRequester(clicker.client, deps, result.request);
  }
}

export async function announceRiskDecision(deps: RemediationDeps, clicker: Clicker, result: RiskDecisionResult, revoked = false): Promise<void> {
  const { locale } = clicker;
  const { reply } = clicker;
  switch (result.kind) {
    case 'not-found':
      return reply(t(locale, RTEXT.requestGone));
    case 'refused':
      return reply(refusalText(result.refusal, locale));
    case 'not-waiting':
      return reply(t(locale, RTEXT.notWaiting(stateName(RISK_STATE_NAMES, result.risk.state, locale))));
    case 'expired':
      await refreshRiskRequest(clicker.client, deps, result.risk);
      return reply(t(locale, RTEXT.expired));
    case 'done':
      await refreshRiskRequest(clicker.client, deps, result.risk);
      if (revoked) return reply(t(locale, RTEXT.revoked));
      await tellRiskRequester(clicker.client, deps, result.risk);
  }
}
