// The App Home tab: the latest scan of each account (time, score, counts, open critical findings).
import type { types } from '@slack/bolt';
import { countFailures, postureScore } from '../../engine/score.ts';
import { type ScanReport, SEVERITIES } from '../../engine/types.ts';
import type { Locale } from '../../i18n/locale.ts';
import { MSG, SEVERITY_EMOJI, say } from '../messages.ts';
import { clipMrkdwn, code, escapeMrkdwn, slackDate } from '../mrkdwn.ts';
import { type Block, context, divider, fields, header, section } from './blocks.ts';
import { BLOCK_KIT } from './limits.ts';
import { describeSelection } from './scope.ts';

const CRITICAL_LINES = 5;
const BLOCKS_PER_ACCOUNT = 5;

export interface AccountSnapshot {
  accountId: string;
  name: string;
  report: ScanReport;
}

/** One entry per account: the newest report that covers it, with only that account's results. */
export function latestByAccount(reports: readonly ScanReport[]): AccountSnapshot[] {
  const latest = new Map<string, AccountSnapshot>();
  for (const report of reports) {
    for (const account of report.accounts) {
      const seen = latest.get(account.accountId);
      if (seen && seen.report.finishedAt >= report.finishedAt) continue;
      const own = (r: { accountId?: string }) => r.accountId === undefined || r.accountId === account.accountId;
      latest.set(account.accountId, {
        accountId: account.accountId,
        name: account.name,
        report: {
          ...report,
          accounts: [account],
          results: report.results.filter((r) => r.accountId === account.accountId),
          errors: report.errors.filter(own),
          notes: report.notes.filter(own),
        },
      });
    }
  }
  return [...latest.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function accountBlocks(snapshot: AccountSnapshot, locale: Locale): Block[] {
  const { report } = snapshot;
  const counts = countFailures(report.results);
  const countText = SEVERITIES.filter((s) => s !== 'info')
    .map((s) => `${SEVERITY_EMOJI[s]} ${counts[s]}`)
    .join('  ');
  const critical = report.results.filter((r) => r.status === 'FAIL' && r.severity === 'critical');
  const blocks: Block[] = [
    divider(),
    section(say(locale, MSG.homeAccount(snapshot.name, snapshot.accountId))),
    fields([
      say(locale, MSG.homeLastScan(slackDate(report.finishedAt))),
      say(locale, MSG.homeScore(postureScore(report.results))),
      say(locale, MSG.homeCounts(countText)),
      say(locale, MSG.homeScope(clipMrkdwn(describeSelection(report.selection, locale), 300))),
    ]),
  ];
  if (critical.length === 0) {
    blocks.push(section(say(locale, MSG.homeNoCritical)));
  } else {
    const lines = critical
      .slice(0, CRITICAL_LINES)
      .map((r) => `• ${clipMrkdwn(escapeMrkdwn(r.evidence), 300)} · ${code(r.checkId)}`);
    if (critical.length > CRITICAL_LINES) lines.push(say(locale, MSG.andMore(critical.length - CRITICAL_LINES)));
    blocks.push(section(`${say(locale, MSG.homeCriticalTitle(critical.length))}\n${lines.join('\n')}`));
  }
  const errored = new Set(report.results.filter((r) => r.status === 'ERROR').map((r) => r.checkId)).size;
  if (errored > 0) blocks.push(context([say(locale, MSG.homeErrors(errored))]));
  return blocks;
}

export interface AppHomeOptions {
  locale: Locale;
  /** False for people outside AWSCHECK_SCANNERS: they see no findings. */
  mayView: boolean;
}

export function renderAppHome(reports: readonly ScanReport[], options: AppHomeOptions): types.HomeView {
  const { locale } = options;
  const blocks: Block[] = [header(say(locale, MSG.homeHeader))];
  if (!options.mayView) {
    blocks.push(section(say(locale, MSG.homeNotAllowed)));
    return { type: 'home', blocks };
  }
  const snapshots = latestByAccount(reports);
  if (snapshots.length === 0) blocks.push(section(say(locale, MSG.homeEmpty)));
  const room = Math.floor((BLOCK_KIT.maxViewBlocks - 3) / BLOCKS_PER_ACCOUNT);
  for (const snapshot of snapshots.slice(0, room)) blocks.push(...accountBlocks(snapshot, locale));
  if (snapshots.length > room) blocks.push(section(say(locale, MSG.andMore(snapshots.length - room))));
  blocks.push(context([say(locale, MSG.homeFooter)]));
  return { type: 'home', blocks };
}
