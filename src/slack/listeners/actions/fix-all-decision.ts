// The buttons of a "Fix all" approval request (value: the batch id): approve, reject, stop, undo all and
// its approval. The service checks who may (approvers, no self-approval unless allowed) from body.user.id.
import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import type { BatchDecisionResult } from '../../../remediation/batches.ts';
import { say } from '../../messages.ts';
import { announceBatchDecision } from '../../remediation/batch/requests.ts';
import { type RemediationDeps, replyPrivately } from '../../remediation/replies.ts';
import { RTEXT } from '../../remediation/text.ts';

export type BatchDecide = (deps: RemediationDeps, client: webApi.WebClient, id: string | undefined, userId: string) => Promise<BatchDecisionResult>;

export function fixAllDecisionAction(deps: RemediationDeps, decide: BatchDecide): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return async ({ ack, action, body, client, respond }) => {
    await ack();
    deps.background.run(async () => {
      const userId = body.user.id;
      const locale = await deps.userLocales.of(client, userId);
      if (!deps.remediation.config.enabled) return replyPrivately(client, userId, respond, say(locale, RTEXT.remediationOff));
      await announceBatchDecision(deps, client, { userId, respond, locale }, await decide(deps, client, action.value, userId));
    });
  };
}
