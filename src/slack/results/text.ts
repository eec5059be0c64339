// The words of the grouped results, the "Show all" pages and App Home's groups, in English and Japanese.
// Values from AWS or users arrive escaped (callers escape them), so each text is ready for mrkdwn.
import { catalogue, count, type Localized, plural } from '../../i18n/locale.ts';
import en from './text.en.json' with { type: 'json' };
import ja from './text.ja.json' with { type: 'json' };

export const GTEXT = {
  ...catalogue(en.GTEXT, ja.GTEXT),
  showAll: (n: number): Localized => ({ en: `Show all (${n})`, ja: `すべて表示 (${n})` }),
  resources: (n: number): Localized => ({ en: count('en', n, { one: 'resource', other: 'resources' }), ja: `${n} 件のリソース` }),
  moreChecks: (n: number): Localized => ({ en: `*${n} more failing ${plural('en', n, { one: 'check', other: 'checks' })}*`, ja: `*ほかに不合格のチェックが ${n} 件あります*` }),
  groupsFooter: (checks: number, findings: number): Localized =>
    ({
      en: `All ${checks} failing checks are listed (${count('en', findings, { one: 'finding', other: 'findings' })}); "Show all" pages through one check's findings.`,
      ja: `不合格のチェック ${checks} 件をすべて表示しています (検出結果 ${findings} 件)。「すべて表示」で各チェックの検出結果を順に確認できます。`,
    }),
  page: (page: number, pages: number, total: number): Localized =>
    ({ en: `Page ${page} of ${pages} · ${total} findings`, ja: `${pages} ページ中 ${page} ページ目 · 検出結果 ${total} 件` }),
} as const;
