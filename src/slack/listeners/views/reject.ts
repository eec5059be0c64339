// The rejection modal (private_metadata: {"kind","id"} naming what is rejected, nothing else). Who
// rejects is body.user.id, checked again by the service: an approver, or the requester withdrawing.
import { t } from '../../../i18n/locale.ts';
import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { announceFixDecision, announceRiskDecision } from '../../remediation/decisions.ts';
import type { RejectKind } from '../../ids.ts';
import { MAX_REASON_LENGTH } from '../../../remediation/risks.ts';
import { RTEXT } from '../../remediation/text.ts';
import { FIELDS } from '../../render/remediation-modals.ts';
import { clickerOf, type RemediationDeps } from '../../remediation/replies.ts';

function target(metadata: string): { kind: RejectKind; id: string } | undefined {
  try {
    const parsed = JSON.parse(metadata) as { kind?: unknown; id?: unknown };
    const kind = parsed.kind;
    if ((kind === 'fix' || kind === 'undo' || kind === 'risk') && typeof parsed.id === 'string') return { kind, id: parsed.id };
  } catch {
    // Not ours: nothing to reject.
  }
  return undefined;
}

export function rejectView(deps: RemediationDeps): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const clicker = await clickerOf(deps, client, body.user.id);
    const { locale } = clicker;
    const reason = view.state.values[FIELDS.rejectReason]?.[FIELDS.rejectReason]?.value?.trim() || undefined;
    // The modal's max_length is the client's; a crafted submission is refused here, in the modal.
    if (reason !== undefined && reason.length > MAX_REASON_LENGTH) {
      await ack({ response_action: 'errors', errors: { [FIELDS.rejectReason]: t(locale, RTEXT.tooLong(MAX_REASON_LENGTH)) } });
      return;
    }
    await ack();
    const what = target(view.private_metadata);
    if (!what) return;
    deps.background.run(async () => {
      if (what.kind === 'risk') {
        await announceRiskDecision(deps, clicker, await deps.remediation.risks.reject(what.id, clicker.userId, reason));
        return;
      }
      await announceFixDecision(deps, clicker, await deps.remediation.fixes.reject(what.id, clicker.userId, what.kind, reason));
    });
  };
}
