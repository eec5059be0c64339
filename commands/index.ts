// Slash commands → their listeners (commands/<name>/). The composition root (src/app/build.ts) calls this
// beside src/slack/listeners, so src/slack never imports commands/.
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../src/slack/deps.ts';
import { awscheckCommand } from './awscheck/index.ts';
import type { Subcommand } from './awscheck/types.ts';

export function registerCommands(app: App, deps: SlackDeps, subcommands: readonly Subcommand[]): void {
  app.command('/awscheck', awscheckCommand(deps, subcommands));
}
