// Every string a Slack user reads, in English and Japanese. Values from AWS or users are escaped here, so
// each message is ready for mrkdwn; callers read them with `t(locale, …)` (src/i18n).
import type { Severity } from '../engine/types.ts';
import { SEVERITY_NAMES } from '../i18n/severity.ts';
import { serviceName } from '../render/progress.ts';
import { count, type Localized } from '../i18n/locale.ts';
import { code, escapeMrkdwn } from './mrkdwn.ts';

export const SEVERITY_EMOJI: Record<Severity, string> = {
  critical: ':red_circle:',
  high: ':large_orange_circle:',
  medium: ':large_yellow_circle:',
  low: ':large_blue_circle:',
  info: ':white_circle:',
};

export const MSG = {
  severity: (severity: Severity): Localized => SEVERITY_NAMES[severity],
  service: (service: string): Localized => ({ en: escapeMrkdwn(serviceName(service, 'en')), ja: escapeMrkdwn(serviceName(service, 'ja')) }),

  // Progress
  scanning: { en: ':hourglass_flowing_sand: Scanning… this message updates as it goes.', ja: ':hourglass_flowing_sand: スキャンしています… 進み具合はこのメッセージでお知らせします。' },
  scope: (what: string): Localized => ({ en: `Scope: ${what}`, ja: `対象: ${what}` }),
  resultsPosted: { en: 'Done: the results are posted in this channel.', ja: '完了しました。結果はこのチャンネルに投稿しました。' },

  // Scope descriptions
  allChecks: { en: 'all checks', ja: 'すべてのチェック' },
  allAccounts: { en: 'all accounts', ja: 'すべてのアカウント' },
  allRegions: { en: 'all enabled regions', ja: '有効なすべてのリージョン' },
  accountsList: (names: string): Localized => ({ en: `account ${names}`, ja: `アカウント ${names}` }),
  regionsList: (names: string): Localized => ({ en: `region ${names}`, ja: `リージョン ${names}` }),

  // Who may scan
  notAllowed: {
    en: "Sorry, you're not on the list of people who can run awscheck scans. Ask whoever runs awscheck to add you, or a user group you belong to, to `AWSCHECK_SCANNERS`.",
    ja: '申し訳ありません。awscheck のスキャンを実行できるメンバーに含まれていません。awscheck の管理者に、あなた自身かあなたが所属するユーザーグループを `AWSCHECK_SCANNERS` に追加するよう依頼してください。',
  },
  homeNotAllowed: {
    en: 'Scan results are shown only to the people who may run scans (`AWSCHECK_SCANNERS`).',
    ja: 'スキャン結果は、スキャンの実行を許可されたメンバー (`AWSCHECK_SCANNERS`) にのみ表示されます。',
  },

  // Failures
  scanUnavailable: (reason: string): Localized =>
    ({ en: `:x: The scan could not run: ${escapeMrkdwn(reason)}`, ja: `:x: スキャンを実行できませんでした: ${escapeMrkdwn(reason)}` }),
  selectionRejected: (reason: string): Localized =>
    ({ en: `That selection can't be scanned: ${escapeMrkdwn(reason)}`, ja: `その指定ではスキャンできません: ${escapeMrkdwn(reason)}` }),
  unexpected: {
    en: ':warning: Something went wrong on my side; the details are in the awscheck log. Please try again in a moment.',
    ja: ':warning: awscheck 側で問題が発生しました。詳細は awscheck のログに記録されています。少し待ってからもう一度お試しください。',
  },

  // Results
  resultsHeader: (score: number | undefined): Localized =>
    score === undefined
      ? { en: 'awscheck · no score (nothing could be evaluated)', ja: 'awscheck · スコアなし (評価できた項目がありません)' }
      : { en: `awscheck · posture score ${score}/100`, ja: `awscheck · セキュリティスコア ${score}/100` },
  resultsFallback: (score: number | undefined, critical: number, high: number, errors: number): Localized =>
    ({
      en: `awscheck: score ${score ?? 'n/a'}, ${critical} critical and ${high} high findings${errors ? `, ${count('en', errors, { one: 'check', other: 'checks' })} could not run` : ''}`,
      ja: `awscheck: スコア ${score ?? 'なし'}、重大 ${critical} 件・高 ${high} 件${errors ? `、実行できなかったチェック ${errors} 件` : ''}`,
    }),
  passedCount: (n: number): Localized => ({ en: `:white_check_mark: ${n} passed`, ja: `:white_check_mark: 合格 ${n}` }),
  mutedCount: (n: number): Localized => ({ en: `:no_bell: ${n} accepted risks`, ja: `:no_bell: 受容済みリスク ${n}` }),
  errorCount: (n: number): Localized => ({ en: `:warning: ${n} could not run`, ja: `:warning: 実行不可 ${n}` }),
  scanFacts: (accounts: number, regions: number, seconds: number): Localized =>
    ({
      en: `${count('en', accounts, { one: 'account', other: 'accounts' })}${regions ? ` · ${count('en', regions, { one: 'region', other: 'regions' })}` : ''} · ${seconds}s`,
      ja: `アカウント ${accounts}${regions ? ` · リージョン ${regions}` : ''} · ${seconds} 秒`,
    }),
  errorsTitle: (checks: number): Localized =>
    ({
      en: `:warning: *${count('en', checks, { one: 'check', other: 'checks' })} could not run, so these results are incomplete.* Nothing below is a pass for them.`,
      ja: `:warning: *${checks} 件のチェックを実行できなかったため、この結果は不完全です。* それらのチェックは合格扱いではありません。`,
    }),
  errorLine: (where: string, reason: string, checks: string): Localized =>
    ({ en: `• ${where}: ${escapeMrkdwn(reason)}${checks ? ` (${checks})` : ''}`, ja: `• ${where}: ${escapeMrkdwn(reason)}${checks ? ` (${checks})` : ''}` }),
  andMore: (n: number): Localized => ({ en: `…and ${n} more`, ja: `…ほか ${n} 件` }),
  noFindings: { en: ':white_check_mark: No failing findings.', ja: ':white_check_mark: 不合格の項目はありません。' },
  severityHeading: (severity: Severity, n: number): Localized =>
    ({
      en: `${SEVERITY_EMOJI[severity]} *${SEVERITY_NAMES[severity].en}* · ${count('en', n, { one: 'finding', other: 'findings' })}`,
      ja: `${SEVERITY_EMOJI[severity]} *${SEVERITY_NAMES[severity].ja}* · ${n} 件`,
    }),
  explainButton: { en: 'Explain', ja: '解説' },
  truncated: (shown: number, total: number): Localized =>
    ({ en: `Showing the top ${shown} of ${total} findings.`, ja: `${total} 件中、上位 ${shown} 件を表示しています。` }),
  csvInDm: { en: 'The full list is attached as a CSV file in your direct messages with awscheck.', ja: '全件の一覧は CSV ファイルとして awscheck とのダイレクトメッセージに添付しました。' },
  csvInChannel: { en: 'The full list is attached as a CSV file in this channel.', ja: '全件の一覧は CSV ファイルとしてこのチャンネルに添付しました。' },
  csvUnavailable: (reason: string): Localized =>
    ({
      en: `The full list could not be attached (${escapeMrkdwn(reason)}). Invite awscheck to this channel, or get it with \`npx awscheck scan --format csv\`.`,
      ja: `全件の一覧を添付できませんでした (${escapeMrkdwn(reason)})。awscheck をこのチャンネルに招待するか、\`npx awscheck scan --format csv\` で取得してください。`,
    }),
  csvTitle: { en: 'awscheck findings (full list)', ja: 'awscheck 検出結果 (全件)' },
  csvComment: { en: 'The full results of your /awscheck scan.', ja: '/awscheck によるスキャン結果の全件です。' },
  dmFallback: {
    en: 'Your /awscheck results (Slack no longer accepted a reply in the original conversation):',
    ja: '/awscheck の結果です (元の会話には返信できなくなっていたため、こちらに送ります):',
  },

  // Explain
  whyHeading: { en: '*Why it matters*', ja: '*なぜ重要か*' },
  guideHeading: { en: '*How to fix*', ja: '*対処方法*' },
  checkFacts: (id: string, severity: Severity, cis: string, hub: string): Localized =>
    ({
      en: `${code(id)} · ${SEVERITY_EMOJI[severity]} ${SEVERITY_NAMES[severity].en}${cis ? ` · CIS ${cis}` : ''}${hub ? ` · Security Hub ${hub}` : ''}`,
      ja: `${code(id)} · ${SEVERITY_EMOJI[severity]} ${SEVERITY_NAMES[severity].ja}${cis ? ` · CIS ${cis}` : ''}${hub ? ` · Security Hub ${hub}` : ''}`,
    }),
  explainModalTitle: { en: 'awscheck', ja: 'awscheck' },
  explainWhich: {
    en: 'Which check? For example `/awscheck explain iam.root-mfa`; `/awscheck checks` lists them all.',
    ja: 'どのチェックですか? 例: `/awscheck explain iam.root-mfa`。`/awscheck checks` で一覧を表示できます。',
  },
  unknownCheck: (id: string, suggestions: readonly string[]): Localized =>
    ({
      en: `There is no check called ${code(id)}.${suggestions.length ? ` Did you mean ${suggestions.map(code).join(', ')}?` : ''} \`/awscheck checks\` lists them all.`,
      ja: `${code(id)} というチェックはありません。${suggestions.length ? `${suggestions.map(code).join('、')} のことですか? ` : ''}\`/awscheck checks\` で一覧を表示できます。`,
    }),

  // Catalogue
  checksHeader: (n: number): Localized => ({ en: `awscheck · ${count('en', n, { one: 'check', other: 'checks' })}`, ja: `awscheck · ${n} 件のチェック` }),
  checksFooter: { en: '`/awscheck explain CHECK-ID` tells why a check matters and how to fix it.', ja: '`/awscheck explain CHECK-ID` で、チェックの重要性と対処方法を表示します。' },
  checksEmpty: { en: 'No checks match.', ja: '該当するチェックはありません。' },

  // Help
  helpHeader: { en: 'awscheck · help', ja: 'awscheck · ヘルプ' },
  helpIntro: {
    en: 'awscheck checks *your side* of the AWS shared responsibility model: IAM identities and keys, S3 exposure, security groups, patching and instance settings.',
    ja: 'awscheck は AWS 責任共有モデルの *お客様側* の設定 (IAM の ID とキー、S3 の公開状態、セキュリティグループ、パッチ適用、インスタンス設定) をチェックします。',
  },
  helpProblem: (problem: string): Localized => ({ en: `:information_source: ${problem} Here is what I can do:`, ja: `:information_source: ${problem}使い方は次のとおりです。` }),
  helpScan: {
    en: '`/awscheck` — scan everything\n`/awscheck iam|s3|ec2|ssm|detect` — one service\n`/awscheck CHECK-ID` — one check, e.g. `/awscheck iam.root-mfa`',
    ja: '`/awscheck` — すべてをスキャン\n`/awscheck iam|s3|ec2|ssm|detect` — 1 つのサービスだけ\n`/awscheck CHECK-ID` — 1 つのチェックだけ (例: `/awscheck iam.root-mfa`)',
  },
  helpExplain: { en: '`/awscheck explain CHECK-ID` — why a check matters and how to fix it', ja: '`/awscheck explain CHECK-ID` — チェックの重要性と対処方法' },
  helpChecks: { en: '`/awscheck checks [SERVICE]` — the list of checks', ja: '`/awscheck checks [サービス]` — チェックの一覧' },
  helpHelp: { en: '`/awscheck help` — this help', ja: '`/awscheck help` — このヘルプ' },
  helpOptions: {
    en: 'Narrow a scan with `account=NAME|ID` and `region=REGION` (comma-separated lists work). Add `public` to show the results to the channel; otherwise only you see them.',
    ja: '`account=名前|ID` と `region=リージョン` でスキャン対象を絞り込めます (カンマ区切りで複数指定可)。`public` を付けると結果をチャンネル全体に表示します。付けない場合はあなただけに表示されます。',
  },

  // Parser problems
  unknownWord: (word: string): Localized => ({ en: `I didn't understand ${code(word)}.`, ja: `${code(word)} は理解できませんでした。` }),
  unknownOption: (key: string): Localized =>
    ({ en: `I don't know the option ${code(`${key}=`)}; use \`account=\` or \`region=\`.`, ja: `${code(`${key}=`)} というオプションはありません。\`account=\` か \`region=\` を使ってください。` }),
  emptyOption: (key: string): Localized => ({ en: `${code(`${key}=`)} needs a value.`, ja: `${code(`${key}=`)} には値が必要です。` }),
  badRegion: (region: string): Localized =>
    ({ en: `${code(region)} is not a region name; regions look like \`ap-northeast-1\`.`, ja: `${code(region)} はリージョン名ではありません。リージョン名は \`ap-northeast-1\` のような形式です。` }),
  unknownAccount: (account: string, configured: string): Localized =>
    ({ en: `I don't know the account ${code(account)}. Configured accounts: ${configured}.`, ja: `${code(account)} というアカウントは設定されていません。設定済みのアカウント: ${configured}` }),
  noAccountsConfigured: {
    en: 'No accounts are configured, so awscheck scans the account its own credentials belong to; `account=` has nothing to choose from. Add accounts to awscheck.yml to scan several.',
    ja: 'アカウントが設定されていないため、awscheck は自身の認証情報のアカウントをスキャンします。`account=` で選べるアカウントはありません。複数のアカウントをスキャンするには awscheck.yml にアカウントを追加してください。',
  },

  // App Home
  homeHeader: { en: 'awscheck · latest scans', ja: 'awscheck · 最新のスキャン' },
  homeEmpty: { en: 'No scans yet. Run `/awscheck` in any channel to start one.', ja: 'まだスキャンしていません。任意のチャンネルで `/awscheck` を実行して開始してください。' },
  homeAccount: (name: string, id: string): Localized => ({ en: `*${escapeMrkdwn(name)}* (${escapeMrkdwn(id)})`, ja: `*${escapeMrkdwn(name)}* (${escapeMrkdwn(id)})` }),
  homeLastScan: (when: string): Localized => ({ en: `*Last scan*\n${when}`, ja: `*最終スキャン*\n${when}` }),
  homeScore: (score: number | undefined): Localized =>
    ({ en: `*Score*\n${score === undefined ? 'n/a' : `${score}/100`}`, ja: `*スコア*\n${score === undefined ? 'なし' : `${score}/100`}` }),
  homeScope: (what: string): Localized => ({ en: `*Scope*\n${what}`, ja: `*対象*\n${what}` }),
  homeCounts: (counts: string): Localized => ({ en: `*Failing*\n${counts}`, ja: `*不合格*\n${counts}` }),
  homeErrors: (n: number): Localized => ({ en: `:warning: ${count('en', n, { one: 'check', other: 'checks' })} could not run in this scan.`, ja: `:warning: このスキャンでは ${n} 件のチェックを実行できませんでした。` }),
  homeFooter: { en: 'Refreshed each time you open this tab.', ja: 'このタブを開くたびに更新されます。' },
} as const;
