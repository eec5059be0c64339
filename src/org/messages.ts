// What organization discovery says in the scan's notes and errors, in both locales.
import type { Localized } from '../i18n/locale.ts';

export const ORG_TEXT = {
  skipped: (name: string, id: string, state: string): Localized => ({
    en: `Account ${name} (${id}) is ${state} in AWS Organizations; not scanned.`,
    ja: `アカウント ${name} (${id}) は AWS Organizations で ${state} のため、スキャンしませんでした。`,
  }),
  unlisted: (reason: string): Localized => ({
    en: `Cannot list the organization's accounts: ${reason}; only the management account and the configured accounts were scanned`,
    ja: `組織のアカウントを取得できません: ${reason}。管理アカウントと設定済みのアカウントのみスキャンしました`,
  }),
};
