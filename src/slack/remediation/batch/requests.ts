// "Fix all" glue shared by its listeners: who may ask (like Fix…: remediation on, AWSCHECK_SCANNERS), the
// batch approval request posted and redrawn in the approval channel, and what the clicker hears when a
// decision did nothing. Who clicked always comes from body.user.id.
import type { webApi } from '@slack/bolt';
import type { CheckResult } from '../../../engine/types.ts';
import { type Locale, t } from '../../../i18n/locale.ts';
import type { BatchDecisionResult, BatchProgress } from '../../../remediation/batches.ts';
import type { FixBatch } from '../../../remediation/batch.ts';
import { slackErrorCode } from '../../errors.ts';
import { channelText, escapeMrkdwn } from '../../mrkdwn.ts';
import { batchStatus, renderBatchRequest } from '../../render/batch-request.ts';
import { stateName } from '../../render/remediation-parts.ts';
import { groupFailures } from '../../results/groups.ts';
import { parseGroupRef } from '../../results/group-ref.ts';
import { type Clicker, type RemediationDeps, tellUser } from '../replies.ts';
import { RTEXT } from '../text.ts';
import { BTEXT } from './text.ts';

type Client = webApi.WebClient;

function message(deps: RemediationDeps, batch: FixBatch, requests: Parameters<typeof renderBatchRequest>[1]) {
  const { remediation, locale } = deps;
  const fix = remediation.fixById(batch.fixId);
  return renderBatchRequest(batch, requests, {
    locale,
    fixTitle: fix ? t(locale, fix.title) : batch.fixId,
    approvers: remediation.policy.approvers,
    allowSelfApproval: remediation.policy.allowSelfApproval,
  });
}

/** Redraws the batch's approval request (chat.update); a failed update never stops the fixes. */
export function progressOn(client: Client, deps: RemediationDeps): BatchProgress {
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
export async function groupFindings(
  deps: RemediationDeps,
  client: Client,
  userId: string,
  value: string | undefined,
  reply: (t: string) => Promise<void>,
  locale: Locale,
): Promise<CheckResult[] | undefined> {
  const { remediation } = deps;
  if (!remediation.config.enabled) return void (await reply(t(locale, RTEXT.remediationOff)));
  if (!(await deps.scanners.allows(client, userId))) return void (await reply(t(locale, RTEXT.notAllowedToRequest)));
  const ref = parseGroupRef(value);
  const set = ref && deps.resultSets ? await deps.resultSets.get(ref.setId) : undefined;
  const group = ref && set ? groupFailures(set.failing.filter((r) => r.checkId === ref.checkId), deps.catalogue)[0] : undefined;
  const findings = group?.findings.filter((f) => remediation.fixFor(f)) ?? [];
  if (findings.length === 0) return void (await reply(t(locale, BTEXT.listGone)));
  return findings;
}

/** `locale`: the requester's, for what they are told; the approval request is in the channel's. */
export async function requestFixAll(client: Client, deps: RemediationDeps, findings: CheckResult[], userId: string, inputs: unknown, locale: Locale): Promise<void> {
  const { remediation } = deps;
  const tell = (text: string) => tellUser(client, userId, text);
  const result = await remediation.batches.prepare(findings, userId, inputs);
  if (result.kind === 'no-fix') return tell(t(locale, RTEXT.noFix));
  if (result.kind === 'invalid-inputs') return tell(t(locale, RTEXT.previewFailed(t(locale, result.error))));
  if (result.kind === 'nothing') {
    return tell(t(locale, BTEXT.nothingToRequest(result.skipped.map((s) => `\`${escapeMrkdwn(s.label)}\` (${escapeMrkdwn(s.reason)})`).join(', ').slice(0, 2500))));
  }
  const channel = remediation.config.approvalChannel;
  const { text, blocks } = message(deps, result.batch, result.requests);
  let error = 'AWSCHECK_APPROVAL_CHANNEL is not set';
  if (channel) {
    try {
      const posted = await client.chat.postMessage({ channel, text, blocks });
      if (posted.ts && posted.channel) {
        await remediation.batches.attachMessage(result.batch.id, posted.channel, posted.ts);
        return tell(t(locale, BTEXT.requestedTo(channelText(channel), result.requests.length)));
      }
      error = 'no message ts in the answer';
    } catch (err) {
      error = slackErrorCode(err);
    }
  }
  await remediation.batches.abandon(result.batch, error);
  return tell(t(locale, RTEXT.notPosted(error)));
}

/** What the clicker hears when their click did nothing; the batch's message is redrawn otherwise. */
export async function announceBatchDecision(
  deps: RemediationDeps,
  client: Client,
  clicker: Clicker,
  result: BatchDecisionResult,
): Promise<void> {
  const { locale, reply } = clicker;
  switch (result.kind) {
    case 'not-found':
      return reply(t(locale, RTEXT.requestGone));
    case 'refused':
      return reply(t(locale, result.refusal === 'own-request' ? RTEXT.ownRequest : RTEXT.notApprover));
    case 'not-waiting':
      return reply(t(locale, RTEXT.notWaiting(stateName(BTEXT.stateNames, result.batch.state, locale))));
    case 'expired':
    case 'done': {
      const batches = deps.remediation.batches;
      const batch = (await batches.get(result.batch.id)) ?? result.batch;
      await progressOn(client, deps)(batch, await batches.requests(batch));
      if (result.kind === 'expired') return reply(t(locale, RTEXT.expired));
      if (batch.state === 'done' || batch.state === 'stopped' || batch.state === 'undone' || batch.state === 'rejected') {
        const theirs = await deps.userLocales.of(client, batch.requestedBy);
        await tellUser(client, batch.requestedBy, t(theirs, BTEXT.finishedForRequester(batchStatus(batch, [], theirs))));
      }
    }
  }
}
