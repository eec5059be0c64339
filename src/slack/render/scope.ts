// One line that says what a scan covers: "s3 · account prod · all enabled regions".
import type { ScanSelection } from '../../engine/types.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import { MSG } from '../messages.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';

export function describeSelection(selection: ScanSelection, locale: Locale): string {
  const what = [...(selection.services ?? []), ...(selection.checks ?? [])];
  const parts = [
    what.length ? escapeMrkdwn(what.join(', ')) : t(locale, MSG.allChecks),
    selection.accounts?.length ? t(locale, MSG.accountsList(escapeMrkdwn(selection.accounts.join(', ')))) : t(locale, MSG.allAccounts),
    selection.regions?.length ? t(locale, MSG.regionsList(escapeMrkdwn(selection.regions.join(', ')))) : t(locale, MSG.allRegions),
  ];
  return parts.join(' · ');
}
