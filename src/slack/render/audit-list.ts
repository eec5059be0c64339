// `/awscheck audit [N]`: the latest entries of the audit trail, newest first, one line each.
import { type Locale, t } from '../../i18n/locale.ts';
import type { AuditEvent } from '../../remediation/store.ts';
import { clipMrkdwn, code, escapeMrkdwn, slackDate } from '../mrkdwn.ts';
import { AUDIT_EVENT_NAMES, RTEXT } from '../remediation/text.ts';
import { type Block, context, header, section } from './blocks.ts';
import { mention } from './remediation-parts.ts';

/** Entries per section, so a long trail stays well inside one section's 3,000 characters. */
const PER_SECTION = 5;

function line(event: AuditEvent, locale: Locale): string {
  const name = AUDIT_EVENT_NAMES[event.event];
  const what = name ? t(locale, name) : escapeMrkdwn(event.event);
  const resource = event.subResourceId ? `${event.resourceId} / ${event.subResourceId}` : event.resourceId;
  const said = event.detail.outcome ?? event.detail.reason;
  const ids = event.detail.requestIds?.length ? ` · ${event.detail.requestIds.map(code).join(', ')}` : '';
  return `${slackDate(event.at)} · *${what}* · ${mention(event.actor)} · ${code(event.checkId)} ${escapeMrkdwn(event.accountId)} ${code(resource)}${ids}${
    said ? `\n      ${clipMrkdwn(escapeMrkdwn(said), 300)}` : ''
  }`;
}

export function renderAuditList(events: readonly AuditEvent[], locale: Locale): { text: string; blocks: Block[] } {
  const title = t(locale, RTEXT.auditHeader(events.length));
  const blocks: Block[] = [header(title)];
  if (events.length === 0) blocks.push(section(t(locale, RTEXT.auditEmpty)));
  const newestFirst = [...events].reverse();
  for (let i = 0; i < newestFirst.length; i += PER_SECTION) {
    blocks.push(section(newestFirst.slice(i, i + PER_SECTION).map((e) => line(e, locale)).join('\n')));
  }
  blocks.push(context([t(locale, RTEXT.auditFooter)]));
  return { text: title, blocks };
}
