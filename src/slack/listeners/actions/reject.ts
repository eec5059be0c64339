// Reject on an approval request (value: the request's id): opens a modal for an optional reason. Only an
// approver, or the requester withdrawing their own request, gets the modal; the submission checks again.
import { t } from '../../../i18n/locale.ts';
import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { afterAck } from '../after-ack.ts';
import type { RejectKind } from '../../ids.ts';
import { RTEXT } from '../../remediation/text.ts';
import { renderRejectModal } from '../../render/remediation-modals.ts';
import type { RemediationDeps } from '../../remediation/replies.ts';

async function requesterOf(deps: RemediationDeps, kind: RejectKind, id: unknown): Promise<string | undefined | null> {
  if (kind === 'risk') {
    const risk = await deps.remediation.risks.get(id);
    return risk ? risk.requestedBy : null;
  }
  const request = await deps.remediation.fixes.get(id);
  if (!request) return null;
  return kind === 'fix' ? request.requestedBy : request.undoRequest?.by;
}

export function rejectAction(deps: RemediationDeps, kind: RejectKind): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return afterAck(deps, async ({ userId, locale, reply }, { action, body, client }) => {
    const requester = await requesterOf(deps, kind, action.value);
    if (requester === null) return reply(t(locale, RTEXT.requestGone));
    if (userId !== requester && !(await deps.remediation.policy.isApprover(userId))) return reply(t(locale, RTEXT.notApprover));
    await client.views.open({ trigger_id: body.trigger_id, view: renderRejectModal(kind, action.value ?? '', locale) });
  });
}
