// What follows a decision (approve, reject, revoke), whoever made it: the clicker hears why nothing
// happened, or the approval request is redrawn and the requester is told the outcome.
import type { Refusal } from '../../remediation/approvals.ts';
import type { RiskDecisionResult } from '../../remediation/risks.ts';
import type { DecisionResult } from '../../remediation/service.ts';
import { type Locale, type Localized, t } from '../../i18n/locale.ts';
import { REQUEST_STATE_NAMES, RISK_STATE_NAMES, RTEXT } from './text.ts';
import { stateName } from '../render/remediation-parts.ts';
import { type Clicker, type RemediationDeps, refreshFixRequest, refreshRiskRequest, tellRequester, tellRiskRequester } from './replies.ts';

function refusalText(refusal: Refusal, locale: Locale): string {
  return t(locale, refusal === 'own-request' ? RTEXT.ownRequest : RTEXT.notApprover);
}

/** A decision's outcome, whatever was decided on (a fix request or a risk acceptance). */
type Outcome<T> = { kind: 'not-found' } | { kind: 'refused'; refusal: Refusal } | { kind: 'not-waiting' | 'expired' | 'done'; subject: T };

interface Announcer<T> {
  stateNames: Record<string, Localized>;
  stateOf: (subject: T) => string;
  /** Redraws the approval request in its channel. */
  refresh: (subject: T) => Promise<void>;
  /** Once decided and redrawn: who hears what. */
  finish: (subject: T) => Promise<void>;
}

async function announce<T>(clicker: Clicker, outcome: Outcome<T>, how: Announcer<T>): Promise<void> {
  const { locale, reply } = clicker;
  switch (outcome.kind) {
    case 'not-found':
      return reply(t(locale, RTEXT.requestGone));
    case 'refused':
      return reply(refusalText(outcome.refusal, locale));
    case 'not-waiting':
      return reply(t(locale, RTEXT.notWaiting(stateName(how.stateNames, how.stateOf(outcome.subject), locale))));
    case 'expired':
      await how.refresh(outcome.subject);
      return reply(t(locale, RTEXT.expired));
    case 'done':
      await how.refresh(outcome.subject);
      await how.finish(outcome.subject);
  }
}

export async function announceFixDecision(deps: RemediationDeps, clicker: Clicker, result: DecisionResult): Promise<void> {
  const outcome = result.kind === 'not-found' || result.kind === 'refused' ? result : { kind: result.kind, subject: result.request };
  await announce(clicker, outcome, {
    stateNames: REQUEST_STATE_NAMES,
    stateOf: (request) => request.state,
    refresh: (request) => refreshFixRequest(clicker.client, deps, request),
    finish: (request) => tellRequester(clicker.client, deps, request),
  });
}

export async function announceRiskDecision(deps: RemediationDeps, clicker: Clicker, result: RiskDecisionResult, revoked = false): Promise<void> {
  const outcome = result.kind === 'not-found' || result.kind === 'refused' ? result : { kind: result.kind, subject: result.risk };
  await announce(clicker, outcome, {
    stateNames: RISK_STATE_NAMES,
    stateOf: (risk) => risk.state,
    refresh: (risk) => refreshRiskRequest(clicker.client, deps, risk),
    // A revoke is confirmed to the one who revoked; an approval or rejection is told to the requester.
    finish: (risk) => (revoked ? clicker.reply(t(clicker.locale, RTEXT.revoked)) : tellRiskRequester(clicker.client, deps, risk)),
  });
}
