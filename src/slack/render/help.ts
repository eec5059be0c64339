// The help message, built from the subcommand table so a new subcommand documents itself.
import { type Locale, type Localized, t } from '../../i18n/locale.ts';
import { MSG } from '../messages.ts';
import { type Block, context, header, section } from './blocks.ts';

export interface HelpEntry {
  /** mrkdwn lines: usage — what it does. */
  help: Localized;
}

/** `problem` is mrkdwn-safe text saying what was not understood, if anything. */
export function renderHelp(entries: readonly HelpEntry[], locale: Locale, problem?: string): { text: string; blocks: Block[] } {
  const lines = entries.map((e) => t(locale, e.help));
  const blocks: Block[] = [header(t(locale, MSG.helpHeader))];
  if (problem) blocks.push(section(t(locale, MSG.helpProblem(problem))));
  else blocks.push(section(t(locale, MSG.helpIntro)));
  blocks.push(section(lines.join('\n')), context([t(locale, MSG.helpOptions)]));
  return { text: problem ? t(locale, MSG.helpProblem(problem)) : t(locale, MSG.helpHeader), blocks };
}
