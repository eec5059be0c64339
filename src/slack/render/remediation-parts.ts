// Pieces every remediation message shares: people as mentions, the approvers, the finding in one line.
import type { CheckResult } from '../../engine/types.ts';
import { type Locale, type Localized, t } from '../../i18n/locale.ts';
import { SLACK_ID } from '../ids.ts';
import { code, escapeMrkdwn, escapeWithCode } from '../mrkdwn.ts';
import { RTEXT } from '../remediation/text.ts';

/** A Slack user as a mention; anything that is not a user id (e.g. `awscheck`) as escaped text. */
export function mention(id: string): string {
  return SLACK_ID.member.test(id) ? `<@${id}>` : escapeMrkdwn(id);
}

/** Approvers as Slack renders them: users and user groups. */
export function approversText(ids: readonly string[]): string {
  return ids.map((id) => (SLACK_ID.userGroup.test(id) ? `<!subteam^${id}>` : mention(id))).join(', ');
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
