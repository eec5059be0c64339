// What the engine itself says in results and notes, in both locales. AWS's own error text stays as AWS
// wrote it (English): it is what people search for.
import type { Localized } from '../i18n/locale.ts';

export const ENGINE_TEXT = {
  notEvaluated: (reason: string): Localized => ({
    en: `Could not be evaluated: ${reason}`,
    ja: `評価できませんでした: ${reason}`,
  }),
  unexpectedData: (message: string): Localized => ({
    en: `unexpected data: ${message}`,
    ja: `想定外のデータ: ${message}`,
  }),
  accountUnreachable: (name: string, id: string, reason: string): Localized => ({
    en: `Cannot access account ${name} (${id}): ${reason}`,
    ja: `アカウント ${name} (${id}) にアクセスできません: ${reason}`,
  }),
  regionsUnlisted: (reason: string): Localized => ({
    en: `Cannot list the account's enabled regions: ${reason}`,
    ja: `アカウントで有効なリージョンを取得できません: ${reason}`,
  }),
  regionNotEnabled: (region: string): Localized => ({
    en: `Region ${region} is not enabled (opted in) for this account; skipped.`,
    ja: `リージョン ${region} はこのアカウントで有効化 (オプトイン) されていないため、スキップしました。`,
  }),
  regionUnknown: (region: string): Localized => ({
    en: `Region ${region} is unknown to this account's partition; skipped.`,
    ja: `リージョン ${region} はこのアカウントのパーティションに存在しないため、スキップしました。`,
  }),
};
