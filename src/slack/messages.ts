// Every string a Slack user reads, in English and Japanese. Values from AWS or users are escaped here, so
// each message is ready for mrkdwn; callers pick the locale with `say(locale, …)`.
import type { Severity } from '../engine/types.ts';
import { SEVERITY_NAMES } from '../i18n/severity.ts';
import { serviceName } from '../render/progress.ts';
import type { Locale, Localized } from '../i18n/locale.ts';
import { code, escapeMrkdwn } from './mrkdwn.ts';

const L = (en: string, ja: string): Localized => ({ en, ja });

export function say(locale: Locale, message: Localized): string {
  return message[locale];
}

export const SEVERITY_EMOJI: Record<Severity, string> = {
  critical: ':red_circle:',
  high: ':large_orange_circle:',
  medium: ':large_yellow_circle:',
  low: ':large_blue_circle:',
  info: ':white_circle:',
};

export const MSG = {
  severity: (severity: Severity): Localized => SEVERITY_NAMES[severity],
  service: (service: string): Localized => L(escapeMrkdwn(serviceName(service, 'en')), escapeMrkdwn(serviceName(service, 'ja'))),

  // Progress
  scanning: L(':hourglass_flowing_sand: Scanning… this message updates as it goes.', ':hourglass_flowing_sand: スキャンしています… 進み具合はこのメッセージでお知らせします。'),
  scope: (what: string): Localized => L(`Scope: ${what}`, `対象: ${what}`),
  resultsPosted: L('Done: the results are posted in this channel.', '完了しました。結果はこのチャンネルに投稿しました。'),

  // Scope descriptions
  allChecks: L('all checks', 'すべてのチェック'),
  allAccounts: L('all accounts', 'すべてのアカウント'),
  allRegions: L('all enabled regions', '有効なすべてのリージョン'),
  accountsList: (names: string): Localized => L(`account ${names}`, `アカウント ${names}`),
  regionsList: (names: string): Localized => L(`region ${names}`, `リージョン ${names}`),

  // Who may scan
  notAllowed: L(
    "Sorry, you're not on the list of people who can run awscheck scans. Ask whoever runs awscheck to add you, or a user group you belong to, to `AWSCHECK_SCANNERS`.",
    '申し訳ありません。awscheck のスキャンを実行できるメンバーに含まれていません。awscheck の管理者に、あなた自身かあなたが所属するユーザーグループを `AWSCHECK_SCANNERS` に追加するよう依頼してください。',
  ),
  homeNotAllowed: L(
    'Scan results are shown only to the people who may run scans (`AWSCHECK_SCANNERS`).',
    'スキャン結果は、スキャンの実行を許可されたメンバー (`AWSCHECK_SCANNERS`) にのみ表示されます。',
  ),

  // Failures
  scanUnavailable: (reason: string): Localized =>
    L(`:x: The scan could not run: ${escapeMrkdwn(reason)}`, `:x: スキャンを実行できませんでした: ${escapeMrkdwn(reason)}`),
  selectionRejected: (reason: string): Localized =>
    L(`That selection can't be scanned: ${escapeMrkdwn(reason)}`, `その指定ではスキャンできません: ${escapeMrkdwn(reason)}`),
  unexpected: L(
    ':warning: Something went wrong on my side; the details are in the awscheck log. Please try again in a moment.',
    ':warning: awscheck 側で問題が発生しました。詳細は awscheck のログに記録されています。少し待ってからもう一度お試しください。',
  ),

  // Results
  resultsHeader: (score: number | undefined): Localized =>
    score === undefined
      ? L('awscheck · no score (nothing could be evaluated)', 'awscheck · スコアなし (評価できた項目がありません)')
      : L(`awscheck · posture score ${score}/100`, `awscheck · セキュリティスコア ${score}/100`),
  resultsFallback: (score: number | undefined, critical: number, high: number, errors: number): Localized =>
    L(
      `awscheck: score ${score ?? 'n/a'}, ${critical} critical and ${high} high findings${errors ? `, ${errors} checks could not run` : ''}`,
      `awscheck: スコア ${score ?? 'なし'}、重大 ${critical} 件・高 ${high} 件${errors ? `、実行できなかったチェック ${errors} 件` : ''}`,
    ),
  passedCount: (n: number): Localized => L(`:white_check_mark: ${n} passed`, `:white_check_mark: 合格 ${n}`),
  mutedCount: (n: number): Localized => L(`:no_bell: ${n} accepted risks`, `:no_bell: 受容済みリスク ${n}`),
  errorCount: (n: number): Localized => L(`:warning: ${n} could not run`, `:warning: 実行不可 ${n}`),
  scanFacts: (accounts: number, regions: number, seconds: number): Localized =>
    L(
      `${accounts} account${accounts === 1 ? '' : 's'}${regions ? ` · ${regions} region${regions === 1 ? '' : 's'}` : ''} · ${seconds}s`,
      `アカウント ${accounts}${regions ? ` · リージョン ${regions}` : ''} · ${seconds} 秒`,
    ),
  errorsTitle: (checks: number): Localized =>
    L(
      `:warning: *${checks} check${checks === 1 ? '' : 's'} could not run, so these results are incomplete.* Nothing below is a pass for them.`,
      `:warning: *${checks} 件のチェックを実行できなかったため、この結果は不完全です。* それらのチェックは合格扱いではありません。`,
    ),
  errorLine: (where: string, reason: string, checks: string): Localized =>
    L(`• ${where}: ${escapeMrkdwn(reason)}${checks ? ` (${checks})` : ''}`, `• ${where}: ${escapeMrkdwn(reason)}${checks ? ` (${checks})` : ''}`),
  andMore: (n: number): Localized => L(`…and ${n} more`, `…ほか ${n} 件`),
  noFindings: L(':white_check_mark: No failing findings.', ':white_check_mark: 不合格の項目はありません。'),
  severityHeading: (severity: Severity, n: number): Localized =>
    L(
      `${SEVERITY_EMOJI[severity]} *${SEVERITY_NAMES[severity].en}* · ${n} finding${n === 1 ? '' : 's'}`,
      `${SEVERITY_EMOJI[severity]} *${SEVERITY_NAMES[severity].ja}* · ${n} 件`,
    ),
  explainButton: L('Explain', '解説'),
  truncated: (shown: number, total: number): Localized =>
    L(`Showing the top ${shown} of ${total} findings.`, `${total} 件中、上位 ${shown} 件を表示しています。`),
  csvInDm: L('The full list is attached as a CSV file in your direct messages with awscheck.', '全件の一覧は CSV ファイルとして awscheck とのダイレクトメッセージに添付しました。'),
  csvInChannel: L('The full list is attached as a CSV file in this channel.', '全件の一覧は CSV ファイルとしてこのチャンネルに添付しました。'),
  csvUnavailable: (reason: string): Localized =>
    L(
      `The full list could not be attached (${escapeMrkdwn(reason)}). Invite awscheck to this channel, or get it with \`npx awscheck scan --format csv\`.`,
      `全件の一覧を添付できませんでした (${escapeMrkdwn(reason)})。awscheck をこのチャンネルに招待するか、\`npx awscheck scan --format csv\` で取得してください。`,
    ),
  csvTitle: L('awscheck findings (full list)', 'awscheck 検出結果 (全件)'),
  csvComment: L('The full results of your /awscheck scan.', '/awscheck によるスキャン結果の全件です。'),
  dmFallback: L(
    'Your /awscheck results (Slack no longer accepted a reply in the original conversation):',
    '/awscheck の結果です (元の会話には返信できなくなっていたため、こちらに送ります):',
  ),

  // Explain
  whyHeading: L('*Why it matters*', '*なぜ重要か*'),
  guideHeading: L('*How to fix*', '*対処方法*'),
  checkFacts: (id: string, severity: Severity, cis: string, hub: string): Localized =>
    L(
      `${code(id)} · ${SEVERITY_EMOJI[severity]} ${SEVERITY_NAMES[severity].en}${cis ? ` · CIS ${cis}` : ''}${hub ? ` · Security Hub ${hub}` : ''}`,
      `${code(id)} · ${SEVERITY_EMOJI[severity]} ${SEVERITY_NAMES[severity].ja}${cis ? ` · CIS ${cis}` : ''}${hub ? ` · Security Hub ${hub}` : ''}`,
    ),
  explainModalTitle: L('awscheck', 'awscheck'),
  close: L('Close', '閉じる'),
  explainWhich: L(
    'Which check? For example `/awscheck explain iam.root-mfa`; `/awscheck checks` lists them all.',
    'どのチェックですか? 例: `/awscheck explain iam.root-mfa`。`/awscheck checks` で一覧を表示できます。',
  ),
  unknownCheck: (id: string, suggestions: readonly string[]): Localized =>
    L(
      `There is no check called ${code(id)}.${suggestions.length ? ` Did you mean ${suggestions.map(code).join(', ')}?` : ''} \`/awscheck checks\` lists them all.`,
      `${code(id)} というチェックはありません。${suggestions.length ? `${suggestions.map(code).join('、')} のことですか? ` : ''}\`/awscheck checks\` で一覧を表示できます。`,
    ),

  // Catalogue
  checksHeader: (n: number): Localized => L(`awscheck · ${n} checks`, `awscheck · ${n} 件のチェック`),
  checksFooter: L('`/awscheck explain CHECK-ID` tells why a check matters and how to fix it.', '`/awscheck explain CHECK-ID` で、チェックの重要性と対処方法を表示します。'),
  checksEmpty: L('No checks match.', '該当するチェックはありません。'),

  // Help
  helpHeader: L('awscheck · help', 'awscheck · ヘルプ'),
  helpIntro: L(
    'awscheck checks *your side* of the AWS shared responsibility model: IAM identities and keys, S3 exposure, security groups, patching and instance settings.',
    'awscheck は AWS 責任共有モデルの *お客様側* の設定 (IAM の ID とキー、S3 の公開状態、セキュリティグループ、パッチ適用、インスタンス設定) をチェックします。',
  ),
  helpProblem: (problem: string): Localized => L(`:information_source: ${problem} Here is what I can do:`, `:information_source: ${problem}使い方は次のとおりです。`),
  helpScan: L(
    '`/awscheck` — scan everything\n`/awscheck iam|s3|ec2|ssm|detect` — one service\n`/awscheck CHECK-ID` — one check, e.g. `/awscheck iam.root-mfa`',
    '`/awscheck` — すべてをスキャン\n`/awscheck iam|s3|ec2|ssm|detect` — 1 つのサービスだけ\n`/awscheck CHECK-ID` — 1 つのチェックだけ (例: `/awscheck iam.root-mfa`)',
  ),
  helpExplain: L('`/awscheck explain CHECK-ID` — why a check matters and how to fix it', '`/awscheck explain CHECK-ID` — チェックの重要性と対処方法'),
  helpChecks: L('`/awscheck checks [SERVICE]` — the list of checks', '`/awscheck checks [サービス]` — チェックの一覧'),
  helpHelp: L('`/awscheck help` — this help', '`/awscheck help` — このヘルプ'),
  helpOptions: L(
    'Narrow a scan with `account=NAME|ID` and `region=REGION` (comma-separated lists work). Add `public` to show the results to the channel; otherwise only you see them.',
    '`account=名前|ID` と `region=リージョン` でスキャン対象を絞り込めます (カンマ区切りで複数指定可)。`public` を付けると結果をチャンネル全体に表示します。付けない場合はあなただけに表示されます。',
  ),

  // Parser problems
  unknownWord: (word: string): Localized => L(`I didn't understand ${code(word)}.`, `${code(word)} は理解できませんでした。`),
  unknownOption: (key: string): Localized =>
    L(`I don't know the option ${code(`${key}=`)}; use \`account=\` or \`region=\`.`, `${code(`${key}=`)} というオプションはありません。\`account=\` か \`region=\` を使ってください。`),
  emptyOption: (key: string): Localized => L(`${code(`${key}=`)} needs a value.`, `${code(`${key}=`)} には値が必要です。`),
  badRegion: (region: string): Localized =>
    L(`${code(region)} is not a region name; regions look like \`ap-northeast-1\`.`, `${code(region)} はリージョン名ではありません。リージョン名は \`ap-northeast-1\` のような形式です。`),
  unknownAccount: (account: string, configured: string): Localized =>
    L(`I don't know the account ${code(account)}. Configured accounts: ${configured}.`, `${code(account)} というアカウントは設定されていません。設定済みのアカウント: ${configured}`),
  noAccountsConfigured: L(
    'No accounts are configured, so awscheck scans the account its own credentials belong to; `account=` has nothing to choose from. Add accounts to awscheck.yml to scan several.',
    'アカウントが設定されていないため、awscheck は自身の認証情報のアカウントをスキャンします。`account=` で選べるアカウントはありません。複数のアカウントをスキャンするには awscheck.yml にアカウントを追加してください。',
  ),

  // App Home
  homeHeader: L('awscheck · latest scans', 'awscheck · 最新のスキャン'),
  homeEmpty: L('No scans yet. Run `/awscheck` in any channel to start one.', 'まだスキャンしていません。任意のチャンネルで `/awscheck` を実行して開始してください。'),
  homeAccount: (name: string, id: string): Localized => L(`*${escapeMrkdwn(name)}* (${escapeMrkdwn(id)})`, `*${escapeMrkdwn(name)}* (${escapeMrkdwn(id)})`),
  homeLastScan: (when: string): Localized => L(`*Last scan*\n${when}`, `*最終スキャン*\n${when}`),
  homeScore: (score: number | undefined): Localized =>
    L(`*Score*\n${score === undefined ? 'n/a' : `${score}/100`}`, `*スコア*\n${score === undefined ? 'なし' : `${score}/100`}`),
  homeScope: (what: string): Localized => L(`*Scope*\n${what}`, `*対象*\n${what}`),
  homeCounts: (counts: string): Localized => L(`*Failing*\n${counts}`, `*不合格*\n${counts}`),
  homeCriticalTitle: (n: number): Localized => L(`*Open critical findings (${n})*`, `*未解決の重大な検出結果 (${n} 件)*`),
  homeNoCritical: L(':white_check_mark: No open critical findings.', ':white_check_mark: 未解決の重大な検出結果はありません。'),
  homeErrors: (n: number): Localized => L(`:warning: ${n} checks could not run in this scan.`, `:warning: このスキャンでは ${n} 件のチェックを実行できませんでした。`),
  homeFooter: L('Refreshed each time you open this tab.', 'このタブを開くたびに更新されます。'),
} as const;
