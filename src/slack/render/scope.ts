// One line that says what a scan covers: "s3 · account prod · all enabled regions".
import type { ScanSelection } from '../../engine/types.ts';
import type { Locale } from '../../i18n/locale.ts';
import { MSG, say } from '../messages.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';

export function describeSelection(selection: ScanSelection, locale: Locale): string {
  const what = [...(selection.services ?? []), ...(selection.checks ?? [])];
  const parts = [
    what.length ? escapeMrkdwn(what.join(', ')) : say(locale, MSG.allChecks),
    selection.accounts?.length ? say(locale, MSG.accountsList(escapeMrkdwn(selection.accounts.join(', ')))) : say(locale, MSG.allAccounts),
    selection.regions?.length ? say(locale, MSG.regionsList(escapeMrkdwn(selection.regions.join(', ')))) : say(locale, MSG.allRegions),
  ];
  return parts.join(' · ');
}
