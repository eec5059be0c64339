// Revoke in `/awscheck risks` (value: the acceptance id): an approver ends an acceptance early.
import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { afterAck } from '../after-ack.ts';
import { announceRiskDecision } from '../../remediation/decisions.ts';
import type { RemediationDeps } from '../../remediation/replies.ts';

export function revokeRiskAction(deps: RemediationDeps): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return afterAck(deps, async (clicker, { action }) => {
    await announceRiskDecision(deps, clicker, await deps.remediation.risks.revoke(action.value, clicker.userId), true);
  });
}
