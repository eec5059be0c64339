// The buttons of a "Fix all" approval request (value: the batch id): approve, reject, stop, undo all and
// its approval. The service checks who may (approvers, no self-approval unless allowed) from body.user.id.
import { t } from '../../../i18n/locale.ts';
import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import { afterAck } from '../after-ack.ts';
import type { BatchDecisionResult } from '../../../remediation/batches.ts';
import { announceBatchDecision } from '../../remediation/batch/requests.ts';
import type { RemediationDeps } from '../../remediation/replies.ts';
import { RTEXT } from '../../remediation/text.ts';

export type BatchDecide = (deps: RemediationDeps, client: webApi.WebClient, id: string | undefined, userId: string) => Promise<BatchDecisionResult>;

export function fixAllDecisionAction(deps: RemediationDeps, decide: BatchDecide): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return afterAck(deps, async (clicker, { action, client }) => {
    if (!deps.remediation.config.enabled) return clicker.reply(t(clicker.locale, RTEXT.remediationOff));
    await announceBatchDecision(deps, client, clicker, await decide(deps, client, action.value, clicker.userId));
  });
}
