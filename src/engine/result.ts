// A check's draft becomes a result: its evidence worded in the scan's locale (for the JSON and the CLI
// table), its message kept so every other reader gets their own words.
import type { Locale } from '../i18n/locale.ts';
import { formatMessage } from '../i18n/message.ts';
import type { AnyCheck, CheckResult, ResultDraft } from './types.ts';

export function resultOf(check: Pick<AnyCheck, 'id' | 'severity'>, accountId: string, draft: ResultDraft, locale: Locale): CheckResult {
  const { evidence, severity, ...rest } = draft;
  return { ...rest, evidence: formatMessage(locale, evidence), message: evidence, checkId: check.id, severity: severity ?? check.severity, accountId };
}
