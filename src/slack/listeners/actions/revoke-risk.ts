// Revoke in `/awscheck risks` (value: the acceptance id): an approver ends an acceptance early.
import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { announceRiskDecision } from '../../remediation/decisions.ts';
import { clickerOf, type RemediationDeps } from '../../remediation/replies.ts';

export function revokeRiskAction(deps: RemediationDeps): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return async ({ ack, action, body, client, respond }) => {
    await ack();
    deps.background.run(async () => {
      const clicker = await clickerOf(deps, client, body.user.id, respond);
      await announceRiskDecision(deps, clicker, await deps.remediation.risks.revoke(action.value, clicker.userId), true);
    });
  };
}
