// Every string of the remediation flow a Slack user reads, in English and Japanese. Arguments named
// `*Mrkdwn` are already escaped (or are mentions we built); everything else from AWS or users is escaped here.
import { catalogue, type Localized } from '../../i18n/locale.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { REQUEST_STATES } from '../../i18n/terms.ts';
import en from './text.en.json' with { type: 'json' };
import ja from './text.ja.json' with { type: 'json' };
const e = escapeMrkdwn;

export const RTEXT = {
  ...catalogue(en.RTEXT, ja.RTEXT),
  // Buttons

  // Modals
  tooLong: (max: number): Localized => ({ en: `Keep this under ${max} characters.`, ja: `${max} 文字以内にしてください。` }),
  fixModalIntro: (titleMrkdwn: string): Localized =>
    ({
      en: `*${titleMrkdwn}*\nAfter you submit, awscheck reads the resource live, shows you the plan and asks an approver. Nothing changes until someone approves.`,
      ja: `*${titleMrkdwn}*\n送信すると、awscheck がリソースを最新の状態で読み取り、計画をお知らせしたうえで承認者に依頼します。承認されるまで何も変更されません。`,
    }),
  riskModalIntro: (evidenceMrkdwn: string, selfAccept: boolean): Localized =>
    ({
      en: `${evidenceMrkdwn}\n\nWhile accepted, scans and reports show this finding as MUTED; when the acceptance expires it fails again.${selfAccept ? '' : ' An approver must approve the acceptance first.'}`,
      ja: `${evidenceMrkdwn}\n\n受容している間、スキャンとレポートではこの検出結果を MUTED (ミュート) と表示します。期限が切れると再び不合格になります。${selfAccept ? '' : '受容には承認者の承認が必要です。'}`,
    }),

  // Finding line used in several messages
  findingLine: (checkCode: string, accountMrkdwn: string, regionMrkdwn: string, resourceCode: string): Localized =>
    ({ en: `${checkCode} · ${accountMrkdwn} · ${regionMrkdwn} · ${resourceCode}`, ja: `${checkCode} · ${accountMrkdwn} · ${regionMrkdwn} · ${resourceCode}` }),

  // Approval request (fix)
  fixRequestFallback: (title: string): Localized => ({ en: `Fix approval request: ${title}`, ja: `修正の承認依頼: ${title}` }),
  requestedBy: (userMrkdwn: string, whenMrkdwn: string): Localized =>
    ({ en: `*Requested by* ${userMrkdwn} · ${whenMrkdwn}`, ja: `*依頼者* ${userMrkdwn} · ${whenMrkdwn}` }),
  inputsLine: (cidr: string): Localized => ({ en: `Keep access from: \`${e(cidr)}\``, ja: `アクセスを残す送信元: \`${e(cidr)}\`` }),
  approversLine: (approversMrkdwn: string, selfAllowed: boolean): Localized =>
    ({
      en: `Approvers: ${approversMrkdwn}.${selfAllowed ? '' : ' The requester cannot approve their own request.'}`,
      ja: `承認者: ${approversMrkdwn}。${selfAllowed ? '' : '依頼者は自分の依頼を承認できません。'}`,
    }),
  requestIdLine: (id: string): Localized => ({ en: `Request \`${e(id)}\``, ja: `依頼 \`${e(id)}\`` }),
  statusWaiting: (whenMrkdwn: string): Localized =>
    ({ en: `:hourglass_flowing_sand: *Waiting for an approver* (expires ${whenMrkdwn}). Nothing changes until then.`, ja: `:hourglass_flowing_sand: *承認待ち* (期限 ${whenMrkdwn})。承認されるまで何も変更されません。` }),
  statusApplying: (userMrkdwn: string): Localized =>
    ({ en: `:gear: *Approved by ${userMrkdwn}*; re-reading the resource and applying…`, ja: `:gear: *${userMrkdwn} が承認しました*。リソースを読み直して適用しています…` }),
  statusApplied: (userMrkdwn: string, whenMrkdwn: string, messageMrkdwn: string): Localized =>
    ({ en: `:white_check_mark: *Applied* after approval by ${userMrkdwn} (${whenMrkdwn}).\n${messageMrkdwn}`, ja: `:white_check_mark: *適用しました* (${userMrkdwn} が承認、${whenMrkdwn})。\n${messageMrkdwn}` }),
  statusUnchanged: (userMrkdwn: string, messageMrkdwn: string): Localized =>
    ({ en: `:information_source: *Nothing was changed* (approved by ${userMrkdwn}): ${messageMrkdwn}`, ja: `:information_source: *何も変更していません* (${userMrkdwn} が承認): ${messageMrkdwn}` }),
  statusFailed: (messageMrkdwn: string): Localized => ({ en: `:x: *Failed*: ${messageMrkdwn}`, ja: `:x: *失敗しました*: ${messageMrkdwn}` }),
  statusRejected: (userMrkdwn: string, reason: string | undefined): Localized =>
    ({
      en: `:no_entry: *Rejected* by ${userMrkdwn}${reason ? `: ${e(reason)}` : '.'} Nothing was changed.`,
      ja: `:no_entry: ${userMrkdwn} が*却下しました*${reason ? `: ${e(reason)}` : '。'} 何も変更していません。`,
    }),
  statusUndoRequested: (userMrkdwn: string, whenMrkdwn: string): Localized =>
    ({
      en: `:leftwards_arrow_with_hook: ${userMrkdwn} *asks to undo* this fix. Waiting for an approver (expires ${whenMrkdwn}).`,
      ja: `:leftwards_arrow_with_hook: ${userMrkdwn} がこの修正の*取り消しを依頼*しています。承認待ちです (期限 ${whenMrkdwn})。`,
    }),
  statusUndoing: (userMrkdwn: string): Localized => ({ en: `:gear: *Undo approved by ${userMrkdwn}*; undoing…`, ja: `:gear: *${userMrkdwn} が取り消しを承認しました*。取り消しています…` }),
  statusUndone: (userMrkdwn: string, whenMrkdwn: string, messageMrkdwn: string): Localized =>
    ({ en: `:leftwards_arrow_with_hook: *Undone* after approval by ${userMrkdwn} (${whenMrkdwn}).\n${messageMrkdwn}`, ja: `:leftwards_arrow_with_hook: *取り消しました* (${userMrkdwn} が承認、${whenMrkdwn})。\n${messageMrkdwn}` }),
  undoRejected: (userMrkdwn: string, reason: string | undefined): Localized =>
    ({ en: `The undo was rejected by ${userMrkdwn}${reason ? `: ${e(reason)}` : '.'} The fix stays in place.`, ja: `取り消しは ${userMrkdwn} により却下されました${reason ? `: ${e(reason)}` : '。'} 修正はそのまま残ります。` }),
  awsRequestIds: (ids: string): Localized => ({ en: `AWS request ids: ${ids}`, ja: `AWS リクエスト ID: ${ids}` }),

  // Approval request (risk)
  riskReason: (reason: string): Localized => ({ en: `*Reason* ${e(reason)}`, ja: `*理由* ${e(reason)}` }),
  riskUntil: (whenMrkdwn: string): Localized => ({ en: `*Accepted until* ${whenMrkdwn}`, ja: `*受容期限* ${whenMrkdwn}` }),
  riskStatusWaiting: (whenMrkdwn: string): Localized =>
    ({ en: `:hourglass_flowing_sand: *Waiting for an approver* (expires ${whenMrkdwn}).`, ja: `:hourglass_flowing_sand: *承認待ち* (期限 ${whenMrkdwn})。` }),
  riskStatusAccepted: (userMrkdwn: string): Localized =>
    ({ en: `:no_bell: *Accepted* by ${userMrkdwn}. Scans show this finding as MUTED until the acceptance expires.`, ja: `:no_bell: ${userMrkdwn} が*受容しました*。期限まで、スキャンではこの検出結果を MUTED と表示します。` }),
  riskStatusRejected: (userMrkdwn: string, reason: string | undefined): Localized =>
    ({ en: `:no_entry: *Rejected* by ${userMrkdwn}${reason ? `: ${e(reason)}` : '.'}`, ja: `:no_entry: ${userMrkdwn} が*却下しました*${reason ? `: ${e(reason)}` : '。'}` }),
  riskStatusRevoked: (userMrkdwn: string): Localized =>
    ({ en: `:bell: *Revoked* by ${userMrkdwn}: the finding fails again from the next scan.`, ja: `:bell: ${userMrkdwn} が*取り消しました*。次回のスキャンから再び不合格になります。` }),

  // To the requester
  fixRequested: (channelMrkdwn: string, titleMrkdwn: string): Localized =>
    ({
      en: `:outbox_tray: Your request to *${titleMrkdwn}* is waiting for an approver in ${channelMrkdwn}. You'll hear from me when it is decided.`,
      ja: `:outbox_tray: *${titleMrkdwn}* の依頼は ${channelMrkdwn} で承認待ちです。結果が出たらお知らせします。`,
    }),
  alreadyFixed: (linesMrkdwn: string): Localized =>
    ({ en: `:information_source: Nothing to fix, so no request was made:\n${linesMrkdwn}`, ja: `:information_source: 修正することがないため、依頼は作成していません:\n${linesMrkdwn}` }),
  previewFailed: (reason: string): Localized =>
    ({
      en: `:x: awscheck could not read the resource to prepare the fix, so no request was made: ${e(reason)}`,
      ja: `:x: 修正の準備のためにリソースを読み取れなかったため、依頼は作成していません: ${e(reason)}`,
    }),
  requestOpen: (stateMrkdwn: string): Localized =>
    ({ en: `:information_source: A fix for this finding is already under way (${stateMrkdwn}); see the approval channel.`, ja: `:information_source: この検出結果の修正はすでに進行中です (${stateMrkdwn})。承認用チャンネルを確認してください。` }),
  notPosted: (reason: string): Localized =>
    ({
      en: `:x: The approval request could not be posted to the approval channel (${e(reason)}). Invite awscheck there with /invite @awscheck, or check AWSCHECK_APPROVAL_CHANNEL, then try again.`,
      ja: `:x: 承認依頼を承認用チャンネルに投稿できませんでした (${e(reason)})。/invite @awscheck で awscheck を招待するか、AWSCHECK_APPROVAL_CHANNEL を確認してから、もう一度お試しください。`,
    }),
  outcomeForRequester: (statusMrkdwn: string): Localized => ({ en: `Update on your fix request:\n${statusMrkdwn}`, ja: `修正依頼の結果です:\n${statusMrkdwn}` }),
  undoRequested: (channelMrkdwn: string): Localized =>
    ({ en: `:outbox_tray: Your undo request is waiting for an approver in ${channelMrkdwn}.`, ja: `:outbox_tray: 取り消しの依頼は ${channelMrkdwn} で承認待ちです。` }),
  notUndoable: (stateMrkdwn: string): Localized =>
    ({ en: `:information_source: Only an applied fix can be undone; this one is ${stateMrkdwn}.`, ja: `:information_source: 取り消せるのは適用済みの修正だけです。この修正の状態: ${stateMrkdwn}` }),
  riskAccepted: (whenMrkdwn: string): Localized =>
    ({ en: `:no_bell: Risk accepted until ${whenMrkdwn}. Scans show the finding as MUTED until then.`, ja: `:no_bell: ${whenMrkdwn} までリスクを受容しました。それまでスキャンではこの検出結果を MUTED と表示します。` }),
  riskRequested: (channelMrkdwn: string): Localized =>
    ({ en: `:outbox_tray: Your risk acceptance is waiting for an approver in ${channelMrkdwn}.`, ja: `:outbox_tray: リスク受容の依頼は ${channelMrkdwn} で承認待ちです。` }),
  riskAlready: (whenMrkdwn: string): Localized =>
    ({ en: `:information_source: This finding already has an acceptance (until ${whenMrkdwn}) or one waiting for approval.`, ja: `:information_source: この検出結果にはすでにリスク受容 (${whenMrkdwn} まで) か、承認待ちの受容があります。` }),
  riskOutcome: (statusMrkdwn: string): Localized => ({ en: `Update on your risk acceptance:\n${statusMrkdwn}`, ja: `リスク受容の結果です:\n${statusMrkdwn}` }),

  // To whoever clicked
  notWaiting: (stateMrkdwn: string): Localized =>
    ({ en: `:information_source: This request is no longer waiting for that decision (it is ${stateMrkdwn}). Nothing more was done.`, ja: `:information_source: この依頼はもうその判断を待っていません (状態: ${stateMrkdwn})。これ以上は何もしていません。` }),

  // /awscheck risks
  risksHeader: (n: number): Localized => ({ en: `Accepted risks (${n})`, ja: `受容済みのリスク (${n} 件)` }),
  riskItem: (evidenceMrkdwn: string, whereMrkdwn: string, whenMrkdwn: string, byMrkdwn: string, reason: string): Localized =>
    ({
      en: `${evidenceMrkdwn}\n${whereMrkdwn}\nUntil ${whenMrkdwn} · accepted by ${byMrkdwn} · ${e(reason)}`,
      ja: `${evidenceMrkdwn}\n${whereMrkdwn}\n期限 ${whenMrkdwn} · 受容者 ${byMrkdwn} · ${e(reason)}`,
    }),
  risksWaiting: (n: number): Localized => ({ en: `${n} more waiting for an approver.`, ja: `ほかに承認待ちが ${n} 件あります。` }),
  risksMore: (n: number): Localized => ({ en: `…and ${n} more (see \`awscheck audit\`).`, ja: `…ほか ${n} 件 (\`awscheck audit\` を参照)。` }),

  // /awscheck audit
  auditHeader: (n: number): Localized => ({ en: `Audit trail: latest ${n}`, ja: `監査証跡: 最新 ${n} 件` }),
  auditUsage: (word: string): Localized =>
    ({ en: `I didn't understand ${word}: give a number of entries from 1 to 50, e.g. \`/awscheck audit 20\`.`, ja: `${word} は理解できませんでした。1〜50 の件数を指定してください (例: \`/awscheck audit 20\`)。` }),
} as const;

/** How each state of a fix request is called in messages. */
export const REQUEST_STATE_NAMES: Record<string, Localized> = {
  ...catalogue(en.REQUEST_STATE_NAMES, ja.REQUEST_STATE_NAMES),
  requested: REQUEST_STATES.requested,
  unchanged: REQUEST_STATES.unchanged,
  rejected: REQUEST_STATES.rejected,
  expired: REQUEST_STATES.expired,
  undone: REQUEST_STATES.undone,
};

export const RISK_STATE_NAMES: Record<string, Localized> = {
  ...catalogue(en.RISK_STATE_NAMES, ja.RISK_STATE_NAMES),
  requested: REQUEST_STATES.requested,
  rejected: REQUEST_STATES.rejected,
  expired: REQUEST_STATES.expired,
};

/** Audit event names for people. */
export const AUDIT_EVENT_NAMES: Record<string, Localized> = {
  ...catalogue(en.AUDIT_EVENT_NAMES, ja.AUDIT_EVENT_NAMES),
  'fix.refused': REQUEST_STATES.refused,
  'fix.unchanged': REQUEST_STATES.unchanged,
  'batch.refused': REQUEST_STATES.refused,
  'risk.refused': REQUEST_STATES.refused,
};
