// Every string a Slack user reads, in English and Japanese. Values from AWS or users are escaped here, so
// each message is ready for mrkdwn; callers read them with `t(locale, …)` (src/i18n).
import type { Severity } from '../engine/types.ts';
import { SEVERITY_NAMES } from '../i18n/severity.ts';
import { serviceName } from '../render/progress.ts';
import { catalogue, count, type Localized } from '../i18n/locale.ts';
import { code, escapeMrkdwn } from './mrkdwn.ts';
import en from './messages.en.json' with { type: 'json' };
import ja from './messages.ja.json' with { type: 'json' };

export const SEVERITY_EMOJI: Record<Severity, string> = {
  critical: ':red_circle:',
  high: ':large_orange_circle:',
  medium: ':large_yellow_circle:',
  low: ':large_blue_circle:',
  info: ':white_circle:',
};

export const MSG = {
  ...catalogue(en.MSG, ja.MSG),
  severity: (severity: Severity): Localized => SEVERITY_NAMES[severity],
  service: (service: string): Localized => ({ en: escapeMrkdwn(serviceName(service, 'en')), ja: escapeMrkdwn(serviceName(service, 'ja')) }),

  // Progress
  scope: (what: string): Localized => ({ en: `Scope: ${what}`, ja: `対象: ${what}` }),

  // Scope descriptions
  accountsList: (names: string): Localized => ({ en: `account ${names}`, ja: `アカウント ${names}` }),
  regionsList: (names: string): Localized => ({ en: `region ${names}`, ja: `リージョン ${names}` }),

  // Who may scan

  // Failures
  scanUnavailable: (reason: string): Localized =>
    ({ en: `:x: The scan could not run: ${escapeMrkdwn(reason)}`, ja: `:x: スキャンを実行できませんでした: ${escapeMrkdwn(reason)}` }),
  selectionRejected: (reason: string): Localized =>
    ({ en: `That selection can't be scanned: ${escapeMrkdwn(reason)}`, ja: `その指定ではスキャンできません: ${escapeMrkdwn(reason)}` }),

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
  severityHeading: (severity: Severity, n: number): Localized =>
    ({
      en: `${SEVERITY_EMOJI[severity]} *${SEVERITY_NAMES[severity].en}* · ${count('en', n, { one: 'finding', other: 'findings' })}`,
      ja: `${SEVERITY_EMOJI[severity]} *${SEVERITY_NAMES[severity].ja}* · ${n} 件`,
    }),
  truncated: (shown: number, total: number): Localized =>
    ({ en: `Showing the top ${shown} of ${total} findings.`, ja: `${total} 件中、上位 ${shown} 件を表示しています。` }),
  csvUnavailable: (reason: string): Localized =>
    ({
      en: `The full list could not be attached (${escapeMrkdwn(reason)}). Invite awscheck to this channel, or get it with \`npx awscheck scan --format csv\`.`,
      ja: `全件の一覧を添付できませんでした (${escapeMrkdwn(reason)})。awscheck をこのチャンネルに招待するか、\`npx awscheck scan --format csv\` で取得してください。`,
    }),

  // Explain
  checkFacts: (id: string, severity: Severity, cis: string, hub: string): Localized =>
    ({
      en: `${code(id)} · ${SEVERITY_EMOJI[severity]} ${SEVERITY_NAMES[severity].en}${cis ? ` · CIS ${cis}` : ''}${hub ? ` · Security Hub ${hub}` : ''}`,
      ja: `${code(id)} · ${SEVERITY_EMOJI[severity]} ${SEVERITY_NAMES[severity].ja}${cis ? ` · CIS ${cis}` : ''}${hub ? ` · Security Hub ${hub}` : ''}`,
    }),
  unknownCheck: (id: string, suggestions: readonly string[]): Localized =>
    ({
      en: `There is no check called ${code(id)}.${suggestions.length ? ` Did you mean ${suggestions.map(code).join(', ')}?` : ''} \`/awscheck checks\` lists them all.`,
      ja: `${code(id)} というチェックはありません。${suggestions.length ? `${suggestions.map(code).join('、')} のことですか? ` : ''}\`/awscheck checks\` で一覧を表示できます。`,
    }),

  // Catalogue
  checksHeader: (n: number): Localized => ({ en: `awscheck · ${count('en', n, { one: 'check', other: 'checks' })}`, ja: `awscheck · ${n} 件のチェック` }),

  // Help
  helpProblem: (problem: string): Localized => ({ en: `:information_source: ${problem} Here is what I can do:`, ja: `:information_source: ${problem}使い方は次のとおりです。` }),

  // Parser problems
  unknownWord: (word: string): Localized => ({ en: `I didn't understand ${code(word)}.`, ja: `${code(word)} は理解できませんでした。` }),
  unknownOption: (key: string): Localized =>
    ({ en: `I don't know the option ${code(`${key}=`)}; use \`account=\` or \`region=\`.`, ja: `${code(`${key}=`)} というオプションはありません。\`account=\` か \`region=\` を使ってください。` }),
  emptyOption: (key: string): Localized => ({ en: `${code(`${key}=`)} needs a value.`, ja: `${code(`${key}=`)} には値が必要です。` }),
  badRegion: (region: string): Localized =>
    ({ en: `${code(region)} is not a region name; regions look like \`ap-northeast-1\`.`, ja: `${code(region)} はリージョン名ではありません。リージョン名は \`ap-northeast-1\` のような形式です。` }),
  unknownAccount: (account: string, configured: string): Localized =>
    ({ en: `I don't know the account ${code(account)}. Configured accounts: ${configured}.`, ja: `${code(account)} というアカウントは設定されていません。設定済みのアカウント: ${configured}` }),

  // App Home
  homeAccount: (name: string, id: string): Localized => ({ en: `*${escapeMrkdwn(name)}* (${escapeMrkdwn(id)})`, ja: `*${escapeMrkdwn(name)}* (${escapeMrkdwn(id)})` }),
  homeLastScan: (when: string): Localized => ({ en: `*Last scan*\n${when}`, ja: `*最終スキャン*\n${when}` }),
  homeScore: (score: number | undefined): Localized =>
    ({ en: `*Score*\n${score === undefined ? 'n/a' : `${score}/100`}`, ja: `*スコア*\n${score === undefined ? 'なし' : `${score}/100`}` }),
  homeScope: (what: string): Localized => ({ en: `*Scope*\n${what}`, ja: `*対象*\n${what}` }),
  homeCounts: (counts: string): Localized => ({ en: `*Failing*\n${counts}`, ja: `*不合格*\n${counts}` }),
  homeErrors: (n: number): Localized => ({ en: `:warning: ${count('en', n, { one: 'check', other: 'checks' })} could not run in this scan.`, ja: `:warning: このスキャンでは ${n} 件のチェックを実行できませんでした。` }),
} as const;
