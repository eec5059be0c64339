// "Accept risk" on a finding (value: a finding snapshot id): opens the modal for a reason and an expiry.
import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { say } from '../messages.ts';
import { RTEXT } from '../remediation-text.ts';
import { renderAcceptRiskModal } from '../render/remediation-modals.ts';
import { type RemediationDeps, replyPrivately } from '../remediation-replies.ts';

export function acceptRiskAction(deps: RemediationDeps): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return async ({ ack, action, body, client, respond }) => {
    await ack();
    deps.background.run(async () => {
      const userId = body.user.id;
      const reply = (text: string) => replyPrivately(client, userId, respond, text);
      const { remediation, locale } = deps;
      if (!remediation.config.enabled) return reply(say(locale, RTEXT.remediationOff));
      if (!(await deps.scanners.allows(client, userId))) return reply(say(locale, RTEXT.notAllowedToRequest));
      const finding = await remediation.snapshots.find(action.value);
      if (!finding) return reply(say(locale, RTEXT.findingGone));
      await client.views.open({
        trigger_id: body.trigger_id,
        view: renderAcceptRiskModal(action.value ?? '', finding, remediation.risks.selfAccept, locale),
      });
    });
  };
}
