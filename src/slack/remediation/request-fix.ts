// Turns a "Fix…" click (or the inputs modal's submission) into a request: preview read live, request
// stored, approval request posted to the approval channel, and the requester told what happens next.
import type { webApi } from '@slack/bolt';
import type { CheckResult } from '../../engine/types.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import { channelText, escapeMrkdwn } from '../mrkdwn.ts';
import { RTEXT, REQUEST_STATE_NAMES } from './text.ts';
import { bullets, stateName } from '../render/remediation-parts.ts';
import { postFixRequest, type RemediationDeps, tellUser } from './replies.ts';

export async function requestFix(
  client: webApi.WebClient,
  deps: RemediationDeps,
  finding: CheckResult,
  userId: string,
  inputs: unknown,
  locale: Locale,
): Promise<void> {
  const { remediation } = deps;
  const tell = (text: string) => tellUser(client, userId, text);
  const result = await remediation.fixes.prepare(finding, userId, inputs);
  switch (result.kind) {
    case 'no-fix':
      return tell(t(locale, RTEXT.noFix));
    case 'invalid-inputs':
      return tell(t(locale, RTEXT.previewFailed(t(locale, result.error))));
    case 'open':
      return tell(t(locale, RTEXT.requestOpen(stateName(REQUEST_STATE_NAMES, result.request.state, locale))));
    case 'already-fixed':
      return tell(t(locale, RTEXT.alreadyFixed(bullets(result.preview.lines))));
    case 'preview-failed':
      return tell(t(locale, RTEXT.previewFailed(result.error)));
    case 'requested': {
      const posted = await postFixRequest(client, deps, result.request);
      if (!posted.ok) {
        await remediation.fixes.abandon(result.request, posted.error);
        return tell(t(locale, RTEXT.notPosted(posted.error)));
      }
      const fix = remediation.fixById(result.request.fixId);
      const title = fix ? t(locale, fix.title) : result.request.fixId;
      return tell(t(locale, RTEXT.fixRequested(channelText(remediation.config.approvalChannel ?? ''), escapeMrkdwn(title))));
    }
  }
}
