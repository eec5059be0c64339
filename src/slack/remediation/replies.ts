// How the remediation flow speaks in Slack: the approval requests it posts and updates in the approval
// channel, the direct messages that tell requesters what happened, and the private replies to whoever
// clicked. Each function does one Slack call (or two) and nothing else.
import type { RespondFn, webApi } from '@slack/bolt';
import type { Remediation } from '../../remediation/feature.ts';
import type { SweepReport } from '../../remediation/expiry.ts';
import type { FixRequest, RiskAcceptance } from '../../remediation/store.ts';
import type { CheckResult } from '../../engine/types.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import type { SlackDeps } from '../deps.ts';
import { openDirectMessage } from '../delivery/direct-message.ts';
import { slackErrorCode } from '../errors.ts';
import { renderFixRequest, renderRequesterUpdate } from '../render/approval-request.ts';
import type { Block } from '../render/blocks.ts';
import { section } from '../render/blocks.ts';
import { renderRiskRequest, renderRiskUpdate } from '../render/risk-request.ts';
import { RTEXT } from './text.ts';

export type RemediationDeps = SlackDeps & { remediation: Remediation };

type Client = Pick<webApi.WebClient, 'chat' | 'conversations' | 'users'>;

interface Message {
  text: string;
  blocks: Block[];
}

function fixMessage(deps: RemediationDeps, request: FixRequest): Message {
  const { remediation, locale } = deps;
  const fix = remediation.fixById(request.fixId);
  return renderFixRequest(request, {
    locale,
    fixTitle: fix ? t(locale, fix.title) : request.fixId,
    approvers: remediation.policy.approvers,
    allowSelfApproval: remediation.policy.allowSelfApproval,
  });
}

function riskMessage(deps: RemediationDeps, risk: RiskAcceptance): Message {
  return renderRiskRequest(risk, { locale: deps.locale, approvers: deps.remediation.policy.approvers, allowSelfApproval: deps.remediation.policy.allowSelfApproval });
}

/** A direct message from the bot: always reachable, unlike a channel the bot is not in. */
export async function tellUser(client: Client, userId: string, message: Message | string): Promise<void> {
  const { text, blocks } = typeof message === 'string' ? { text: message, blocks: [section(message)] } : message;
  const channel = await openDirectMessage(client, userId);
  await client.chat.postMessage({ channel, text, blocks });
}

/** Whoever clicked or submitted (the signed payload's user), in their language, with a reply only they see. */
export interface Clicker {
  client: webApi.WebClient;
  userId: string;
  /** The click's response_url, when it came from a message. */
  respond: RespondFn | undefined;
  locale: Locale;
  reply: (text: string) => Promise<void>;
}

/** `userId` must come from the signed payload (body.user.id). */
export async function clickerOf(deps: SlackDeps, client: webApi.WebClient, userId: string, respond?: RespondFn): Promise<Clicker> {
  const locale = await deps.userLocales.of(client, userId);
  return { client, userId, respond, locale, reply: (text) => replyPrivately(client, userId, respond, text) };
}

/** Only the clicker sees it: through the click's response_url when there is one, else by direct message. */
export async function replyPrivately(client: Client, userId: string, respond: RespondFn | undefined, text: string): Promise<void> {
  if (respond) {
    await respond({ response_type: 'ephemeral', replace_original: false, text, blocks: [section(text)] });
    return;
  }
  await tellUser(client, userId, text);
}

type Posted = { ok: true } | { ok: false; error: string };

/**
 * Posts a new approval request to the approval channel and remembers where it went (`attach`); the error
 * code when Slack refused it (e.g. not_in_channel).
 */
async function postApproval(client: Client, deps: RemediationDeps, message: Message, attach: (channel: string, ts: string) => Promise<unknown>): Promise<Posted> {
  const channel = deps.remediation.config.approvalChannel;
  if (!channel) return { ok: false, error: 'AWSCHECK_APPROVAL_CHANNEL is not set' };
  let answer;
  try {
    answer = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
  } catch (err) {
    return { ok: false, error: slackErrorCode(err) };
  }
  if (!answer.ts || !answer.channel) return { ok: false, error: 'no message ts in the answer' };
  await attach(answer.channel, answer.ts);
  return { ok: true };
}

/**
 * The finding a Fix… or Accept risk click names (by snapshot id), once remediation is on and the clicker
 * may scan; otherwise tells the clicker why not and returns undefined.
 */
export async function findingForRequester(
  deps: RemediationDeps,
  client: Pick<webApi.WebClient, 'usergroups'>,
  userId: string,
  snapshotId: string | undefined,
  reply: (text: string) => Promise<void>,
  locale: Locale,
): Promise<CheckResult | undefined> {
  const { remediation } = deps;
  if (!remediation.config.enabled) return void (await reply(t(locale, RTEXT.remediationOff)));
  if (!(await deps.scanners.allows(client, userId))) return void (await reply(t(locale, RTEXT.notAllowedToRequest)));
  const finding = await remediation.snapshots.find(snapshotId);
  if (!finding) return void (await reply(t(locale, RTEXT.findingGone)));
  return finding;
}

export function postFixRequest(client: Client, deps: RemediationDeps, request: FixRequest): Promise<Posted> {
  return postApproval(client, deps, fixMessage(deps, request), (channel, ts) => deps.remediation.fixes.attachMessage(request.id, channel, ts));
}

export function postRiskRequest(client: Client, deps: RemediationDeps, risk: RiskAcceptance): Promise<Posted> {
  return postApproval(client, deps, riskMessage(deps, risk), (channel, ts) => deps.remediation.risks.attachMessage(risk.id, channel, ts));
}

/** Redraws the approval request for the request's new state (a no-op when it was never posted). */
export async function refreshFixRequest(client: Client, deps: RemediationDeps, request: FixRequest): Promise<void> {
  const stored = request.message ? request : await deps.remediation.fixes.get(request.id);
  const ref = stored?.message;
  if (!ref) return;
  const message = fixMessage(deps, { ...request, message: ref });
  await client.chat.update({ channel: ref.channel, ts: ref.ts, text: message.text, blocks: message.blocks });
}

export async function refreshRiskRequest(client: Client, deps: RemediationDeps, risk: RiskAcceptance): Promise<void> {
  const stored = risk.message ? risk : await deps.remediation.risks.get(risk.id);
  const ref = stored?.message;
  if (!ref) return;
  const message = riskMessage(deps, risk);
  await client.chat.update({ channel: ref.channel, ts: ref.ts, text: message.text, blocks: message.blocks });
}

/** Tells the people who asked (for the fix, and for its undo when there was one) what happened, each in their language. */
export async function tellRequester(client: Client, deps: SlackDeps, request: FixRequest): Promise<void> {
  const people = new Set([request.requestedBy, ...(request.undoRequest ? [request.undoRequest.by] : [])]);
  for (const userId of people) await tellUser(client, userId, renderRequesterUpdate(request, await deps.userLocales.of(client, userId)));
}

export async function tellRiskRequester(client: Client, deps: SlackDeps, risk: RiskAcceptance): Promise<void> {
  await tellUser(client, risk.requestedBy, renderRiskUpdate(risk, await deps.userLocales.of(client, risk.requestedBy)));
}

/** After a sweep: every request that expired or was settled gets its message redrawn and its requester told. */
export async function announceSweep(client: Client, deps: RemediationDeps, report: SweepReport, warn: (message: string) => void): Promise<void> {
  for (const request of report.requests) {
    try {
      await refreshFixRequest(client, deps, request);
      await tellRequester(client, deps, request);
    } catch (err) {
      warn(`awscheck: could not announce the new state of fix request ${request.id}: ${slackErrorCode(err)}`);
    }
  }
  for (const risk of report.risks) {
    try {
      await refreshRiskRequest(client, deps, risk);
      await tellRiskRequester(client, deps, risk);
    } catch (err) {
      warn(`awscheck: could not announce the new state of risk acceptance ${risk.id}: ${slackErrorCode(err)}`);
    }
  }
  for (const { request, error } of report.unreadable) {
    warn(`awscheck: fix request ${request.id} is still ${request.state}: AWS could not be read to settle it (${error}); will try again`);
  }
}
