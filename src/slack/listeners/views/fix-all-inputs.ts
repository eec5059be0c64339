// The "Fix all" inputs modal (private_metadata: the group's SET|CHECK|0): one replacement source for every
// rule. Bad input is answered in the modal; good input closes it, and the batch request follows.
import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { groupFindings, requestFixAll } from '../../remediation/batch/requests.ts';
import { readFixInputs } from '../../remediation/fix-inputs.ts';
import { type RemediationDeps, tellUser } from '../../remediation/replies.ts';

export function fixAllInputsView(deps: RemediationDeps): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const { remediation } = deps;
    const locale = await deps.userLocales.of(client, userId);
    // Too long is refused before anything else is read or said.
    const typed = readFixInputs(view, undefined, locale);
    if (!typed.ok) {
      await ack({ response_action: 'errors', errors: typed.errors });
      return;
    }
    const tell = (text: string) => tellUser(client, userId, text);
    const findings = await groupFindings(deps, client, userId, view.private_metadata, tell, locale);
    const fix = findings?.[0] ? remediation.fixFor(findings[0]) : undefined;
    const submitted = fix ? readFixInputs(view, fix, locale) : typed;
    if (!submitted.ok) {
      await ack({ response_action: 'errors', errors: submitted.errors });
      return;
    }
    await ack();
    if (!findings) return;
    deps.background.run(() => requestFixAll(client, deps, findings, userId, submitted.inputs, locale));
  };
}
