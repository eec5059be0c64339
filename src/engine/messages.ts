// What the engine itself says in notes, in both locales; what it says in results is in checks/lib/words.
// AWS's own error text stays as AWS wrote it (English): it is what people search for.
import type { Localized } from '../i18n/locale.ts';

export const ENGINE_TEXT = {
  regionNotEnabled: (region: string): Localized => ({
    en: `Region ${region} is not enabled (opted in) for this account; skipped.`,
    ja: `リージョン ${region} はこのアカウントで有効化 (オプトイン) されていないため、スキップしました。`,
  }),
  regionUnknown: (region: string): Localized => ({
    en: `Region ${region} is unknown to this account's partition; skipped.`,
    ja: `リージョン ${region} はこのアカウントのパーティションに存在しないため、スキップしました。`,
  }),
};
