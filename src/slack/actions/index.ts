// Block action ids → their listeners.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { EXPLAIN_ACTION_ID } from '../render/results.ts';
import { explainAction } from './explain.ts';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(EXPLAIN_ACTION_ID, explainAction(deps));
}
