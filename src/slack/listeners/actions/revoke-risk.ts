// Revoke in `/awscheck risks` (value: the acceptance id): an approver ends an acceptance early.
import type { BlockButtonAction, Middleware, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import { announceRiskDecision } from '../../remediation/decisions.ts';
import type { RemediationDeps } from '../../remediation/replies.ts';

export function revokeRiskAction(deps: RemediationDeps): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return async ({ ack, action, body, client, respond }) => {
    await ack();
    const clicker = { client, userId: body.user.id, respond: respond as RespondFn | undefined };
    deps.background.run(async () => announceRiskDecision(deps, clicker, await deps.remediation.risks.revoke(action.value, clicker.userId), true));
  };
}
