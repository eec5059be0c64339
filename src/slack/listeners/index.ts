// Every Slack surface awscheck listens on; each folder's index.ts wires ids to its callbacks.
import type { App } from '@slack/bolt';
import type { Subcommand } from '../../../commands/awscheck/types.ts';
import { registerActions, registerRemediationActions } from './actions/index.ts';
import { registerBatchListeners } from '../remediation/batch/requests.ts';
import { registerCommands } from '../../../commands/index.ts';
import type { SlackDeps } from '../deps.ts';
import { registerEvents } from './events/index.ts';
import { registerRemediationViews } from './views/index.ts';

export function registerListeners(app: App, deps: SlackDeps, subcommands: readonly Subcommand[]): void {
  registerCommands(app, deps, subcommands);
  registerActions(app, deps);
  registerEvents(app, deps);
  const { remediation } = deps;
  if (remediation) {
    registerRemediationActions(app, { ...deps, remediation });
    registerRemediationViews(app, { ...deps, remediation });
    registerBatchListeners(app, { ...deps, remediation });
  }
}
