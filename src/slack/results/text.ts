// The words of the grouped results, the "Show all" pages and App Home's groups, in English and Japanese.
// Values from AWS or users arrive escaped (callers escape them), so each text is ready for mrkdwn.
import { count, type Localized, plural } from '../../i18n/locale.ts';

export const GTEXT = {
  showAll: (n: number): Localized => ({ en: `Show all (${n})`, ja: `すべて表示 (${n})` }),
  resources: (n: number): Localized => ({ en: count('en', n, { one: 'resource', other: 'resources' }), ja: `${n} 件のリソース` }),
  moreChecks: (n: number): Localized => ({ en: `*${n} more failing ${plural('en', n, { one: 'check', other: 'checks' })}*`, ja: `*ほかに不合格のチェックが ${n} 件あります*` }),
  pickPlaceholder: { en: 'Show all for a check…', ja: 'チェックを選んで一覧を表示…' },
  groupsFooter: (checks: number, findings: number): Localized =>
    ({
      en: `All ${checks} failing checks are listed (${count('en', findings, { one: 'finding', other: 'findings' })}); "Show all" pages through one check's findings.`,
      ja: `不合格のチェック ${checks} 件をすべて表示しています (検出結果 ${findings} 件)。「すべて表示」で各チェックの検出結果を順に確認できます。`,
    }),
  modalTitle: { en: 'Findings', ja: '検出結果' },
  page: (page: number, pages: number, total: number): Localized =>
    ({ en: `Page ${page} of ${pages} · ${total} findings`, ja: `${pages} ページ中 ${page} ページ目 · 検出結果 ${total} 件` }),
  previous: { en: '◀ Previous', ja: '◀ 前へ' },
  next: { en: 'Next ▶', ja: '次へ ▶' },
  expired: {
    en: 'This list is no longer kept (awscheck restarted, or the results are over a day old). Run `/awscheck` again for a fresh list.',
    ja: 'この一覧はもう保持されていません (awscheck が再起動したか、結果が 1 日以上前のものです)。もう一度 `/awscheck` を実行してください。',
  },
  notAllowed: {
    en: 'Findings are shown only to the people who may run scans (`AWSCHECK_SCANNERS`).',
    ja: '検出結果は、スキャンの実行を許可されたメンバー (`AWSCHECK_SCANNERS`) にのみ表示されます。',
  },
} as const;
