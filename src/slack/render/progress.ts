// The scanning message: "IAM done · S3 4/12 buckets · EC2 2/17 regions".
import { SERVICES, type ScanProgress } from '../../engine/types.ts';
import type { Locale } from '../../i18n/locale.ts';
import { MSG, say } from '../messages.ts';
import { type Block, context, section } from './blocks.ts';

export function progressLine(progress: ScanProgress, locale: Locale): string {
  const parts: string[] = [];
  for (const service of SERVICES) {
    const p = progress[service];
    if (!p) continue;
    const name = say(locale, MSG.service(service));
    if (p.finished) parts.push(say(locale, MSG.serviceDone(name)));
    else if (p.total > 0) parts.push(say(locale, MSG.serviceCount(name, p.done, p.total, say(locale, MSG.unit(p.unit)))));
    else parts.push(say(locale, MSG.serviceStarting(name)));
  }
  return parts.join(' · ');
}

/** The message shown while a scan runs; `scope` is already mrkdwn-safe. */
export function renderScanning(scope: string, progress: ScanProgress | undefined, locale: Locale): { text: string; blocks: Block[] } {
  const line = progress ? progressLine(progress, locale) : '';
  const blocks: Block[] = [section(say(locale, MSG.scanning)), context([say(locale, MSG.scope(scope))])];
  if (line) blocks.push(section(line));
  return { text: say(locale, MSG.scanning), blocks };
}
