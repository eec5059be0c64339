// The fix inputs modal (private_metadata: the finding snapshot id). Bad input is answered in the modal
// itself; good input closes it, and the preview and the approval request follow.
import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { validateInputs } from '../../../remediation/fix.ts';
import { say } from '../../messages.ts';
import { RTEXT } from '../../remediation/text.ts';
import { FIELDS } from '../../render/remediation-modals.ts';
import { type RemediationDeps, tellUser } from '../../remediation/replies.ts';
import { requestFix } from '../../remediation/request-fix.ts';

/** The modal's max_length for a fix input, checked again here (a crafted submission can exceed it). */
export const MAX_INPUT_LENGTH = 64;

export function fixInputsView(deps: RemediationDeps): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const { remediation, locale } = deps;
    const finding = await remediation.snapshots.find(view.private_metadata);
    const fix = finding ? remediation.fixFor(finding) : undefined;
    const cidr = view.state.values[FIELDS.replacementCidr]?.[FIELDS.replacementCidr]?.value?.trim();
    if (cidr !== undefined && cidr.length > MAX_INPUT_LENGTH) {
      await ack({ response_action: 'errors', errors: { [FIELDS.replacementCidr]: say(locale, RTEXT.tooLong(MAX_INPUT_LENGTH)) } });
      return;
    }
    const inputs = cidr ? { replacementCidr: cidr } : {};
    if (fix) {
      const checked = validateInputs(fix, inputs);
      if (!checked.ok) {
        await ack({ response_action: 'errors', errors: { [FIELDS.replacementCidr]: say(locale, checked.error).slice(0, 150) } });
        return;
      }
    }
    await ack();
    deps.background.run(async () => {
      if (!remediation.config.enabled) return tellUser(client, userId, say(locale, RTEXT.remediationOff));
      if (!(await deps.scanners.allows(client, userId))) return tellUser(client, userId, say(locale, RTEXT.notAllowedToRequest));
      if (!finding) return tellUser(client, userId, say(locale, RTEXT.findingGone));
      await requestFix(client, deps, finding, userId, inputs);
    });
  };
}
