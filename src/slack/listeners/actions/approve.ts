// Approve on an approval request (value: the request's id). The approver is body.user.id; the service
// checks the list, the self-approval rule and the deadline, and claims the request with a conditional
// update, so of two approvers clicking together exactly one fix runs.
import { t } from '../../../i18n/locale.ts';
import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { afterAck } from '../after-ack.ts';
import type { Phase } from '../../../remediation/service.ts';
import { announceFixDecision, announceRiskDecision } from '../../remediation/decisions.ts';
import type { RemediationDeps } from '../../remediation/replies.ts';
import { RTEXT } from '../../remediation/text.ts';

export function approveFixAction(deps: RemediationDeps, phase: Phase): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  // The fix may take a while (reads, a write, read-backs): Slack has its answer already.
  return afterAck(deps, async (clicker, { action }) => {
    // Turned off since the request was made: nothing may be written any more.
    if (!deps.remediation.config.enabled) return clicker.reply(t(clicker.locale, RTEXT.remediationOff));
    await announceFixDecision(deps, clicker, await deps.remediation.fixes.approve(action.value, clicker.userId, phase));
  });
}

export function approveRiskAction(deps: RemediationDeps): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return afterAck(deps, async (clicker, { action }) => {
    if (!deps.remediation.config.enabled) return clicker.reply(t(clicker.locale, RTEXT.remediationOff));
    await announceRiskDecision(deps, clicker, await deps.remediation.risks.approve(action.value, clicker.userId));
  });
}
