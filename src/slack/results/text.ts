// The words of the grouped results, the "Show all" pages and App Home's groups, in English and Japanese.
// Values from AWS or users arrive escaped (callers escape them), so each text is ready for mrkdwn.
import type { Localized } from '../../i18n/locale.ts';

const L = (en: string, ja: string): Localized => ({ en, ja });

export const GTEXT = {
  showAll: (n: number): Localized => L(`Show all (${n})`, `すべて表示 (${n})`),
  resources: (n: number): Localized => L(`${n} resource${n === 1 ? '' : 's'}`, `${n} 件のリソース`),
  moreChecks: (n: number): Localized => L(`*${n} more failing checks*`, `*ほかに不合格のチェックが ${n} 件あります*`),
  pickPlaceholder: L('Show all for a check…', 'チェックを選んで一覧を表示…'),
  groupsFooter: (checks: number, findings: number): Localized =>
    L(
      `All ${checks} failing checks are listed (${findings} findings); "Show all" pages through one check's findings.`,
      `不合格のチェック ${checks} 件をすべて表示しています (検出結果 ${findings} 件)。「すべて表示」で各チェックの検出結果を順に確認できます。`,
    ),
  modalTitle: L('Findings', '検出結果'),
  close: L('Close', '閉じる'),
  page: (page: number, pages: number, total: number): Localized =>
    L(`Page ${page} of ${pages} · ${total} findings`, `${pages} ページ中 ${page} ページ目 · 検出結果 ${total} 件`),
  previous: L('◀ Previous', '◀ 前へ'),
  next: L('Next ▶', '次へ ▶'),
  expired: L(
    'This list is no longer kept (awscheck restarted, or the results are over a day old). Run `/awscheck` again for a fresh list.',
    'この一覧はもう保持されていません (awscheck が再起動したか、結果が 1 日以上前のものです)。もう一度 `/awscheck` を実行してください。',
  ),
  notAllowed: L(
    'Findings are shown only to the people who may run scans (`AWSCHECK_SCANNERS`).',
    '検出結果は、スキャンの実行を許可されたメンバー (`AWSCHECK_SCANNERS`) にのみ表示されます。',
  ),
} as const;
