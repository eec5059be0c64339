// Undo on an applied fix (value: the request's id): asks for the undo, which then waits for an approver
// exactly like the fix did. Asking is open to whoever may scan; approving is not.
import { t } from '../../../i18n/locale.ts';
import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { afterAck } from '../after-ack.ts';
import { channelText } from '../../mrkdwn.ts';
import { REQUEST_STATE_NAMES, RTEXT } from '../../remediation/text.ts';
import { stateName } from '../../render/remediation-parts.ts';
import { refreshFixRequest, type RemediationDeps } from '../../remediation/replies.ts';

export function undoAction(deps: RemediationDeps): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return afterAck(deps, async ({ userId, locale, reply }, { action, client }) => {
    const { remediation } = deps;
    if (!remediation.config.enabled) return reply(t(locale, RTEXT.remediationOff));
    if (!(await deps.scanners.allows(client, userId))) return reply(t(locale, RTEXT.notAllowedToRequest));
    const result = await remediation.fixes.requestUndo(action.value, userId);
    if (result.kind === 'not-found') return reply(t(locale, RTEXT.requestGone));
    if (result.kind === 'not-applied') return reply(t(locale, RTEXT.notUndoable(stateName(REQUEST_STATE_NAMES, result.request.state, locale))));
    await refreshFixRequest(client, deps, result.request);
    await reply(t(locale, RTEXT.undoRequested(channelText(remediation.config.approvalChannel ?? ''))));
  });
}
