// The sentences the remediation domain stores on a record for people to read later (a reconciliation, an
// undo that was rejected or failed), in English and Japanese; the bot's locale picks one when stored.
import type { Localized } from '../i18n/locale.ts';

export const NOTES = {
  reconciledApplied: (message: string): Localized => ({
    en: `awscheck restarted while this fix was being applied. AWS shows it applied: ${message}`,
    ja: `この修正の適用中に awscheck が再起動しました。AWS 上では適用済みです: ${message}`,
  }),
  reconciledUnchanged: (message: string): Localized => ({
    en: `awscheck restarted while this fix was being applied. AWS shows no change, so it was not applied and was not retried: ${message} Request the fix again if it is still needed.`,
    ja: `この修正の適用中に awscheck が再起動しました。AWS 上では変更されていないため、適用されておらず、再実行もしていません: ${message} 必要であれば、もう一度修正を依頼してください。`,
  }),
  errorButChanged: (error: string): Localized => ({
    en: `Applying reported an error (${error}), but AWS shows the change made, so it is recorded as applied and can be undone.`,
    ja: `適用中にエラーが報告されましたが (${error})、AWS 上では変更が反映されているため、適用済みとして記録しました。取り消すこともできます。`,
  }),
  interruptedBeforeApply: {
    en: 'awscheck restarted after this request was approved but before anything was changed in AWS. Nothing was changed; request the fix again.',
    ja: 'この依頼の承認後、AWS で何も変更する前に awscheck が再起動しました。何も変更していません。もう一度修正を依頼してください。',
  },
  undoInterrupted: {
    en: 'awscheck restarted while undoing this fix, so the undo may or may not have happened. Nothing was retried automatically; press Undo again: it reads AWS first and only puts back what is missing.',
    ja: 'この修正の取り消し中に awscheck が再起動したため、取り消しが行われたかどうかは不明です。自動では再実行していません。もう一度「取り消す」を押してください。先に AWS を読み取り、足りないものだけを元に戻します。',
  },
  lateWrite: (state: string): Localized => ({
    en: `This write reached AWS after another awscheck process had settled the request as ${state} (this one had lost its hold on it). Scan again to see the resource as it is now.`,
    ja: `この書き込みは、別の awscheck プロセスが依頼を ${state} として確定した後に AWS に届きました (このプロセスは保持を失っていました)。再スキャンして現在の状態を確認してください。`,
  }),
  undoFailed: (error: string): Localized => ({
    en: `The undo failed: ${error}. The fix is still in place; the undo can be requested again.`,
    ja: `取り消しに失敗しました: ${error}。修正はそのまま残っています。取り消しはもう一度依頼できます。`,
  }),
  undoExpired: {
    en: 'The undo request expired before anyone approved it. The fix stays in place.',
    ja: '取り消しの依頼は、承認される前に期限切れになりました。修正はそのまま残ります。',
  },
  unknownFix: (id: string): Localized => ({
    en: `This awscheck no longer has the fix ${id}, so nothing was changed.`,
    ja: `この awscheck には修正 ${id} がもうないため、何も変更していません。`,
  }),
  notPosted: (reason: string): Localized => ({
    en: `The approval request could not be posted to the approval channel (${reason}), so nobody could approve it.`,
    ja: `承認依頼を承認用チャンネルに投稿できなかったため (${reason})、誰も承認できませんでした。`,
  }),
} as const;
