// The App Home tab: the latest scan of each account (time, score, counts) and its failing checks grouped as in
// the results message, each with "Show all". Pure: the result set ids behind Show all are stored beforehand.
import type { types } from '@slack/bolt';
import { countFailures, postureScore } from '../../engine/score.ts';
import { type AnyCheck, type ScanReport, SEVERITIES } from '../../engine/types.ts';
import { type Locale, t } from '../../i18n/locale.ts';
import { MSG, SEVERITY_EMOJI } from '../messages.ts';
import { clipMrkdwn, slackDate } from '../mrkdwn.ts';
import { groupFailures } from '../results/groups.ts';
import { type Block, context, divider, fields, header, section } from './blocks.ts';
import { layoutGroups } from './groups.ts';
import { BLOCK_KIT } from './limits.ts';
import { describeSelection } from './scope.ts';

/** An account's own blocks (divider, name, facts, errors) and the fewest its groups can take (compact form). */
const BLOCKS_PER_ACCOUNT = 4;
const MIN_GROUP_BLOCKS = 2;
/** Text across the tab, shared by the accounts (a view has no stated total, but its payload has a size). */
const VIEW_TEXT_BUDGET = 60_000;

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

function accountBlocks(snapshot: AccountSnapshot, options: AppHomeOptions, budget: { blocks: number; text: number }): Block[] {
  const { report } = snapshot;
  const { locale } = options;
  const counts = countFailures(report.results);
  const countText = SEVERITIES.filter((s) => s !== 'info')
    .map((s) => `${SEVERITY_EMOJI[s]} ${counts[s]}`)
    .join('  ');
  const blocks: Block[] = [
    divider(),
    section(t(locale, MSG.homeAccount(snapshot.name, snapshot.accountId))),
    fields([
      t(locale, MSG.homeLastScan(slackDate(report.finishedAt))),
      t(locale, MSG.homeScore(postureScore(report.results))),
      t(locale, MSG.homeCounts(countText)),
      t(locale, MSG.homeScope(clipMrkdwn(describeSelection(report.selection, locale), 300))),
    ]),
  ];
  const errored = new Set(report.results.filter((r) => r.status === 'ERROR').map((r) => r.checkId)).size;
  if (errored > 0) blocks.push(context([t(locale, MSG.homeErrors(errored))]));
  const groups = groupFailures(report.results, options.catalogue ?? []);
  if (groups.length === 0) {
    blocks.push(section(t(locale, MSG.noFindings)));
    return blocks;
  }
  const setId = options.resultSetIds?.get(snapshot.accountId);
  const layout = layoutGroups(
    groups,
    { locale, accountNames: new Map([[snapshot.accountId, snapshot.name]]), ...(setId ? { resultSetId: setId } : {}) },
    budget,
  );
  blocks.push(...layout.blocks);
  return blocks;
}

export interface AppHomeOptions {
  locale: Locale;
  /** False for people outside AWSCHECK_SCANNERS: they see no findings. */
  mayView: boolean;
  /** For check titles. */
  catalogue?: readonly AnyCheck[];
  /** Account id → the stored result set its "Show all" buttons open. */
  resultSetIds?: ReadonlyMap<string, string>;
}

export function renderAppHome(reports: readonly ScanReport[], options: AppHomeOptions): types.HomeView {
  const { locale } = options;
  const blocks: Block[] = [header(t(locale, MSG.homeHeader))];
  if (!options.mayView) {
    blocks.push(section(t(locale, MSG.homeNotAllowed)));
    return { type: 'home', blocks };
  }
  const snapshots = latestByAccount(reports);
  if (snapshots.length === 0) blocks.push(section(t(locale, MSG.homeEmpty)));
  const room = Math.floor((BLOCK_KIT.maxViewBlocks - 3) / (BLOCKS_PER_ACCOUNT + MIN_GROUP_BLOCKS));
  const shown = snapshots.slice(0, room);
  // The blocks left after every account's own ones, shared out evenly for their groups.
  const groupBlocks = Math.floor((BLOCK_KIT.maxViewBlocks - 3 - shown.length * BLOCKS_PER_ACCOUNT) / Math.max(1, shown.length));
  const budget = { blocks: groupBlocks, text: Math.floor(VIEW_TEXT_BUDGET / Math.max(1, shown.length)) };
  for (const snapshot of shown) blocks.push(...accountBlocks(snapshot, options, budget));
  if (snapshots.length > room) blocks.push(section(t(locale, MSG.andMore(snapshots.length - room))));
  blocks.push(context([t(locale, MSG.homeFooter)]));
  return { type: 'home', blocks };
}
