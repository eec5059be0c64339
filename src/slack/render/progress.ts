// The scanning message: "IAM done · S3 4/12 buckets · EC2 2/17 regions".
import type { ScanProgress } from '../../engine/types.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import { progressLine } from '../../render/progress.ts';
import { MSG } from '../messages.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { type Block, context, section } from './blocks.ts';

/** The message shown while a scan runs; `scope` is already mrkdwn-safe. */
export function renderScanning(scope: string, progress: ScanProgress | undefined, locale: Locale): { text: string; blocks: Block[] } {
  const line = progress ? escapeMrkdwn(progressLine(progress, locale)) : '';
  const blocks: Block[] = [section(t(locale, MSG.scanning)), context([t(locale, MSG.scope(scope))])];
  if (line) blocks.push(section(line));
  return { text: t(locale, MSG.scanning), blocks };
}
