// The fix inputs modal (private_metadata: the finding snapshot id). Bad input is answered in the modal
// itself; good input closes it, and the preview and the approval request follow.
import { t } from '../../../i18n/locale.ts';
import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { RTEXT } from '../../remediation/text.ts';
import { readFixInputs } from '../../remediation/fix-inputs.ts';
import { type RemediationDeps, tellUser } from '../../remediation/replies.ts';
import { requestFix } from '../../remediation/request-fix.ts';

export function fixInputsView(deps: RemediationDeps): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const { remediation } = deps;
    const locale = await deps.userLocales.of(client, userId);
    const finding = await remediation.snapshots.find(view.private_metadata);
    const fix = finding ? remediation.fixFor(finding) : undefined;
    const submitted = readFixInputs(view, fix, locale);
    if (!submitted.ok) {
      await ack({ response_action: 'errors', errors: submitted.errors });
      return;
    }
    await ack();
    deps.background.run(async () => {
      if (!remediation.config.enabled) return tellUser(client, userId, t(locale, RTEXT.remediationOff));
      if (!(await deps.scanners.allows(client, userId))) return tellUser(client, userId, t(locale, RTEXT.notAllowedToRequest));
      if (!finding) return tellUser(client, userId, t(locale, RTEXT.findingGone));
      await requestFix(client, deps, finding, userId, submitted.inputs, locale);
    });
  };
}
