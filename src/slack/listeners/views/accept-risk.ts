// The risk acceptance modal (private_metadata: the finding snapshot id): a reason (required) and an
// expiry in days (default 90, at most 365). Accepted at once with AWSCHECK_RISK_SELF_ACCEPT=true; otherwise
// posted to the approval channel for an approver.
import { t } from '../../../i18n/locale.ts';
import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { validateAcceptance } from '../../../remediation/risks.ts';
import { channelText, slackDate } from '../../mrkdwn.ts';
import { RTEXT } from '../../remediation/text.ts';
import { FIELDS } from '../../render/remediation-modals.ts';
import { postRiskRequest, type RemediationDeps, tellUser } from '../../remediation/replies.ts';

export function acceptRiskView(deps: RemediationDeps): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const { remediation } = deps;
    const locale = await deps.userLocales.of(client, userId);
    const values = view.state.values;
    const raw = { reason: values[FIELDS.reason]?.[FIELDS.reason]?.value ?? '', days: values[FIELDS.days]?.[FIELDS.days]?.value ?? undefined };
    const checked = validateAcceptance(raw);
    if (!checked.ok) {
      const errors: Record<string, string> = {};
      if (checked.errors.reason) errors[FIELDS.reason] = t(locale, checked.errors.reason);
      if (checked.errors.days) errors[FIELDS.days] = t(locale, checked.errors.days);
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    deps.background.run(async () => {
      const tell = (text: string) => tellUser(client, userId, text);
      if (!remediation.config.enabled) return tell(t(locale, RTEXT.remediationOff));
      if (!(await deps.scanners.allows(client, userId))) return tell(t(locale, RTEXT.notAllowedToRequest));
      const finding = await remediation.snapshots.find(view.private_metadata);
      if (!finding) return tell(t(locale, RTEXT.findingGone));
      const result = await remediation.risks.request(finding, userId, raw);
      switch (result.kind) {
        case 'invalid':
          return;
        case 'already':
          return tell(t(locale, RTEXT.riskAlready(slackDate(result.risk.expiresAt))));
        case 'accepted':
          return tell(t(locale, RTEXT.riskAccepted(slackDate(result.risk.expiresAt))));
        case 'requested': {
          const posted = await postRiskRequest(client, deps, result.risk);
          if (!posted.ok) return tell(t(locale, RTEXT.notPosted(posted.error)));
          return tell(t(locale, RTEXT.riskRequested(channelText(remediation.config.approvalChannel ?? ''))));
        }
      }
    });
  };
}
