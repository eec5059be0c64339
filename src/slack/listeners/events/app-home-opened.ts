// App Home: each time the tab opens, publish the latest scan of every account (from the history store when
// there is one, else from this process's memory), grouped by check. Only people allowed to scan see
// findings. Each account's failing findings are stored (once per scan) before rendering, for "Show all".
import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { latestByAccount, renderAppHome } from '../../render/app-home.ts';
import { prepareResults } from '../../results/prepare.ts';

export function appHomeOpened(deps: SlackDeps): Middleware<SlackEventMiddlewareArgs<'app_home_opened'>> {
  return async ({ event, client }) => {
    if (event.tab === 'messages') return;
    const locale = await deps.userLocales.of(client, event.user);
    const mayView = await deps.scanners.allows(client, event.user);
    const reports = mayView ? await (deps.history ? deps.history.latestPerAccount() : Promise.resolve(deps.scans.latestPerAccount())) : [];
    const resultSetIds = new Map<string, string>();
    if (deps.resultSets) {
      for (const snapshot of latestByAccount(reports)) {
        const key = `home|${snapshot.accountId}|${snapshot.report.startedAt}|${snapshot.report.finishedAt}`;
        const { resultSetId } = await prepareResults(snapshot.report, { locale, catalogue: deps.catalogue, resultSets: deps.resultSets, key });
        if (resultSetId) resultSetIds.set(snapshot.accountId, resultSetId);
      }
    }
    await client.views.publish({
      user_id: event.user,
      view: renderAppHome(reports, { locale, mayView, catalogue: deps.catalogue, resultSetIds }),
    });
  };
}
