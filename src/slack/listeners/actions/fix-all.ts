// "Fix all (N)…" on a group (value: SET|CHECK|0): a fix with inputs opens its modal first; otherwise the
// previews and one approval request for the whole group follow at once.
import { t } from '../../../i18n/locale.ts';
import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { afterAck } from '../after-ack.ts';
import { openView } from '../../delivery/open-view.ts';
import { groupFindings, requestFixAll } from '../../remediation/batch/requests.ts';
import type { RemediationDeps } from '../../remediation/replies.ts';
import { renderFixAllInputsModal } from '../../render/remediation-modals.ts';

export function fixAllAction(deps: RemediationDeps): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return afterAck(deps, async ({ userId, locale, reply }, { action, body, client }) => {
    const findings = await groupFindings(deps, client, userId, action.value, reply, locale);
    const fix = findings?.[0] ? deps.remediation.fixFor(findings[0]) : undefined;
    if (!findings || !fix) return;
    if (fix.inputs) {
      await openView(client, body, renderFixAllInputsModal(action.value ?? '', t(locale, fix.title), findings.length, locale));
      return;
    }
    await requestFixAll(client, deps, findings, userId, {}, locale);
  });
}
