// The alert message, pure: what changed, on which resource, who did it (ARN or user name, source IP, time),
// the finding's evidence, and the same buttons as a scan result (Explain, Fix…, Accept risk). Once the finding
// no longer fails, the same message is redrawn as resolved, without the buttons. Everything from AWS is escaped.
import type { CheckResult } from '../engine/types.ts';
import { type Locale, type Localized, t } from '../i18n/locale.ts';
import { evidenceIn } from '../i18n/message.ts';
import { SEVERITY_EMOJI } from '../slack/messages.ts';
import { clipMrkdwn, code, escapeMrkdwn, slackDate } from '../slack/mrkdwn.ts';
import { type Block, type Button, actions, context, section } from '../slack/render/blocks.ts';
import { explainButton } from '../slack/render/results.ts';
import type { ChangeSummary } from './store.ts';

export type AlertStatus = { kind: 'open' } | { kind: 'resolved'; at: string; by: 'event' | 'scan' };

export interface AlertRenderInput {
  finding: CheckResult;
  change: ChangeSummary;
  title?: Localized;
  locale: Locale;
  status: AlertStatus;
  /** Fix… / Accept risk from the remediation feature (only while open). */
  extraButtons?: readonly Button[];
}

const T = {
  notification: { en: 'awscheck alert: {what}', ja: 'awscheck アラート: {what}' },
  resolvedNotification: { en: 'awscheck alert resolved: {what}', ja: 'awscheck アラート解消: {what}' },
  heading: (severity: string, title: string): Localized => ({
    en: `:rotating_light: *New risky change* (${severity}): ${title}`,
    ja: `:rotating_light: *危険な変更を検知* (${severity}): ${title}`,
  }),
  resolvedHeading: (title: string): Localized => ({ en: `:white_check_mark: *Resolved*: ~${title}~`, ja: `:white_check_mark: *解消済み*: ~${title}~` }),
  resource: { en: 'Resource', ja: 'リソース' },
  change: { en: 'What changed', ja: '変更内容' },
  who: { en: 'Who', ja: '実行者' },
  from: { en: 'from', ja: '送信元' },
  when: { en: 'When', ja: '日時' },
  finding: { en: 'Finding', ja: '検出内容' },
  resolvedBy: (at: string, by: 'event' | 'scan'): Localized =>
    by === 'event'
      ? { en: `A later change fixed it; re-checked ${at}.`, ja: `その後の変更で解消されました (${at} に再確認)。` }
      : { en: `A scan found it fixed ${at}.`, ja: `${at} のスキャンで解消を確認しました。` },
  hint: {
    en: 'awscheck re-read the resource after the change: the finding below is what AWS says now.',
    ja: 'awscheck は変更後のリソースを読み直しました。以下は現在の AWS の状態です。',
  },
};

const EVIDENCE_MAX = 1200;

export function alertText(input: Pick<AlertRenderInput, 'finding' | 'locale' | 'status'>): string {
  // Notification text: no AWS-supplied text beyond ids the check reported.
  const what = `${input.finding.checkId} ${input.finding.resourceId}`;
  return t(input.locale, input.status.kind === 'open' ? T.notification : T.resolvedNotification, { what });
}

export function renderAlert(input: AlertRenderInput): { text: string; blocks: Block[] } {
  const { finding, change, locale, status } = input;
  const title = escapeMrkdwn(input.title ? t(locale, input.title) : finding.checkId);
  const resource = finding.subResourceId ? `${finding.resourceId} / ${finding.subResourceId}` : finding.resourceId;
  const who = `${code(change.actor)}${change.sourceIp ? ` (${t(locale, T.from)} ${code(change.sourceIp)})` : ''}`;
  const lines = [
    `*${t(locale, T.resource)}:* ${code(resource)} · ${code(finding.checkId)} · ${escapeMrkdwn(finding.accountId)} · ${escapeMrkdwn(finding.region)}`,
    `*${t(locale, T.change)}:* ${code(change.change)}`,
    `*${t(locale, T.who)}:* ${who}`,
    `*${t(locale, T.when)}:* ${slackDate(change.time)}`,
  ];
  const blocks: Block[] = [];
  if (status.kind === 'open') {
    blocks.push(section(t(locale, T.heading(`${SEVERITY_EMOJI[finding.severity]} ${finding.severity}`, title))));
  } else {
    blocks.push(section(t(locale, T.resolvedHeading(title))));
  }
  blocks.push(section(lines.join('\n')));
  blocks.push(section(`*${t(locale, T.finding)}:* ${clipMrkdwn(escapeMrkdwn(evidenceIn(locale, finding)), EVIDENCE_MAX)}`));
  if (status.kind === 'open') {
    blocks.push(actions([explainButton(finding.checkId, locale), ...(input.extraButtons ?? [])]));
    blocks.push(context([t(locale, T.hint)]));
  } else {
    blocks.push(context([t(locale, T.resolvedBy(slackDate(status.at), status.by))]));
  }
  return { text: alertText(input), blocks };
}
