// Slash commands → their listeners (commands/<name>/).
import type { App } from '@slack/bolt';
import { awscheckCommand } from './awscheck/index.ts';
import type { Subcommand } from './awscheck/types.ts';
import type { SlackDeps } from '../src/slack/deps.ts';

export function registerCommands(app: App, deps: SlackDeps, subcommands: readonly Subcommand[]): void {
  app.command('/awscheck', awscheckCommand(deps, subcommands));
}
