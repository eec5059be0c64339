// Slash commands → their listeners (commands/<name>/).
import type { App } from '@slack/bolt';
import { awscheckCommand } from '../../../commands/awscheck/index.ts';
import type { Subcommand } from '../../../commands/awscheck/types.ts';
import type { SlackDeps } from '../deps.ts';

export function registerCommands(app: App, deps: SlackDeps, subcommands: readonly Subcommand[]): void {
  app.command('/awscheck', awscheckCommand(deps, subcommands));
}
