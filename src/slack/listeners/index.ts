// Every Slack surface awscheck listens on, except the slash command (commands/ registers it); each folder's
// index.ts wires ids to one callback per file.
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { registerActions, registerRemediationActions } from './actions/index.ts';
import { registerEvents } from './events/index.ts';
import { registerRemediationViews } from './views/index.ts';

export function registerListeners(app: App, deps: SlackDeps): void {
  registerActions(app, deps);
  registerEvents(app, deps);
  const { remediation } = deps;
  if (remediation) {
    registerRemediationActions(app, { ...deps, remediation });
    registerRemediationViews(app, { ...deps, remediation });
  }
}
