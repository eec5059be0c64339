// Every string of the remediation flow a Slack user reads, in English and Japanese. Arguments named
// `*Mrkdwn` are already escaped (or are mentions we built); everything else from AWS or users is escaped here.
import type { Localized } from '../../i18n/locale.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';

const L = (en: string, ja: string): Localized => ({ en, ja });
const e = escapeMrkdwn;

export const RTEXT = {
  // Buttons
  fixButton: L('Fix…', '修正…'),
  acceptRiskButton: L('Accept risk', 'リスクを受容'),
  approve: L('Approve', '承認'),
  reject: L('Reject', '却下'),
  undo: L('Undo', '取り消す'),
  approveUndo: L('Approve undo', '取り消しを承認'),
  rejectUndo: L('Reject undo', '取り消しを却下'),
  revoke: L('Revoke', '取り消す'),

  // Modals
  tooLong: (max: number): Localized => L(`Keep this under ${max} characters.`, `${max} 文字以内にしてください。`),
  fixModalTitle: L('Fix this finding', 'この検出結果を修正'),
  fixModalSubmit: L('Preview and ask', 'プレビューして依頼'),
  cancel: L('Cancel', 'キャンセル'),
  fixModalIntro: (titleMrkdwn: string): Localized =>
    L(
      `*${titleMrkdwn}*\nAfter you submit, awscheck reads the resource live, shows you the plan and asks an approver. Nothing changes until someone approves.`,
      `*${titleMrkdwn}*\n送信すると、awscheck がリソースを最新の状態で読み取り、計画をお知らせしたうえで承認者に依頼します。承認されるまで何も変更されません。`,
    ),
  replacementLabel: L('Keep access from (optional)', 'アクセスを残す送信元 (任意)'),
  replacementHint: L(
    'A narrower source that should keep reaching the same ports, e.g. your office 203.0.113.0/24. Leave empty to only close the rule.',
    '同じポートに引き続きアクセスできるようにする、より狭い送信元 (例: オフィスの 203.0.113.0/24)。ルールを閉じるだけなら空欄のままにしてください。',
  ),
  riskModalTitle: L('Accept this risk', 'このリスクを受容'),
  riskModalSubmit: L('Accept', '受容する'),
  riskModalIntro: (evidenceMrkdwn: string, selfAccept: boolean): Localized =>
    L(
      `${evidenceMrkdwn}\n\nWhile accepted, scans and reports show this finding as MUTED; when the acceptance expires it fails again.${selfAccept ? '' : ' An approver must approve the acceptance first.'}`,
      `${evidenceMrkdwn}\n\n受容している間、スキャンとレポートではこの検出結果を MUTED (ミュート) と表示します。期限が切れると再び不合格になります。${selfAccept ? '' : '受容には承認者の承認が必要です。'}`,
    ),
  riskReasonLabel: L('Why is this acceptable?', 'このリスクを受容する理由'),
  riskReasonHint: L('Required. It is shown with the muted finding and kept in the audit trail.', '必須です。ミュートした検出結果とともに表示され、監査証跡に残ります。'),
  riskDaysLabel: L('Expires after (days)', '期限 (日数)'),
  riskDaysHint: L('1 to 365; 90 unless you change it.', '1〜365 日。変更しなければ 90 日です。'),
  rejectModalTitle: L('Reject', '却下'),
  rejectModalSubmit: L('Reject', '却下する'),
  rejectReasonLabel: L('Reason (optional)', '理由 (任意)'),
  rejectModalIntro: L('The requester is told, with your reason if you give one.', '依頼者に通知します。理由を入力した場合は理由も伝えます。'),

  // Finding line used in several messages
  findingLine: (checkCode: string, accountMrkdwn: string, regionMrkdwn: string, resourceCode: string): Localized =>
    L(`${checkCode} · ${accountMrkdwn} · ${regionMrkdwn} · ${resourceCode}`, `${checkCode} · ${accountMrkdwn} · ${regionMrkdwn} · ${resourceCode}`),

  // Approval request (fix)
  fixRequestHeader: L('Fix approval request', '修正の承認依頼'),
  fixRequestFallback: (title: string): Localized => L(`Fix approval request: ${title}`, `修正の承認依頼: ${title}`),
  requestedBy: (userMrkdwn: string, whenMrkdwn: string): Localized =>
    L(`*Requested by* ${userMrkdwn} · ${whenMrkdwn}`, `*依頼者* ${userMrkdwn} · ${whenMrkdwn}`),
  planHeading: L('*Plan (read live from AWS)*', '*計画 (AWS から最新の状態を読み取り)*'),
  warningsHeading: L(':warning: *Before approving*', ':warning: *承認の前に*'),
  inputsLine: (cidr: string): Localized => L(`Keep access from: \`${e(cidr)}\``, `アクセスを残す送信元: \`${e(cidr)}\``),
  approversLine: (approversMrkdwn: string, selfAllowed: boolean): Localized =>
    L(
      `Approvers: ${approversMrkdwn}.${selfAllowed ? '' : ' The requester cannot approve their own request.'}`,
      `承認者: ${approversMrkdwn}。${selfAllowed ? '' : '依頼者は自分の依頼を承認できません。'}`,
    ),
  requestIdLine: (id: string): Localized => L(`Request \`${e(id)}\``, `依頼 \`${e(id)}\``),
  statusWaiting: (whenMrkdwn: string): Localized =>
    L(`:hourglass_flowing_sand: *Waiting for an approver* (expires ${whenMrkdwn}). Nothing changes until then.`, `:hourglass_flowing_sand: *承認待ち* (期限 ${whenMrkdwn})。承認されるまで何も変更されません。`),
  statusApplying: (userMrkdwn: string): Localized =>
    L(`:gear: *Approved by ${userMrkdwn}*; re-reading the resource and applying…`, `:gear: *${userMrkdwn} が承認しました*。リソースを読み直して適用しています…`),
  statusApplied: (userMrkdwn: string, whenMrkdwn: string, messageMrkdwn: string): Localized =>
    L(`:white_check_mark: *Applied* after approval by ${userMrkdwn} (${whenMrkdwn}).\n${messageMrkdwn}`, `:white_check_mark: *適用しました* (${userMrkdwn} が承認、${whenMrkdwn})。\n${messageMrkdwn}`),
  statusUnchanged: (userMrkdwn: string, messageMrkdwn: string): Localized =>
    L(`:information_source: *Nothing was changed* (approved by ${userMrkdwn}): ${messageMrkdwn}`, `:information_source: *何も変更していません* (${userMrkdwn} が承認): ${messageMrkdwn}`),
  statusFailed: (messageMrkdwn: string): Localized => L(`:x: *Failed*: ${messageMrkdwn}`, `:x: *失敗しました*: ${messageMrkdwn}`),
  statusRejected: (userMrkdwn: string, reason: string | undefined): Localized =>
    L(
      `:no_entry: *Rejected* by ${userMrkdwn}${reason ? `: ${e(reason)}` : '.'} Nothing was changed.`,
      `:no_entry: ${userMrkdwn} が*却下しました*${reason ? `: ${e(reason)}` : '。'} 何も変更していません。`,
    ),
  statusExpired: L(':hourglass: *Expired* before anyone approved it. Nothing was changed.', ':hourglass: 承認される前に*期限切れ*になりました。何も変更していません。'),
  statusUndoRequested: (userMrkdwn: string, whenMrkdwn: string): Localized =>
    L(
      `:leftwards_arrow_with_hook: ${userMrkdwn} *asks to undo* this fix. Waiting for an approver (expires ${whenMrkdwn}).`,
      `:leftwards_arrow_with_hook: ${userMrkdwn} がこの修正の*取り消しを依頼*しています。承認待ちです (期限 ${whenMrkdwn})。`,
    ),
  statusUndoing: (userMrkdwn: string): Localized => L(`:gear: *Undo approved by ${userMrkdwn}*; undoing…`, `:gear: *${userMrkdwn} が取り消しを承認しました*。取り消しています…`),
  statusUndone: (userMrkdwn: string, whenMrkdwn: string, messageMrkdwn: string): Localized =>
    L(`:leftwards_arrow_with_hook: *Undone* after approval by ${userMrkdwn} (${whenMrkdwn}).\n${messageMrkdwn}`, `:leftwards_arrow_with_hook: *取り消しました* (${userMrkdwn} が承認、${whenMrkdwn})。\n${messageMrkdwn}`),
  undoRejected: (userMrkdwn: string, reason: string | undefined): Localized =>
    L(`The undo was rejected by ${userMrkdwn}${reason ? `: ${e(reason)}` : '.'} The fix stays in place.`, `取り消しは ${userMrkdwn} により却下されました${reason ? `: ${e(reason)}` : '。'} 修正はそのまま残ります。`),
  accessHeading: L('*Your way in from now on (Session Manager)*', '*今後のアクセス方法 (Session Manager)*'),
  awsRequestIds: (ids: string): Localized => L(`AWS request ids: ${ids}`, `AWS リクエスト ID: ${ids}`),

  // Approval request (risk)
  riskRequestHeader: L('Risk acceptance request', 'リスク受容の承認依頼'),
  riskRequestFallback: L('Risk acceptance request', 'リスク受容の承認依頼'),
  riskReason: (reason: string): Localized => L(`*Reason* ${e(reason)}`, `*理由* ${e(reason)}`),
  riskUntil: (whenMrkdwn: string): Localized => L(`*Accepted until* ${whenMrkdwn}`, `*受容期限* ${whenMrkdwn}`),
  riskStatusWaiting: (whenMrkdwn: string): Localized =>
    L(`:hourglass_flowing_sand: *Waiting for an approver* (expires ${whenMrkdwn}).`, `:hourglass_flowing_sand: *承認待ち* (期限 ${whenMrkdwn})。`),
  riskStatusAccepted: (userMrkdwn: string): Localized =>
    L(`:no_bell: *Accepted* by ${userMrkdwn}. Scans show this finding as MUTED until the acceptance expires.`, `:no_bell: ${userMrkdwn} が*受容しました*。期限まで、スキャンではこの検出結果を MUTED と表示します。`),
  riskStatusRejected: (userMrkdwn: string, reason: string | undefined): Localized =>
    L(`:no_entry: *Rejected* by ${userMrkdwn}${reason ? `: ${e(reason)}` : '.'}`, `:no_entry: ${userMrkdwn} が*却下しました*${reason ? `: ${e(reason)}` : '。'}`),
  riskStatusExpired: L(':hourglass: *Expired* before anyone approved it.', ':hourglass: 承認される前に*期限切れ*になりました。'),
  riskStatusRevoked: (userMrkdwn: string): Localized =>
    L(`:bell: *Revoked* by ${userMrkdwn}: the finding fails again from the next scan.`, `:bell: ${userMrkdwn} が*取り消しました*。次回のスキャンから再び不合格になります。`),

  // To the requester
  fixRequested: (channelMrkdwn: string, titleMrkdwn: string): Localized =>
    L(
      `:outbox_tray: Your request to *${titleMrkdwn}* is waiting for an approver in ${channelMrkdwn}. You'll hear from me when it is decided.`,
      `:outbox_tray: *${titleMrkdwn}* の依頼は ${channelMrkdwn} で承認待ちです。結果が出たらお知らせします。`,
    ),
  alreadyFixed: (linesMrkdwn: string): Localized =>
    L(`:information_source: Nothing to fix, so no request was made:\n${linesMrkdwn}`, `:information_source: 修正することがないため、依頼は作成していません:\n${linesMrkdwn}`),
  previewFailed: (reason: string): Localized =>
    L(
      `:x: awscheck could not read the resource to prepare the fix, so no request was made: ${e(reason)}`,
      `:x: 修正の準備のためにリソースを読み取れなかったため、依頼は作成していません: ${e(reason)}`,
    ),
  requestOpen: (stateMrkdwn: string): Localized =>
    L(`:information_source: A fix for this finding is already under way (${stateMrkdwn}); see the approval channel.`, `:information_source: この検出結果の修正はすでに進行中です (${stateMrkdwn})。承認用チャンネルを確認してください。`),
  noFix: L(':information_source: awscheck has no automatic fix for this finding; the Explain button has the steps.', ':information_source: この検出結果には自動修正がありません。手順は「解説」ボタンで確認できます。'),
  findingGone: L(
    ':warning: awscheck does not know that finding (the button may be from an old message). Run the scan again and use the new message.',
    ':warning: その検出結果が見つかりません (古いメッセージのボタンかもしれません)。もう一度スキャンして、新しいメッセージのボタンを使ってください。',
  ),
  requestGone: L(':warning: awscheck does not know that request.', ':warning: その依頼が見つかりません。'),
  notPosted: (reason: string): Localized =>
    L(
      `:x: The approval request could not be posted to the approval channel (${e(reason)}). Invite awscheck there with /invite @awscheck, or check AWSCHECK_APPROVAL_CHANNEL, then try again.`,
      `:x: 承認依頼を承認用チャンネルに投稿できませんでした (${e(reason)})。/invite @awscheck で awscheck を招待するか、AWSCHECK_APPROVAL_CHANNEL を確認してから、もう一度お試しください。`,
    ),
  outcomeForRequester: (statusMrkdwn: string): Localized => L(`Update on your fix request:\n${statusMrkdwn}`, `修正依頼の結果です:\n${statusMrkdwn}`),
  undoRequested: (channelMrkdwn: string): Localized =>
    L(`:outbox_tray: Your undo request is waiting for an approver in ${channelMrkdwn}.`, `:outbox_tray: 取り消しの依頼は ${channelMrkdwn} で承認待ちです。`),
  notUndoable: (stateMrkdwn: string): Localized =>
    L(`:information_source: Only an applied fix can be undone; this one is ${stateMrkdwn}.`, `:information_source: 取り消せるのは適用済みの修正だけです。この修正の状態: ${stateMrkdwn}`),
  riskAccepted: (whenMrkdwn: string): Localized =>
    L(`:no_bell: Risk accepted until ${whenMrkdwn}. Scans show the finding as MUTED until then.`, `:no_bell: ${whenMrkdwn} までリスクを受容しました。それまでスキャンではこの検出結果を MUTED と表示します。`),
  riskRequested: (channelMrkdwn: string): Localized =>
    L(`:outbox_tray: Your risk acceptance is waiting for an approver in ${channelMrkdwn}.`, `:outbox_tray: リスク受容の依頼は ${channelMrkdwn} で承認待ちです。`),
  riskAlready: (whenMrkdwn: string): Localized =>
    L(`:information_source: This finding already has an acceptance (until ${whenMrkdwn}) or one waiting for approval.`, `:information_source: この検出結果にはすでにリスク受容 (${whenMrkdwn} まで) か、承認待ちの受容があります。`),
  riskOutcome: (statusMrkdwn: string): Localized => L(`Update on your risk acceptance:\n${statusMrkdwn}`, `リスク受容の結果です:\n${statusMrkdwn}`),

  // To whoever clicked
  notApprover: L(
    ":no_entry: Only approvers (AWSCHECK_APPROVERS) can do that. Nothing was changed.",
    ':no_entry: この操作ができるのは承認者 (AWSCHECK_APPROVERS) だけです。何も変更していません。',
  ),
  ownRequest: L(
    ':no_entry: You asked for this yourself, so someone else must approve it. Nothing was changed.',
    ':no_entry: ご自身の依頼のため、別の承認者が承認する必要があります。何も変更していません。',
  ),
  notWaiting: (stateMrkdwn: string): Localized =>
    L(`:information_source: This request is no longer waiting for that decision (it is ${stateMrkdwn}). Nothing more was done.`, `:information_source: この依頼はもうその判断を待っていません (状態: ${stateMrkdwn})。これ以上は何もしていません。`),
  expired: L(':hourglass: This request has expired, so nothing was done. Ask again from a fresh scan if it is still needed.', ':hourglass: この依頼は期限切れのため、何もしていません。必要であれば、新しいスキャン結果からもう一度依頼してください。'),
  notAllowedToRequest: L(
    "Sorry, only the people who may run awscheck scans (AWSCHECK_SCANNERS) can ask for fixes or accept risks.",
    '申し訳ありません。修正の依頼やリスクの受容ができるのは、awscheck のスキャンを実行できるメンバー (AWSCHECK_SCANNERS) だけです。',
  ),
  remediationOff: L(
    ':no_entry: Remediation is turned off in this awscheck (AWSCHECK_REMEDIATION), so nothing was done. Buttons from earlier messages no longer work.',
    ':no_entry: この awscheck ではリメディエーションが無効 (AWSCHECK_REMEDIATION) のため、何もしていません。以前のメッセージのボタンはもう使えません。',
  ),
  revoked: L(':bell: Revoked: the finding fails again from the next scan.', ':bell: 取り消しました。次回のスキャンから再び不合格になります。'),

  // /awscheck risks
  risksHelp: L('`/awscheck risks` — accepted risks and when they expire', '`/awscheck risks` — 受容済みのリスクと期限'),
  risksHeader: (n: number): Localized => L(`Accepted risks (${n})`, `受容済みのリスク (${n} 件)`),
  risksEmpty: L('No accepted risks: every failing finding shows as FAIL.', '受容済みのリスクはありません。不合格はすべて FAIL と表示されます。'),
  riskItem: (evidenceMrkdwn: string, whereMrkdwn: string, whenMrkdwn: string, byMrkdwn: string, reason: string): Localized =>
    L(
      `${evidenceMrkdwn}\n${whereMrkdwn}\nUntil ${whenMrkdwn} · accepted by ${byMrkdwn} · ${e(reason)}`,
      `${evidenceMrkdwn}\n${whereMrkdwn}\n期限 ${whenMrkdwn} · 受容者 ${byMrkdwn} · ${e(reason)}`,
    ),
  risksWaiting: (n: number): Localized => L(`${n} more waiting for an approver.`, `ほかに承認待ちが ${n} 件あります。`),
  risksFooter: L('Approvers can revoke an acceptance; the finding then fails again from the next scan.', '承認者は受容を取り消せます。取り消すと、次回のスキャンから再び不合格になります。'),
  risksMore: (n: number): Localized => L(`…and ${n} more (see \`awscheck audit\`).`, `…ほか ${n} 件 (\`awscheck audit\` を参照)。`),
  remediationUnavailable: L(
    'Remediation is not set up in this awscheck (no store), so there are no accepted risks or audit trail to show.',
    'この awscheck ではリメディエーションが設定されていない (ストアがない) ため、受容済みのリスクや監査証跡を表示できません。',
  ),

  // /awscheck audit
  auditHelp: L('`/awscheck audit [N]` — the latest N entries of the audit trail (default 10)', '`/awscheck audit [N]` — 監査証跡の最新 N 件 (既定 10 件)'),
  auditHeader: (n: number): Localized => L(`Audit trail: latest ${n}`, `監査証跡: 最新 ${n} 件`),
  auditEmpty: L('The audit trail is empty: no fix or risk acceptance has been requested yet.', '監査証跡は空です。修正やリスク受容はまだ依頼されていません。'),
  auditUsage: (word: string): Localized =>
    L(`I didn't understand ${word}: give a number of entries from 1 to 50, e.g. \`/awscheck audit 20\`.`, `${word} は理解できませんでした。1〜50 の件数を指定してください (例: \`/awscheck audit 20\`)。`),
  auditFooter: L('The full trail, with before and after states: `awscheck audit --format csv`', '変更前後の状態を含む全件: `awscheck audit --format csv`'),
} as const;

/** How each state of a fix request is called in messages. */
export const REQUEST_STATE_NAMES: Record<string, Localized> = {
  requested: L('waiting for approval', '承認待ち'),
  approved: L('approved', '承認済み'),
  applying: L('being applied', '適用中'),
  applied: L('applied', '適用済み'),
  unchanged: L('nothing to change', '変更なし'),
  failed: L('failed', '失敗'),
  rejected: L('rejected', '却下'),
  expired: L('expired', '期限切れ'),
  undo_requested: L('undo waiting for approval', '取り消しの承認待ち'),
  undoing: L('being undone', '取り消し中'),
  undone: L('undone', '取り消し済み'),
};

export const RISK_STATE_NAMES: Record<string, Localized> = {
  requested: L('waiting for approval', '承認待ち'),
  accepted: L('accepted', '受容済み'),
  rejected: L('rejected', '却下'),
  expired: L('expired', '期限切れ'),
  revoked: L('revoked', '取り消し済み'),
};

/** Audit event names for people. */
export const AUDIT_EVENT_NAMES: Record<string, Localized> = {
  'fix.requested': L('fix requested', '修正を依頼'),
  'fix.refused': L('refused (not allowed)', '拒否 (権限なし)'),
  'fix.approved': L('fix approved', '修正を承認'),
  'fix.rejected': L('fix rejected', '修正を却下'),
  'fix.expired': L('request expired', '依頼が期限切れ'),
  'fix.applied': L('fix applied', '修正を適用'),
  'fix.unchanged': L('nothing to change', '変更なし'),
  'fix.failed': L('fix failed', '修正に失敗'),
  'fix.undo-requested': L('undo requested', '取り消しを依頼'),
  'fix.undo-approved': L('undo approved', '取り消しを承認'),
  'fix.undo-rejected': L('undo rejected', '取り消しを却下'),
  'fix.undo-expired': L('undo request expired', '取り消しの依頼が期限切れ'),
  'fix.undone': L('fix undone', '修正を取り消し'),
  'fix.undo-failed': L('undo failed', '取り消しに失敗'),
  'fix.reconciled': L('settled by reading AWS (its process had stopped)', 'AWS を読み取って確定 (処理中のプロセスが停止)'),
  'fix.late-write': L('write landed after settlement', '確定後に書き込みが反映'),
  'batch.requested': L('Fix all requested', '一括修正を依頼'),
  'batch.refused': L('refused (not allowed)', '拒否 (権限なし)'),
  'batch.approved': L('Fix all approved', '一括修正を承認'),
  'batch.rejected': L('Fix all rejected', '一括修正を却下'),
  'batch.expired': L('Fix all expired', '一括修正が期限切れ'),
  'batch.failed': L('Fix all not posted', '一括修正を投稿できず'),
  'batch.done': L('Fix all finished', '一括修正が完了'),
  'batch.stopped': L('Fix all stopped', '一括修正を停止'),
  'batch.undo-requested': L('Undo all requested', '一括取り消しを依頼'),
  'batch.undo-approved': L('Undo all approved', '一括取り消しを承認'),
  'batch.undo-rejected': L('Undo all rejected', '一括取り消しを却下'),
  'batch.undo-expired': L('Undo all expired', '一括取り消しが期限切れ'),
  'batch.undone': L('Undo all finished', '一括取り消しが完了'),
  'risk.requested': L('risk acceptance requested', 'リスク受容を依頼'),
  'risk.refused': L('refused (not allowed)', '拒否 (権限なし)'),
  'risk.accepted': L('risk accepted', 'リスクを受容'),
  'risk.rejected': L('risk acceptance rejected', 'リスク受容を却下'),
  'risk.expired': L('acceptance request expired', 'リスク受容の依頼が期限切れ'),
  'risk.revoked': L('risk acceptance revoked', 'リスク受容を取り消し'),
};
