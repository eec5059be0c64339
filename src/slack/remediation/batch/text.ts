// The words of "Fix all", in English and Japanese. Values from AWS or users arrive escaped.
import { catalogue, count, type Localized } from '../../../i18n/locale.ts';
import { REQUEST_STATES } from '../../../i18n/terms.ts';
import en from './text.en.json' with { type: 'json' };
import ja from './text.ja.json' with { type: 'json' };

export const BTEXT = {
  ...catalogue(en.BTEXT, ja.BTEXT),
  fixAllButton: (n: number): Localized => ({ en: `Fix all (${n})…`, ja: `すべて修正 (${n})…` }),
  fallback: (title: string, n: number): Localized => ({ en: `Fix all: ${title} on ${count('en', n, { one: 'resource', other: 'resources' })}`, ja: `一括修正: ${title} (${n} 件)` }),
  intro: (title: string, check: string, n: number): Localized =>
    ({ en: `*${title}* · ${check}\nOne approval for ${count('en', n, { one: 'resource', other: 'resources' })}; each is re-read and changed on its own, one at a time.`, ja: `*${title}* · ${check}\n${n} 件のリソースを 1 回の承認で修正します。各リソースは個別に再読み取りし、1 件ずつ変更します。` }),
  requestedBy: (who: string, when: string): Localized => ({ en: `Requested by ${who} ${when}`, ja: `依頼者: ${who} (${when})` }),
  skippedHeading: (n: number): Localized => ({ en: `*Skipped, not requested (${n}):*`, ja: `*対象外 (依頼していません, ${n} 件):*` }),
  capped: (n: number, total: number): Localized =>
    ({ en: `This request covers ${n} of ${total} resources (at most 50 per request). Use Fix all again after it for the rest.`, ja: `この依頼は ${total} 件中 ${n} 件が対象です (1 回の依頼は最大 50 件)。残りは、この依頼の後にもう一度「すべて修正」で依頼してください。` }),
  inputsLine: (cidr: string): Localized => ({ en: `Replacement source for every rule: \`${cidr}\``, ja: `すべてのルールの置き換え先: \`${cidr}\`` }),
  waiting: (deadline: string): Localized => ({ en: `:hourglass_flowing_sand: Waiting for an approver (until ${deadline}).`, ja: `:hourglass_flowing_sand: 承認待ち (${deadline} まで)。` }),
  running: (done: number, n: number, by: string): Localized => ({ en: `:gear: Approved by ${by}: ${done} of ${n} applied…`, ja: `:gear: ${by} が承認: ${n} 件中 ${done} 件を適用済み…` }),
  finished: (by: string): Localized => ({ en: `:white_check_mark: Approved by ${by}; finished.`, ja: `:white_check_mark: ${by} が承認し、完了しました。` }),
  stopped: (by: string): Localized => ({ en: `:octagonal_sign: Stopped by ${by}; resources not yet started were not changed.`, ja: `:octagonal_sign: ${by} が停止しました。未着手のリソースは変更していません。` }),
  rejected: (by: string): Localized => ({ en: `:x: Rejected by ${by}. Nothing was changed.`, ja: `:x: ${by} が却下しました。何も変更していません。` }),
  undoRequested: (by: string, deadline: string): Localized =>
    ({ en: `:leftwards_arrow_with_hook: ${by} asked to undo all applied changes; waiting for an approver (until ${deadline}).`, ja: `:leftwards_arrow_with_hook: ${by} が適用済みの変更すべての取り消しを依頼しました。承認待ち (${deadline} まで)。` }),
  undoing: (by: string): Localized => ({ en: `:gear: Undo all approved by ${by}: undoing one at a time…`, ja: `:gear: ${by} が一括取り消しを承認: 1 件ずつ取り消し中…` }),
  undone: (by: string): Localized => ({ en: `:leftwards_arrow_with_hook: Undo all approved by ${by}; finished.`, ja: `:leftwards_arrow_with_hook: ${by} が一括取り消しを承認し、完了しました。` }),
  counts: (parts: string): Localized => ({ en: `Resources: ${parts}`, ja: `リソース: ${parts}` }),
  batchId: (id: string): Localized => ({ en: `Batch \`${id}\``, ja: `一括依頼 \`${id}\`` }),
  requestedTo: (channel: string, n: number): Localized =>
    ({ en: `:inbox_tray: Asked for ${count('en', n, { one: 'fix', other: 'fixes' })} in one approval request in ${channel}. You'll hear how it went.`, ja: `:inbox_tray: ${channel} に ${n} 件の修正を 1 件の承認依頼として送りました。結果はお知らせします。` }),
  nothingToRequest: (skipped: string): Localized => ({ en: `Nothing to request: ${skipped}`, ja: `依頼するものはありません: ${skipped}` }),
  inputsIntro: (title: string, n: number): Localized =>
    ({ en: `*${title}* on ${count('en', n, { one: 'resource', other: 'resources' })}. An optional replacement source applies to every rule.`, ja: `*${title}* を ${n} 件のリソースに適用します。置き換え先 (任意) はすべてのルールに適用されます。` }),
  stateNames: {
    requested: REQUEST_STATES.requested,
    running: { en: 'running', ja: '実行中' },
    done: { en: 'finished', ja: '完了' },
    stopped: { en: 'stopped', ja: '停止済み' },
    rejected: REQUEST_STATES.rejected,
    expired: REQUEST_STATES.expired,
    failed: { en: 'not posted', ja: '投稿できず' },
    undo_requested: { en: 'waiting for undo approval', ja: '取り消しの承認待ち' },
    undoing: { en: 'undoing', ja: '取り消し中' },
    undone: REQUEST_STATES.undone,
  } as Record<string, Localized>,
  finishedForRequester: (status: string): Localized => ({ en: `Your Fix all request: ${status}`, ja: `一括修正の依頼: ${status}` }),
} as const;
