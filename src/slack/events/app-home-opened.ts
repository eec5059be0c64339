// App Home: each time the tab opens, publish the latest scan of every account (from the history store when
// there is one, else from this process's memory). Only people allowed to scan see findings.
import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { renderAppHome } from '../render/app-home.ts';

export function appHomeOpened(deps: SlackDeps): Middleware<SlackEventMiddlewareArgs<'app_home_opened'>> {
  return async ({ event, client }) => {
    if (event.tab === 'messages') return;
    const mayView = await deps.scanners.allows(client, event.user);
    const reports = mayView ? await (deps.history ? deps.history.latestPerAccount() : Promise.resolve(deps.scans.latestPerAccount())) : [];
    await client.views.publish({ user_id: event.user, view: renderAppHome(reports, { locale: deps.locale, mayView }) });
  };
}
