// Terms several texts share, translated once, so a reader meets the same word in the CLI, the report, the
// chart and Slack (and a translator reviews it once).
import type { Localized } from './locale.ts';

export const TERMS = {
  accounts: { en: 'Accounts', ja: 'アカウント' },
  regions: { en: 'Regions', ja: 'リージョン' },
  score: { en: 'Posture score', ja: 'セキュリティスコア' },
  noScore: { en: 'n/a (nothing could be evaluated)', ja: '算出不可 (評価できた項目がありません)' },
  notes: { en: 'Notes', ja: '補足' },
  close: { en: 'Close', ja: '閉じる' },
} satisfies Record<string, Localized>;

/** What an approval request (a fix, an undo, a risk acceptance, a Fix all) can become, in every list of states. */
export const REQUEST_STATES = {
  requested: { en: 'waiting for approval', ja: '承認待ち' },
  rejected: { en: 'rejected', ja: '却下' },
  expired: { en: 'expired', ja: '期限切れ' },
  undone: { en: 'undone', ja: '取り消し済み' },
  refused: { en: 'refused (not allowed)', ja: '拒否 (権限なし)' },
  unchanged: { en: 'nothing to change', ja: '変更なし' },
} satisfies Record<string, Localized>;
