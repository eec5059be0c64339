// Every word of the posture report, in English and Japanese. `{name}` placeholders are filled by t().
import type { Counted, Localized } from '../i18n/locale.ts';

export const REPORT_TEXT = {
  title: { en: 'AWS security posture report', ja: 'AWS セキュリティ態勢レポート' },
  scanFinished: { en: 'Scan finished {time}', ja: 'スキャン完了 {time}' },
  comparedWith: { en: 'compared with the scan of {time}', ja: '{time} のスキャンと比較' },
  noBaseline: {
    en: 'No earlier comparable scan, so every failing finding is listed as first seen.',
    ja: '比較できる過去のスキャンがないため、不合格はすべて初検出として扱います。',
  },
  scoreChange: { en: '{delta} since the last report', ja: '前回レポートから {delta}' },
  scoreFirst: { en: 'first report', ja: '初回のレポート' },
  scoreHelp: {
    en: 'Share of evaluated checks that pass, weighted by severity (critical 10, high 5, medium 3, low 1).',
    ja: '評価できたチェックのうち合格した割合 (重要度で重み付け: 重大 10、高 5、中 3、低 1)。',
  },
  trend: { en: 'Last 14 days', ja: '過去 14 日間' },
  failingBySeverity: { en: 'Failing by severity', ja: '重要度別の不合格数' },
  errorsTitle: {
    en: 'Parts of this scan could not run. Their results are unknown, not passed:',
    ja: 'スキャンの一部を実行できませんでした。該当する結果は「合格」ではなく「不明」です:',
  },
  allAccounts: { en: 'all accounts', ja: '全アカウント' },
  newTitle: { en: 'New since the last report ({count})', ja: '前回レポート以降の新たな不合格 ({count} 件)' },
  nothingNew: { en: 'Nothing new is failing.', ja: '新たな不合格はありません。' },
  firstSeenTitle: {
    en: 'First seen ({count}): no earlier result to compare with (check or region added, or unknown last time)',
    ja: '初検出 ({count} 件): 比較できる前回の結果がありません (チェックやリージョンの追加、または前回は不明)',
  },
  resolvedTitle: { en: 'Resolved since the last report ({count})', ja: '前回レポート以降に解決 ({count} 件)' },
  nothingResolved: { en: 'Nothing was resolved.', ja: '解決した項目はありません。' },
  gone: {
    en: {
      one: '{count} earlier failure no longer appears because the resource was deleted.',
      other: '{count} earlier failures no longer appear because the resource was deleted.',
    },
    ja: { other: '以前の不合格 {count} 件は、リソースが削除されたため表示されなくなりました。' },
  },
  unknown: {
    en: {
      one: '{count} earlier failure could not be re-checked this time (see the errors above).',
      other: '{count} earlier failures could not be re-checked this time (see the errors above).',
    },
    ja: { other: '以前の不合格 {count} 件は今回再確認できませんでした (上記のエラーを参照)。' },
  },
  outOfScope: {
    en: {
      one: '{count} earlier failure is in a region or check this scan did not cover.',
      other: '{count} earlier failures are in regions or checks this scan did not cover.',
    },
    ja: { other: '以前の不合格 {count} 件は、今回のスキャン対象外のリージョンまたはチェックのものです。' },
  },
  more: { en: '…and {count} more in the attached CSV.', ja: '…ほか {count} 件は添付の CSV を参照してください。' },
  moreNoCsv: { en: '…and {count} more.', ja: '…ほか {count} 件。' },
  expiringTitle: {
    en: 'Accepted risks expiring within 7 days ({count})',
    ja: '7 日以内に期限が切れるリスク受容 ({count} 件)',
  },
  expiry: { en: 'expires {time}; accepted by {who}: {reason}', ja: '期限 {time}、{who} が受容: {reason}' },
  expiredTitle: {
    en: 'Accepted risks that expired since the last report: failing again ({count})',
    ja: '前回レポート以降に期限が切れたリスク受容: 再び不合格 ({count} 件)',
  },
  expired: { en: 'expired {time}; had been accepted by {who}: {reason}', ja: '{time} に期限切れ (受容者 {who}: {reason})' },
  csvNote: {
    en: { one: 'The {count} result is in the attached CSV.', other: 'All {count} results are in the attached CSV.' },
    ja: { other: '全 {count} 件の結果は添付の CSV にあります。' },
  },
  csvTitle: { en: 'awscheck results {date}', ja: 'awscheck 結果 {date}' },
  fallback: {
    en: 'AWS posture report {date}: score {score}, {fail} failing, {new} new, {resolved} resolved',
    ja: 'AWS セキュリティ態勢レポート {date}: スコア {score}、不合格 {fail} 件、新規 {new} 件、解決 {resolved} 件',
  },
  runFailed: {
    en: 'The daily AWS posture report could not be produced: the scan did not run ({reason}).',
    ja: '本日の AWS セキュリティ態勢レポートを作成できませんでした。スキャンを実行できませんでした ({reason})。',
  },
  fallbackErrors: { en: ' (some checks could not run)', ja: ' (一部のチェックを実行できませんでした)' },
} satisfies Record<string, Localized | Counted>;

/** The `/awscheck report` subcommand's replies. */
export const REPORT_COMMAND_TEXT = {
  help: {
    en: '`/awscheck report` — post the posture report to the report channel now\n`/awscheck report preview` — show it only to you',
    ja: '`/awscheck report` — セキュリティ態勢レポートを今すぐレポート用チャンネルに投稿\n`/awscheck report preview` — レポートをあなたにだけ表示',
  },
  usage: {
    en: 'Unknown option `{word}`: use `/awscheck report` or `/awscheck report preview`.',
    ja: '不明なオプション `{word}` です。`/awscheck report` または `/awscheck report preview` を使ってください。',
  },
  posting: {
    en: 'Scanning for the posture report; it will be posted to {channel}.',
    ja: 'レポート用にスキャンしています。完了後 {channel} に投稿します。',
  },
  previewing: {
    en: 'Scanning for a preview of the posture report; only you will see it.',
    ja: 'レポートのプレビュー用にスキャンしています。あなたにだけ表示されます。',
  },
  posted: { en: 'Posted the posture report to {channel}.', ja: '{channel} にセキュリティ態勢レポートを投稿しました。' },
  notPosted: {
    en: 'The report was built and kept, but not posted: {reason}',
    ja: 'レポートは作成して保存しましたが、投稿できませんでした: {reason}',
  },
  noChannel: {
    en: 'No report channel is set. Set AWSCHECK_REPORT_CHANNEL to the channel ID and invite the bot there (`/invite @awscheck`). Meanwhile, `/awscheck report preview` shows the report to you.',
    ja: 'レポート用チャンネルが設定されていません。AWSCHECK_REPORT_CHANNEL にチャンネル ID を設定し、そのチャンネルにボットを招待してください (`/invite @awscheck`)。それまでは `/awscheck report preview` であなたにだけ表示できます。',
  },
  previewNote: {
    en: 'Preview: only you see this. The posted report attaches every result as a CSV file.',
    ja: 'プレビュー: あなたにだけ表示されています。投稿されるレポートには全結果の CSV ファイルが添付されます。',
  },
  failed: { en: 'The report could not be made: {reason}', ja: 'レポートを作成できませんでした: {reason}' },
} satisfies Record<string, Localized>;
