// The catalogue as a message: one section per service, one line per check.
import { type AnyCheck, SERVICES } from '../../engine/types.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import { MSG, SEVERITY_EMOJI } from '../messages.ts';
import { code, escapeMrkdwn } from '../mrkdwn.ts';
import { type Block, context, header, section } from './blocks.ts';

export function renderChecksList(checks: readonly AnyCheck[], locale: Locale): { text: string; blocks: Block[] } {
  const title = t(locale, MSG.checksHeader(checks.length));
  const blocks: Block[] = [header(title)];
  if (checks.length === 0) blocks.push(section(t(locale, MSG.checksEmpty)));
  for (const service of SERVICES) {
    const own = checks.filter((c) => c.service === service);
    if (own.length === 0) continue;
    const lines = own.map((c) => `${SEVERITY_EMOJI[c.severity]} ${code(c.id)} ${escapeMrkdwn(t(locale, c.title))}`);
    blocks.push(section(`*${t(locale, MSG.service(service))}*\n${lines.join('\n')}`));
  }
  blocks.push(context([t(locale, MSG.checksFooter)]));
  return { text: title, blocks };
}
