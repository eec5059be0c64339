// Pieces every remediation message shares: people as mentions, the approvers, the finding in one line.
import type { CheckResult } from '../../engine/types.ts';
import { type Locale, type Localized, t } from '../../i18n/locale.ts';
import { SLACK_ID } from '../ids.ts';
import { code, escapeMrkdwn, escapeWithCode } from '../mrkdwn.ts';
import { RTEXT } from '../remediation/text.ts';

/** Who decides a request in the approval channel, in the reader's language. */
export interface ApproverOptions {
  locale: Locale;
  approvers: readonly string[];
  allowSelfApproval: boolean;
}

/** What a fix approval request (one fix, or a "Fix all" batch) shows besides the request itself. */
export interface ApprovalRenderOptions extends ApproverOptions {
  /** The fix's title in the reader's language. */
  fixTitle: string;
}

/** A Slack user as a mention; anything that is not a user id (e.g. `awscheck`) as escaped text. */
export function mention(id: string): string {
  return SLACK_ID.member.test(id) ? `<@${id}>` : escapeMrkdwn(id);
}

/** Approvers as Slack renders them: users and user groups. */
export function approversText(ids: readonly string[]): string {
  return ids.map((id) => (SLACK_ID.userGroup.test(id) ? `<!subteam^${id}>` : mention(id))).join(', ');
}

/** The line every approval request ends with: who may approve, and whether the requester may. */
export function approversLine(options: ApproverOptions): string {
  return t(options.locale, RTEXT.approversLine(approversText(options.approvers), options.allowSelfApproval));
}

export function findingWhere(finding: CheckResult, locale: Locale): string {
  const resource = finding.subResourceId ? `${finding.resourceId} / ${finding.subResourceId}` : finding.resourceId;
  return t(locale, RTEXT.findingLine(code(finding.checkId), escapeMrkdwn(finding.accountId), escapeMrkdwn(finding.region), code(resource)));
}

export function bullets(lines: readonly string[]): string {
  return lines.map((line) => `• ${escapeWithCode(line)}`).join('\n');
}

/** A state name for messages. */
export function stateName(names: Record<string, Localized>, state: string, locale: Locale): string {
  const name = names[state];
  return name ? t(locale, name) : escapeMrkdwn(state);
}
