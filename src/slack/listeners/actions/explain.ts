// The "Explain" button (value = check id): opens the check's tutorial in a modal, from a message or App Home.
import type { BlockButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { openView } from '../../delivery/open-view.ts';
import { renderExplainModal } from '../../render/explain.ts';

export function explainAction(deps: SlackDeps): Middleware<SlackActionMiddlewareArgs<BlockButtonAction>> {
  return async ({ ack, action, body, client, logger }) => {
    await ack();
    // The value only names a check to read about; nothing is authorised by it.
    const check = deps.catalogue.find((c) => c.id === action.value);
    if (!check) {
      logger.warn(`awscheck: Explain clicked for an unknown check id (${String(action.value).slice(0, 80)})`);
      return;
    }
    await openView(client, body, renderExplainModal(check, await deps.userLocales.of(client, body.user.id)));
  };
}
