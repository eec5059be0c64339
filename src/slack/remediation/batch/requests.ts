// The "Fix all" listeners: the group button (and its inputs modal), and the batch approval request's buttons.
// Who may ask is decided like Fix… (remediation on, AWSCHECK_SCANNERS) and who may approve like a single
// fix (approvers, no self-approval unless allowed), always from body.user.id.
import type { App, BlockButtonAction, BlockStaticSelectAction, Middleware, RespondFn, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction, types, webApi } from '@slack/bolt';
import type { CheckResult } from '../../../engine/types.ts';
import type { BatchDecisionResult, BatchProgress } from '../../../remediation/batches.ts';
import type { FixBatch } from '../../../remediation/batch.ts';
import { validateInputs } from '../../../remediation/fix.ts';
import { slackErrorCode } from '../../errors.ts';
import { say } from '../../messages.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import { openView } from '../../delivery/open-view.ts';
import { channelText, postFixRequest, refreshFixRequest, type RemediationDeps, replyPrivately, tellUser } from '../replies.ts';
import { REQUEST_STATE_NAMES, RTEXT } from '../text.ts';
import { plain, section } from '../../render/blocks.ts';
import { BLOCK_KIT } from '../../render/limits.ts';
import { FIELDS } from '../../render/remediation-modals.ts';
import { stateName } from '../../render/remediation-parts.ts';
import { groupFailures } from '../../results/groups.ts';
import { parseGroupRef } from '../../results/group-ref.ts';
import { MAX_INPUT_LENGTH } from '../../listeners/views/fix-inputs.ts';
import { BATCH_ACTIONS, BATCH_VIEWS } from '../../batch/ids.ts';
import { batchStatus, renderBatchRequest } from '../../render/batch-request.ts';
import { BTEXT } from './text.ts';

type Client = webApi.WebClient;

function message(deps: RemediationDeps, batch: FixBatch, requests: Parameters<typeof renderBatchRequest>[1]) {
  const { remediation, locale } = deps;
  const fix = remediation.fixById(batch.fixId);
  return renderBatchRequest(batch, requests, {
    locale,
    fixTitle: fix ? say(locale, fix.title) : batch.fixId,
    approvers: remediation.policy.approvers,
    allowSelfApproval: remediation.policy.allowSelfApproval,
  });
}

/** Redraws the batch's approval request (chat.update); a failed update never stops the fixes. */
function progressOn(client: Client, deps: RemediationDeps): BatchProgress {
  return async (batch, requests) => {
    const ref = batch.message ?? (await deps.remediation.batches.get(batch.id))?.message;
    if (!ref) return;
    const { text, blocks } = message(deps, batch, requests);
    try {
      await client.chat.update({ channel: ref.channel, ts: ref.ts, text, blocks });
    } catch (err) {
      console.warn(`awscheck: could not update the Fix all request ${batch.id}: ${slackErrorCode(err)}`);
    }
  };
}

/** The group's findings the clicker asked to fix, once remediation is on and the clicker may scan. */
async function groupFindings(deps: RemediationDeps, client: Client, userId: string, value: string | undefined, reply: (t: string) => Promise<void>): Promise<CheckResult[] | undefined> {
  const { remediation, locale } = deps;
  if (!remediation.config.enabled) return void (await reply(say(locale, RTEXT.remediationOff)));
  if (!(await deps.scanners.allows(client, userId))) return void (await reply(say(locale, RTEXT.notAllowedToRequest)));
  const ref = parseGroupRef(value);
  const set = ref && deps.resultSets ? await deps.resultSets.get(ref.setId) : undefined;
  const group = ref && set ? groupFailures(set.failing.filter((r) => r.checkId === ref.checkId), deps.catalogue)[0] : undefined;
  const findings = group?.findings.filter((f) => remediation.fixFor(f)) ?? [];
  if (findings.length === 0) return void (await reply(say(locale, BTEXT.listGone)));
  return findings;
}

async function requestFixAll(client: Client, deps: RemediationDeps, findings: CheckResult[], userId: string, inputs: unknown): Promise<void> {
  const { remediation, locale } = deps;
  const tell = (text: string) => tellUser(client, userId, text);
  const result = await remediation.batches.prepare(findings, userId, inputs);
  if (result.kind === 'no-fix') return tell(say(locale, RTEXT.noFix));
  if (result.kind === 'invalid-inputs') return tell(say(locale, RTEXT.previewFailed(say(locale, result.error))));
  if (result.kind === 'nothing') {
    return tell(say(locale, BTEXT.nothingToRequest(result.skipped.map((s) => `\`${escapeMrkdwn(s.label)}\` (${escapeMrkdwn(s.reason)})`).join(', ').slice(0, 2500))));
  }
  const channel = remediation.config.approvalChannel;
  const { text, blocks } = message(deps, result.batch, result.requests);
  let error = 'AWSCHECK_APPROVAL_CHANNEL is not set';
  if (channel) {
    try {
      const posted = await client.chat.postMessage({ channel, text, blocks });
      if (posted.ts && posted.channel) {
        await remediation.batches.attachMessage(result.batch.id, posted.channel, posted.ts);
        return tell(say(locale, BTEXT.requestedTo(channelText(channel), result.requests.length)));
      }
      error = 'no message ts in the answer';
    } catch (err) {
      error = slackErrorCode(err);
    }
  }
  await remediation.batches.abandon(result.batch, error);
  return tell(say(locale, RTEXT.notPosted(error)));
}

function fixAllInputsModal(value: string, title: string, n: number, locale: RemediationDeps['locale']): types.ModalView {
  return {
    type: 'modal',
    callback_id: BATCH_VIEWS.inputs,
    private_metadata: value,
    title: plain(say(locale, BTEXT.inputsTitle), BLOCK_KIT.maxModalTitle),
    submit: plain(say(locale, RTEXT.fixModalSubmit), BLOCK_KIT.maxModalTitle),
    close: plain(say(locale, RTEXT.cancel), BLOCK_KIT.maxModalTitle),
    blocks: [
      section(say(locale, BTEXT.inputsIntro(escapeMrkdwn(title), n))),
      {
        type: 'input',
        block_id: FIELDS.replacementCidr,
        optional: true,
        label: plain(say(locale, RTEXT.replacementLabel), 2000),
        hint: plain(say(locale, RTEXT.replacementHint), 2000),
        element: { type: 'plain_text_input', action_id: FIELDS.replacementCidr, max_length: MAX_INPUT_LENGTH, placeholder: plain('203.0.113.0/24', 150) },
      },
    ],
  };
}

function fixAllAction(deps: RemediationDeps): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return async ({ ack, action, body, client, respond }) => {
    await ack();
    deps.background.run(async () => {
      const userId = body.user.id;
      const reply = (text: string) => replyPrivately(client, userId, respond, text);
      const findings = await groupFindings(deps, client, userId, action.value, reply);
      const fix = findings?.[0] ? deps.remediation.fixFor(findings[0]) : undefined;
      if (!findings || !fix) return;
      if (fix.inputs) {
        await openView(client, body, fixAllInputsModal(action.value ?? '', say(deps.locale, fix.title), findings.length, deps.locale));
        return;
      }
      await requestFixAll(client, deps, findings, userId, {});
    });
  };
}

function fixAllInputsView(deps: RemediationDeps): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const { remediation, locale } = deps;
    const cidr = view.state.values[FIELDS.replacementCidr]?.[FIELDS.replacementCidr]?.value?.trim();
    if (cidr !== undefined && cidr.length > MAX_INPUT_LENGTH) {
      await ack({ response_action: 'errors', errors: { [FIELDS.replacementCidr]: say(locale, RTEXT.tooLong(MAX_INPUT_LENGTH)) } });
      return;
    }
    const inputs = cidr ? { replacementCidr: cidr } : {};
    const tell = (text: string) => tellUser(client, userId, text);
    const findings = await groupFindings(deps, client, userId, view.private_metadata, tell);
    const fix = findings?.[0] ? remediation.fixFor(findings[0]) : undefined;
    if (fix) {
      const checked = validateInputs(fix, inputs);
      if (!checked.ok) {
        await ack({ response_action: 'errors', errors: { [FIELDS.replacementCidr]: say(locale, checked.error).slice(0, 150) } });
        return;
      }
    }
    await ack();
    if (!findings) return;
    deps.background.run(() => requestFixAll(client, deps, findings, userId, inputs));
  };
}

/** What the clicker hears when their click did nothing; the batch's message is redrawn otherwise. */
async function announce(deps: RemediationDeps, client: Client, userId: string, respond: RespondFn | undefined, result: BatchDecisionResult): Promise<void> {
  const { locale } = deps;
  const reply = (text: string) => replyPrivately(client, userId, respond, text);
  switch (result.kind) {
    case 'not-found':
      return reply(say(locale, RTEXT.requestGone));
    case 'refused':
      return reply(say(locale, result.refusal === 'own-request' ? RTEXT.ownRequest : RTEXT.notApprover));
    case 'not-waiting':
      return reply(say(locale, RTEXT.notWaiting(stateName(BTEXT.stateNames, result.batch.state, locale))));
    case 'expired':
    case 'done': {
      const batches = deps.remediation.batches;
      const batch = (await batches.get(result.batch.id)) ?? result.batch;
      await progressOn(client, deps)(batch, await batches.requests(batch));
      if (result.kind === 'expired') return reply(say(locale, RTEXT.expired));
      if (batch.state === 'done' || batch.state === 'stopped' || batch.state === 'undone' || batch.state === 'rejected') {
        await tellUser(client, batch.requestedBy, say(locale, BTEXT.finishedForRequester(batchStatus(batch, [], locale))));
      }
    }
  }
}

type Decide = (deps: RemediationDeps, client: Client, id: string | undefined, userId: string) => Promise<BatchDecisionResult>;

function decision(deps: RemediationDeps, decide: Decide): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return async ({ ack, action, body, client, respond }) => {
    await ack();
    deps.background.run(async () => {
      const userId = body.user.id;
      if (!deps.remediation.config.enabled) return replyPrivately(client, userId, respond, say(deps.locale, RTEXT.remediationOff));
      await announce(deps, client, userId, respond, await decide(deps, client, action.value, userId));
    });
  };
}

/** "Undo one…": that request's own Undo, waiting for an approver on its own approval message. */
function undoOneAction(deps: RemediationDeps): Middleware<SlackActionMiddlewareArgs<BlockStaticSelectAction>> {
  return async ({ ack, action, body, client, respond }) => {
    await ack();
    deps.background.run(async () => {
      const userId = body.user.id;
      const { remediation, locale } = deps;
      const reply = (text: string) => replyPrivately(client, userId, respond, text);
      if (!remediation.config.enabled) return reply(say(locale, RTEXT.remediationOff));
      if (!(await deps.scanners.allows(client, userId))) return reply(say(locale, RTEXT.notAllowedToRequest));
      const result = await remediation.fixes.requestUndo(action.selected_option.value, userId);
      if (result.kind === 'not-found') return reply(say(locale, RTEXT.requestGone));
      if (result.kind === 'not-applied') return reply(say(locale, RTEXT.notUndoable(stateName(REQUEST_STATE_NAMES, result.request.state, locale))));
      // A batch's request has no message of its own until now: its undo gets the usual approval request.
      if (result.request.message) await refreshFixRequest(client, deps, result.request);
      else {
        const posted = await postFixRequest(client, deps, result.request);
        if (!posted.ok) return reply(say(locale, RTEXT.notPosted(posted.error)));
      }
      await reply(say(locale, RTEXT.undoRequested(channelText(remediation.config.approvalChannel ?? ''))));
    });
  };
}

export function registerBatchListeners(app: App, deps: RemediationDeps): void {
  const batches = deps.remediation.batches;
  app.action<BlockButtonAction>(BATCH_ACTIONS.fixAll, fixAllAction(deps));
  app.view<ViewSubmitAction>(BATCH_VIEWS.inputs, fixAllInputsView(deps));
  app.action<BlockButtonAction>(BATCH_ACTIONS.approve, decision(deps, (d, client, id, user) => batches.approve(id, user, progressOn(client, d))));
  app.action<BlockButtonAction>(BATCH_ACTIONS.reject, decision(deps, (_d, _c, id, user) => batches.stopOrReject(id, user)));
  app.action<BlockButtonAction>(BATCH_ACTIONS.stop, decision(deps, (_d, _c, id, user) => batches.stopOrReject(id, user)));
  app.action<BlockButtonAction>(BATCH_ACTIONS.undoAll, decision(deps, (_d, _c, id, user) => batches.requestUndoAll(id, user)));
  app.action<BlockButtonAction>(BATCH_ACTIONS.approveUndo, decision(deps, (d, client, id, user) => batches.approveUndoAll(id, user, progressOn(client, d))));
  app.action<BlockButtonAction>(BATCH_ACTIONS.rejectUndo, decision(deps, (_d, _c, id, user) => batches.rejectUndoAll(id, user)));
  app.action<BlockStaticSelectAction>(BATCH_ACTIONS.undoOne, undoOneAction(deps));
}
