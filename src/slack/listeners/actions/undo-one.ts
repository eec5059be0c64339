// "Undo one…" on a finished Fix all (option value: a request id): that request's own Undo, waiting for an
// approver on its own approval message. Asking is open to whoever may scan; approving is not.
import { t } from '../../../i18n/locale.ts';
import type { BlockStaticSelectAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { afterAck } from '../after-ack.ts';
import { channelText } from '../../mrkdwn.ts';
import { postFixRequest, refreshFixRequest, type RemediationDeps } from '../../remediation/replies.ts';
import { REQUEST_STATE_NAMES, RTEXT } from '../../remediation/text.ts';
import { stateName } from '../../render/remediation-parts.ts';

export function undoOneAction(deps: RemediationDeps): Middleware<SlackActionMiddlewareArgs<BlockStaticSelectAction>> {
  return afterAck(deps, async ({ userId, locale, reply }, { action, client }) => {
    const { remediation } = deps;
    if (!remediation.config.enabled) return reply(t(locale, RTEXT.remediationOff));
    if (!(await deps.scanners.allows(client, userId))) return reply(t(locale, RTEXT.notAllowedToRequest));
    const result = await remediation.fixes.requestUndo(action.selected_option.value, userId);
    if (result.kind === 'not-found') return reply(t(locale, RTEXT.requestGone));
    if (result.kind === 'not-applied') return reply(t(locale, RTEXT.notUndoable(stateName(REQUEST_STATE_NAMES, result.request.state, locale))));
    // A batch's request has no message of its own until now: its undo gets the usual approval request.
    if (result.request.message) await refreshFixRequest(client, deps, result.request);
    else {
      const posted = await postFixRequest(client, deps, result.request);
      if (!posted.ok) return reply(t(locale, RTEXT.notPosted(posted.error)));
    }
    await reply(t(locale, RTEXT.undoRequested(channelText(remediation.config.approvalChannel ?? ''))));
  });
}
