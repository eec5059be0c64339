// Every string of the remediation flow a Slack user reads, in English and Japanese. Arguments named
// `*Mrkdwn` are already escaped (or are mentions we built); everything else from AWS or users is escaped here.
import type { Localized } from '../../i18n/locale.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { REQUEST_STATES } from '../../i18n/terms.ts';
const e = escapeMrkdwn;

export const RTEXT = {
  // Buttons
  fixButton: { en: 'Fix…', ja: '修正…' },
  acceptRiskButton: { en: 'Accept risk', ja: 'リスクを受容' },
  approve: { en: 'Approve', ja: '承認' },
  reject: { en: 'Reject', ja: '却下' },
  undo: { en: 'Undo', ja: '取り消す' },
  approveUndo: { en: 'Approve undo', ja: '取り消しを承認' },
  rejectUndo: { en: 'Reject undo', ja: '取り消しを却下' },
  revoke: { en: 'Revoke', ja: '取り消す' },

  // Modals
  tooLong: (max: number): Localized => ({ en: `Keep this under ${max} characters.`, ja: `${max} 文字以内にしてください。` }),
  fixModalTitle: { en: 'Fix this finding', ja: 'この検出結果を修正' },
  fixModalSubmit: { en: 'Preview and ask', ja: 'プレビューして依頼' },
  cancel: { en: 'Cancel', ja: 'キャンセル' },
  fixModalIntro: (titleMrkdwn: string): Localized =>
    ({
      en: `*${titleMrkdwn}*\nAfter you submit, awscheck reads the resource live, shows you the plan and asks an approver. Nothing changes until someone approves.`,
      ja: `*${titleMrkdwn}*\n送信すると、awscheck がリソースを最新の状態で読み取り、計画をお知らせしたうえで承認者に依頼します。承認されるまで何も変更されません。`,
    }),
  replacementLabel: { en: 'Keep access from (optional)', ja: 'アクセスを残す送信元 (任意)' },
  replacementHint: {
    en: 'A narrower source that should keep reaching the same ports, e.g. your office 203.0.113.0/24. Leave empty to only close the rule.',
    ja: '同じポートに引き続きアクセスできるようにする、より狭い送信元 (例: オフィスの 203.0.113.0/24)。ルールを閉じるだけなら空欄のままにしてください。',
  },
  riskModalTitle: { en: 'Accept this risk', ja: 'このリスクを受容' },
  riskModalSubmit: { en: 'Accept', ja: '受容する' },
  riskModalIntro: (evidenceMrkdwn: string, selfAccept: boolean): Localized =>
    ({
      en: `${evidenceMrkdwn}\n\nWhile accepted, scans and reports show this finding as MUTED; when the acceptance expires it fails again.${selfAccept ? '' : ' An approver must approve the acceptance first.'}`,
      ja: `${evidenceMrkdwn}\n\n受容している間、スキャンとレポートではこの検出結果を MUTED (ミュート) と表示します。期限が切れると再び不合格になります。${selfAccept ? '' : '受容には承認者の承認が必要です。'}`,
    }),
  riskReasonLabel: { en: 'Why is this acceptable?', ja: 'このリスクを受容する理由' },
  riskReasonHint: { en: 'Required. It is shown with the muted finding and kept in the audit trail.', ja: '必須です。ミュートした検出結果とともに表示され、監査証跡に残ります。' },
  riskDaysLabel: { en: 'Expires after (days)', ja: '期限 (日数)' },
  riskDaysHint: { en: '1 to 365; 90 unless you change it.', ja: '1〜365 日。変更しなければ 90 日です。' },
  rejectModalTitle: { en: 'Reject', ja: '却下' },
  rejectModalSubmit: { en: 'Reject', ja: '却下する' },
  rejectReasonLabel: { en: 'Reason (optional)', ja: '理由 (任意)' },
  rejectModalIntro: { en: 'The requester is told, with your reason if you give one.', ja: '依頼者に通知します。理由を入力した場合は理由も伝えます。' },

  // Finding line used in several messages
  findingLine: (checkCode: string, accountMrkdwn: string, regionMrkdwn: string, resourceCode: string): Localized =>
    ({ en: `${checkCode} · ${accountMrkdwn} · ${regionMrkdwn} · ${resourceCode}`, ja: `${checkCode} · ${accountMrkdwn} · ${regionMrkdwn} · ${resourceCode}` }),

  // Approval request (fix)
  fixRequestHeader: { en: 'Fix approval request', ja: '修正の承認依頼' },
  fixRequestFallback: (title: string): Localized => ({ en: `Fix approval request: ${title}`, ja: `修正の承認依頼: ${title}` }),
  requestedBy: (userMrkdwn: string, whenMrkdwn: string): Localized =>
    ({ en: `*Requested by* ${userMrkdwn} · ${whenMrkdwn}`, ja: `*依頼者* ${userMrkdwn} · ${whenMrkdwn}` }),
  planHeading: { en: '*Plan (read live from AWS)*', ja: '*計画 (AWS から最新の状態を読み取り)*' },
  warningsHeading: { en: ':warning: *Before approving*', ja: ':warning: *承認の前に*' },
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
  statusExpired: { en: ':hourglass: *Expired* before anyone approved it. Nothing was changed.', ja: ':hourglass: 承認される前に*期限切れ*になりました。何も変更していません。' },
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
  accessHeading: { en: '*Your way in from now on (Session Manager)*', ja: '*今後のアクセス方法 (Session Manager)*' },
  awsRequestIds: (ids: string): Localized => ({ en: `AWS request ids: ${ids}`, ja: `AWS リクエスト ID: ${ids}` }),

  // Approval request (risk)
  riskRequestHeader: { en: 'Risk acceptance request', ja: 'リスク受容の承認依頼' },
  riskRequestFallback: { en: 'Risk acceptance request', ja: 'リスク受容の承認依頼' },
  riskReason: (reason: string): Localized => ({ en: `*Reason* ${e(reason)}`, ja: `*理由* ${e(reason)}` }),
  riskUntil: (whenMrkdwn: string): Localized => ({ en: `*Accepted until* ${whenMrkdwn}`, ja: `*受容期限* ${whenMrkdwn}` }),
  riskStatusWaiting: (whenMrkdwn: string): Localized =>
    ({ en: `:hourglass_flowing_sand: *Waiting for an approver* (expires ${whenMrkdwn}).`, ja: `:hourglass_flowing_sand: *承認待ち* (期限 ${whenMrkdwn})。` }),
  riskStatusAccepted: (userMrkdwn: string): Localized =>
    ({ en: `:no_bell: *Accepted* by ${userMrkdwn}. Scans show this finding as MUTED until the acceptance expires.`, ja: `:no_bell: ${userMrkdwn} が*受容しました*。期限まで、スキャンではこの検出結果を MUTED と表示します。` }),
  riskStatusRejected: (userMrkdwn: string, reason: string | undefined): Localized =>
    ({ en: `:no_entry: *Rejected* by ${userMrkdwn}${reason ? `: ${e(reason)}` : '.'}`, ja: `:no_entry: ${userMrkdwn} が*却下しました*${reason ? `: ${e(reason)}` : '。'}` }),
  riskStatusExpired: { en: ':hourglass: *Expired* before anyone approved it.', ja: ':hourglass: 承認される前に*期限切れ*になりました。' },
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
  noFix: { en: ':information_source: awscheck has no automatic fix for this finding; the Explain button has the steps.', ja: ':information_source: この検出結果には自動修正がありません。手順は「解説」ボタンで確認できます。' },
  findingGone: {
    en: ':warning: awscheck does not know that finding (the button may be from an old message). Run the scan again and use the new message.',
    ja: ':warning: その検出結果が見つかりません (古いメッセージのボタンかもしれません)。もう一度スキャンして、新しいメッセージのボタンを使ってください。',
  },
  requestGone: { en: ':warning: awscheck does not know that request.', ja: ':warning: その依頼が見つかりません。' },
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
  notApprover: {
    en: ":no_entry: Only approvers (AWSCHECK_APPROVERS) can do that. Nothing was changed.",
    ja: ':no_entry: この操作ができるのは承認者 (AWSCHECK_APPROVERS) だけです。何も変更していません。',
  },
  ownRequest: {
    en: ':no_entry: You asked for this yourself, so someone else must approve it. Nothing was changed.',
    ja: ':no_entry: ご自身の依頼のため、別の承認者が承認する必要があります。何も変更していません。',
  },
  notWaiting: (stateMrkdwn: string): Localized =>
    ({ en: `:information_source: This request is no longer waiting for that decision (it is ${stateMrkdwn}). Nothing more was done.`, ja: `:information_source: この依頼はもうその判断を待っていません (状態: ${stateMrkdwn})。これ以上は何もしていません。` }),
  expired: { en: ':hourglass: This request has expired, so nothing was done. Ask again from a fresh scan if it is still needed.', ja: ':hourglass: この依頼は期限切れのため、何もしていません。必要であれば、新しいスキャン結果からもう一度依頼してください。' },
  notAllowedToRequest: {
    en: "Sorry, only the people who may run awscheck scans (AWSCHECK_SCANNERS) can ask for fixes or accept risks.",
    ja: '申し訳ありません。修正の依頼やリスクの受容ができるのは、awscheck のスキャンを実行できるメンバー (AWSCHECK_SCANNERS) だけです。',
  },
  remediationOff: {
    en: ':no_entry: Remediation is turned off in this awscheck (AWSCHECK_REMEDIATION), so nothing was done. Buttons from earlier messages no longer work.',
    ja: ':no_entry: この awscheck ではリメディエーションが無効 (AWSCHECK_REMEDIATION) のため、何もしていません。以前のメッセージのボタンはもう使えません。',
  },
  revoked: { en: ':bell: Revoked: the finding fails again from the next scan.', ja: ':bell: 取り消しました。次回のスキャンから再び不合格になります。' },

  // /awscheck risks
  risksHelp: { en: '`/awscheck risks` — accepted risks and when they expire', ja: '`/awscheck risks` — 受容済みのリスクと期限' },
  risksHeader: (n: number): Localized => ({ en: `Accepted risks (${n})`, ja: `受容済みのリスク (${n} 件)` }),
  risksEmpty: { en: 'No accepted risks: every failing finding shows as FAIL.', ja: '受容済みのリスクはありません。不合格はすべて FAIL と表示されます。' },
  riskItem: (evidenceMrkdwn: string, whereMrkdwn: string, whenMrkdwn: string, byMrkdwn: string, reason: string): Localized =>
    ({
      en: `${evidenceMrkdwn}\n${whereMrkdwn}\nUntil ${whenMrkdwn} · accepted by ${byMrkdwn} · ${e(reason)}`,
      ja: `${evidenceMrkdwn}\n${whereMrkdwn}\n期限 ${whenMrkdwn} · 受容者 ${byMrkdwn} · ${e(reason)}`,
    }),
  risksWaiting: (n: number): Localized => ({ en: `${n} more waiting for an approver.`, ja: `ほかに承認待ちが ${n} 件あります。` }),
  risksFooter: { en: 'Approvers can revoke an acceptance; the finding then fails again from the next scan.', ja: '承認者は受容を取り消せます。取り消すと、次回のスキャンから再び不合格になります。' },
  risksMore: (n: number): Localized => ({ en: `…and ${n} more (see \`awscheck audit\`).`, ja: `…ほか ${n} 件 (\`awscheck audit\` を参照)。` }),
  remediationUnavailable: {
    en: 'Remediation is not set up in this awscheck (no store), so there are no accepted risks or audit trail to show.',
    ja: 'この awscheck ではリメディエーションが設定されていない (ストアがない) ため、受容済みのリスクや監査証跡を表示できません。',
  },

  // /awscheck audit
  auditHelp: { en: '`/awscheck audit [N]` — the latest N entries of the audit trail (default 10)', ja: '`/awscheck audit [N]` — 監査証跡の最新 N 件 (既定 10 件)' },
  auditHeader: (n: number): Localized => ({ en: `Audit trail: latest ${n}`, ja: `監査証跡: 最新 ${n} 件` }),
  auditEmpty: { en: 'The audit trail is empty: no fix or risk acceptance has been requested yet.', ja: '監査証跡は空です。修正やリスク受容はまだ依頼されていません。' },
  auditUsage: (word: string): Localized =>
    ({ en: `I didn't understand ${word}: give a number of entries from 1 to 50, e.g. \`/awscheck audit 20\`.`, ja: `${word} は理解できませんでした。1〜50 の件数を指定してください (例: \`/awscheck audit 20\`)。` }),
  auditFooter: { en: 'The full trail, with before and after states: `awscheck audit --format csv`', ja: '変更前後の状態を含む全件: `awscheck audit --format csv`' },
} as const;

/** How each state of a fix request is called in messages. */
export const REQUEST_STATE_NAMES: Record<string, Localized> = {
  requested: REQUEST_STATES.requested,
  approved: { en: 'approved', ja: '承認済み' },
  applying: { en: 'being applied', ja: '適用中' },
  applied: { en: 'applied', ja: '適用済み' },
  unchanged: REQUEST_STATES.unchanged,
  failed: { en: 'failed', ja: '失敗' },
  rejected: REQUEST_STATES.rejected,
  expired: REQUEST_STATES.expired,
  undo_requested: { en: 'undo waiting for approval', ja: '取り消しの承認待ち' },
  undoing: { en: 'being undone', ja: '取り消し中' },
  undone: REQUEST_STATES.undone,
};

export const RISK_STATE_NAMES: Record<string, Localized> = {
  requested: REQUEST_STATES.requested,
  accepted: { en: 'accepted', ja: '受容済み' },
  rejected: REQUEST_STATES.rejected,
  expired: REQUEST_STATES.expired,
  revoked: { en: 'revoked', ja: '取り消し済み' },
};

/** Audit event names for people. */
export const AUDIT_EVENT_NAMES: Record<string, Localized> = {
  'fix.requested': { en: 'fix requested', ja: '修正を依頼' },
  'fix.refused': REQUEST_STATES.refused,
  'fix.approved': { en: 'fix approved', ja: '修正を承認' },
  'fix.rejected': { en: 'fix rejected', ja: '修正を却下' },
  'fix.expired': { en: 'request expired', ja: '依頼が期限切れ' },
  'fix.applied': { en: 'fix applied', ja: '修正を適用' },
  'fix.unchanged': REQUEST_STATES.unchanged,
  'fix.failed': { en: 'fix failed', ja: '修正に失敗' },
  'fix.undo-requested': { en: 'undo requested', ja: '取り消しを依頼' },
  'fix.undo-approved': { en: 'undo approved', ja: '取り消しを承認' },
  'fix.undo-rejected': { en: 'undo rejected', ja: '取り消しを却下' },
  'fix.undo-expired': { en: 'undo request expired', ja: '取り消しの依頼が期限切れ' },
  'fix.undone': { en: 'fix undone', ja: '修正を取り消し' },
  'fix.undo-failed': { en: 'undo failed', ja: '取り消しに失敗' },
  'fix.reconciled': { en: 'settled by reading AWS (its process had stopped)', ja: 'AWS を読み取って確定 (処理中のプロセスが停止)' },
  'fix.late-write': { en: 'write landed after settlement', ja: '確定後に書き込みが反映' },
  'batch.requested': { en: 'Fix all requested', ja: '一括修正を依頼' },
  'batch.refused': REQUEST_STATES.refused,
  'batch.approved': { en: 'Fix all approved', ja: '一括修正を承認' },
  'batch.rejected': { en: 'Fix all rejected', ja: '一括修正を却下' },
  'batch.expired': { en: 'Fix all expired', ja: '一括修正が期限切れ' },
  'batch.failed': { en: 'Fix all not posted', ja: '一括修正を投稿できず' },
  'batch.done': { en: 'Fix all finished', ja: '一括修正が完了' },
  'batch.stopped': { en: 'Fix all stopped', ja: '一括修正を停止' },
  'batch.undo-requested': { en: 'Undo all requested', ja: '一括取り消しを依頼' },
  'batch.undo-approved': { en: 'Undo all approved', ja: '一括取り消しを承認' },
  'batch.undo-rejected': { en: 'Undo all rejected', ja: '一括取り消しを却下' },
  'batch.undo-expired': { en: 'Undo all expired', ja: '一括取り消しが期限切れ' },
  'batch.undone': { en: 'Undo all finished', ja: '一括取り消しが完了' },
  'risk.requested': { en: 'risk acceptance requested', ja: 'リスク受容を依頼' },
  'risk.refused': REQUEST_STATES.refused,
  'risk.accepted': { en: 'risk accepted', ja: 'リスクを受容' },
  'risk.rejected': { en: 'risk acceptance rejected', ja: 'リスク受容を却下' },
  'risk.expired': { en: 'acceptance request expired', ja: 'リスク受容の依頼が期限切れ' },
  'risk.revoked': { en: 'risk acceptance revoked', ja: 'リスク受容を取り消し' },
};
