// "Accept risk" on a finding (value: a finding snapshot id): opens the modal for a reason and an expiry.
import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { afterAck } from '../after-ack.ts';
import { openView } from '../../delivery/open-view.ts';
import { renderAcceptRiskModal } from '../../render/remediation-modals.ts';
import { findingForRequester, type RemediationDeps } from '../../remediation/replies.ts';

export function acceptRiskAction(deps: RemediationDeps): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return afterAck(deps, async ({ userId, locale, reply }, { action, body, client }) => {
    const { remediation } = deps;
    const finding = await findingForRequester(deps, client, userId, action.value, reply, locale);
    if (!finding) return;
    await openView(client, body, renderAcceptRiskModal(action.value ?? '', finding, remediation.risks.selfAccept, locale));
  });
}
