// "Fix…" on a finding (value: a finding snapshot id). Someone who may scan asks for the fix: a fix with
// inputs (a replacement CIDR) opens its modal first; otherwise the preview and the request follow at once.
import { t } from '../../../i18n/locale.ts';
import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { afterAck } from '../after-ack.ts';
import { openView } from '../../delivery/open-view.ts';
import { RTEXT } from '../../remediation/text.ts';
import { renderFixInputsModal } from '../../render/remediation-modals.ts';
import { findingForRequester, type RemediationDeps } from '../../remediation/replies.ts';
import { requestFix } from '../../remediation/request-fix.ts';

export function fixAction(deps: RemediationDeps): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return afterAck(deps, async ({ userId, locale, reply }, { action, body, client }) => {
    const { remediation } = deps;
    const finding = await findingForRequester(deps, client, userId, action.value, reply, locale);
    if (!finding) return;
    const fix = remediation.fixFor(finding);
    if (!fix) return reply(t(locale, RTEXT.noFix));
    if (fix.inputs) {
      await openView(client, body, renderFixInputsModal(action.value ?? '', finding, t(locale, fix.title), locale));
      return;
    }
    await requestFix(client, deps, finding, userId, {}, locale);
  });
}
