// The words of "Fix all", in English and Japanese. Values from AWS or users arrive escaped.
import type { Localized } from '../../../i18n/locale.ts';

const L = (en: string, ja: string): Localized => ({ en, ja });

export const BTEXT = {
  fixAllButton: (n: number): Localized => L(`Fix all (${n})…`, `すべて修正 (${n})…`),
  header: L('Fix all: approval request', '一括修正の承認依頼'),
  fallback: (title: string, n: number): Localized => L(`Fix all: ${title} on ${n} resources`, `一括修正: ${title} (${n} 件)`),
  intro: (title: string, check: string, n: number): Localized =>
    L(`*${title}* · ${check}\nOne approval for ${n} resources; each is re-read and changed on its own, one at a time.`, `*${title}* · ${check}\n${n} 件のリソースを 1 回の承認で修正します。各リソースは個別に再読み取りし、1 件ずつ変更します。`),
  requestedBy: (who: string, when: string): Localized => L(`Requested by ${who} ${when}`, `依頼者: ${who} (${when})`),
  planHeading: L('*Planned changes (read live):*', '*予定している変更 (最新の状態から):*'),
  skippedHeading: (n: number): Localized => L(`*Skipped, not requested (${n}):*`, `*対象外 (依頼していません, ${n} 件):*`),
  capped: (n: number, total: number): Localized =>
    L(`This request covers ${n} of ${total} resources (at most 50 per request). Use Fix all again after it for the rest.`, `この依頼は ${total} 件中 ${n} 件が対象です (1 回の依頼は最大 50 件)。残りは、この依頼の後にもう一度「すべて修正」で依頼してください。`),
  inputsLine: (cidr: string): Localized => L(`Replacement source for every rule: \`${cidr}\``, `すべてのルールの置き換え先: \`${cidr}\``),
  waiting: (deadline: string): Localized => L(`:hourglass_flowing_sand: Waiting for an approver (until ${deadline}).`, `:hourglass_flowing_sand: 承認待ち (${deadline} まで)。`),
  running: (done: number, n: number, by: string): Localized => L(`:gear: Approved by ${by}: ${done} of ${n} applied…`, `:gear: ${by} が承認: ${n} 件中 ${done} 件を適用済み…`),
  finished: (by: string): Localized => L(`:white_check_mark: Approved by ${by}; finished.`, `:white_check_mark: ${by} が承認し、完了しました。`),
  stopped: (by: string): Localized => L(`:octagonal_sign: Stopped by ${by}; resources not yet started were not changed.`, `:octagonal_sign: ${by} が停止しました。未着手のリソースは変更していません。`),
  rejected: (by: string): Localized => L(`:x: Rejected by ${by}. Nothing was changed.`, `:x: ${by} が却下しました。何も変更していません。`),
  expired: L(':hourglass: Expired: nothing was changed.', ':hourglass: 期限切れ: 何も変更していません。'),
  failed: L(':warning: The approval request could not be posted; nothing was changed.', ':warning: 承認依頼を投稿できなかったため、何も変更していません。'),
  undoRequested: (by: string, deadline: string): Localized =>
    L(`:leftwards_arrow_with_hook: ${by} asked to undo all applied changes; waiting for an approver (until ${deadline}).`, `:leftwards_arrow_with_hook: ${by} が適用済みの変更すべての取り消しを依頼しました。承認待ち (${deadline} まで)。`),
  undoing: (by: string): Localized => L(`:gear: Undo all approved by ${by}: undoing one at a time…`, `:gear: ${by} が一括取り消しを承認: 1 件ずつ取り消し中…`),
  undone: (by: string): Localized => L(`:leftwards_arrow_with_hook: Undo all approved by ${by}; finished.`, `:leftwards_arrow_with_hook: ${by} が一括取り消しを承認し、完了しました。`),
  counts: (parts: string): Localized => L(`Resources: ${parts}`, `リソース: ${parts}`),
  approve: L('Approve all', 'すべて承認'),
  reject: L('Reject', '却下'),
  stop: L('Stop', '停止'),
  undoAll: L('Undo all…', 'すべて取り消し…'),
  undoOne: L('Undo one…', '1 件を取り消し…'),
  approveUndoAll: L('Approve undo all', '一括取り消しを承認'),
  rejectUndoAll: L('Reject undo all', '一括取り消しを却下'),
  batchId: (id: string): Localized => L(`Batch \`${id}\``, `一括依頼 \`${id}\``),
  requestedTo: (channel: string, n: number): Localized =>
    L(`:inbox_tray: Asked for ${n} fixes in one approval request in ${channel}. You'll hear how it went.`, `:inbox_tray: ${channel} に ${n} 件の修正を 1 件の承認依頼として送りました。結果はお知らせします。`),
  nothingToRequest: (skipped: string): Localized => L(`Nothing to request: ${skipped}`, `依頼するものはありません: ${skipped}`),
  listGone: L(
    'This list is no longer kept (awscheck restarted, or the results are over a day old). Run `/awscheck` again.',
    'この一覧はもう保持されていません。もう一度 `/awscheck` を実行してください。',
  ),
  inputsTitle: L('Fix all', 'すべて修正'),
  inputsIntro: (title: string, n: number): Localized =>
    L(`*${title}* on ${n} resources. An optional replacement source applies to every rule.`, `*${title}* を ${n} 件のリソースに適用します。置き換え先 (任意) はすべてのルールに適用されます。`),
  stateNames: {
    requested: L('waiting for approval', '承認待ち'),
    running: L('running', '実行中'),
    done: L('finished', '完了'),
    stopped: L('stopped', '停止済み'),
    rejected: L('rejected', '却下'),
    expired: L('expired', '期限切れ'),
    failed: L('not posted', '投稿できず'),
    undo_requested: L('waiting for undo approval', '取り消しの承認待ち'),
    undoing: L('undoing', '取り消し中'),
    undone: L('undone', '取り消し済み'),
  } as Record<string, Localized>,
  finishedForRequester: (status: string): Localized => L(`Your Fix all request: ${status}`, `一括修正の依頼: ${status}`),
} as const;
